import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DocsPage, Section } from "@/components/docs/docs-page";
import { EndpointPicker } from "@/components/docs/endpoint-picker";
import { A, C, Callout, Table, Td } from "@/components/docs/prose";
import { RequestChecks } from "@/components/docs/request-checks";
import { RICH, link } from "@/components/docs/rich";
import { RiskBadge, ScopeCard } from "@/components/docs/scope-card";
import { ScopeLink } from "@/components/scopes/scope-link";
import { DOCS_ENDPOINTS, endpointsOfScope } from "@/lib/docs/endpoints";
import { requestScopesHref } from "@/lib/docs/picker";
import { listText } from "@/lib/docs/scope-text";
import { RECOMMENDED_SCOPES, SCOPES } from "@/lib/scopes/catalog";
import { endpointMessageKey, scopeText } from "@/lib/scopes/messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("docs.nav.pages");
  return { title: t("scopes.label") };
}

export default async function ScopesPage() {
  const [t, ts] = await Promise.all([getTranslations("docs"), getTranslations("scopes")]);
  const toc = (["start-here", "picker", "checks", "at-a-glance", "all-scopes"] as const).map((id) => ({ id, title: t(`scopesPage.toc.${id}`) }));
  const recommendedEndpoints = DOCS_ENDPOINTS.filter((e) => (RECOMMENDED_SCOPES as string[]).includes(e.scope));
  return (
    <DocsPage href="/docs/scopes" title={t("nav.pages.scopes.label")} toc={toc} lead={<p>{t("scopesPage.lead")}</p>}>
      <Section id="start-here" title={t("scopesPage.toc.start-here")}>
        <p>
          {t.rich("scopesPage.startHere.mostNeed", {
            count: recommendedEndpoints.length,
            scopes: () =>
              RECOMMENDED_SCOPES.map((id, i) => (
                <span key={id}>
                  {i > 0 && (i === RECOMMENDED_SCOPES.length - 1 ? ` ${t("and")} ` : ", ")}
                  <ScopeLink scope={id} />
                </span>
              )),
          })}
        </p>
        <ul className="list-disc space-y-1 pl-5">
          {recommendedEndpoints.map((e) => (
            <li key={e.key}>
              <C>
                {e.method} {e.path}
              </C>{" "}
              <span className="text-zinc-600 dark:text-zinc-400">{ts(`endpoints.${endpointMessageKey(e.key)}` as "endpoints.GET_cooperatives")}</span>
            </li>
          ))}
        </ul>
        <p>{t("scopesPage.startHere.writeScopes")}</p>
        <p>
          <A href={requestScopesHref(RECOMMENDED_SCOPES, { type: "partner" })}>{t("scopesPage.startHere.request", { scopes: listText(RECOMMENDED_SCOPES, t("and")) })}</A>
        </p>
      </Section>

      <Section id="picker" title={t("scopesPage.picker.title")}>
        <p>{t("scopesPage.picker.text")}</p>
        <EndpointPicker />
      </Section>

      <Section id="checks" title={t("scopesPage.toc.checks")}>
        <p>{t("scopesPage.checks.order")}</p>
        <RequestChecks />
        <p>{t.rich("scopesPage.checks.shape", { ...RICH, shape: () => <C>{`{"detail": "..."}`}</C>, errors: link("/docs/errors"), rateLimits: link("/docs/rate-limits") })}</p>
      </Section>

      <Section id="at-a-glance" title={t("scopesPage.toc.at-a-glance")}>
        <Table
          wide
          caption={t("scopesPage.glance.caption")}
          head={[t("scopesPage.glance.scope"), t("scopesPage.glance.grants"), t("scopesPage.glance.endpoints"), t("scopesPage.glance.risk")]}
        >
          {SCOPES.map((s) => (
            <tr key={s.id}>
              <Td className="whitespace-nowrap">
                <ScopeLink scope={s.id} />
              </Td>
              <Td>{scopeText(ts, s).title}</Td>
              <Td className="whitespace-nowrap">{endpointsOfScope(s.id).length || t("scopesPage.glance.none")}</Td>
              <Td className="whitespace-nowrap">
                <RiskBadge risk={s.risk} />
              </Td>
            </tr>
          ))}
        </Table>
        <Callout tone="note" title={ts("announced.badge")}>
          <p>{t("scopesPage.glance.announced")}</p>
        </Callout>
      </Section>

      <Section id="all-scopes" title={t("scopesPage.toc.all-scopes")}>
        <div className="space-y-5">
          {SCOPES.map((s) => (
            <ScopeCard key={s.id} scope={s} />
          ))}
        </div>
      </Section>
    </DocsPage>
  );
}
