import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DocsPage, Section } from "@/components/docs/docs-page";
import { AnnouncedBadge, EndpointPath, MethodBadge } from "@/components/docs/endpoint-bits";
import { EnvironmentList } from "@/components/docs/environment-list";
import { C, Callout } from "@/components/docs/prose";
import { CodeBlock } from "@/components/docs/code-block";
import { RICH, link } from "@/components/docs/rich";
import { ScopeLink } from "@/components/scopes/scope-link";
import { sandboxBaseUrl } from "@/lib/docs/base-url";
import { resourcesInOrder } from "@/lib/docs/endpoints";
import { docsEnvironments } from "@/lib/docs/environments";
import { DOCS_PAGES } from "@/lib/docs/nav";
import { requestScopesHref } from "@/lib/docs/picker";
import { curlGet } from "@/lib/docs/snippets";
import { PAGE_SIZE_MAX } from "@/lib/sandbox/schemas";
import { RECOMMENDED_SCOPES, SCOPES } from "@/lib/scopes/catalog";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("docs.nav.pages");
  return { title: t("overview.label") };
}

const SECTIONS = ["what-you-can-do", "environments", "getting-access", "conventions", "next"] as const;

export default async function DocsOverviewPage() {
  const [t, ts, base] = await Promise.all([getTranslations("docs"), getTranslations("scopes"), sandboxBaseUrl()]);
  const toc = SECTIONS.map((id) => ({ id, title: t(`overview.toc.${id}`) }));
  const environments = docsEnvironments(base);
  const resources = resourcesInOrder().filter((r) => r.endpoints.length > 0);
  const eventScopes = SCOPES.filter((s) => s.endpoints.length === 0);
  return (
    <DocsPage
      href="/docs"
      title={t("overview.title")}
      toc={toc}
      lead={<p>{t("overview.lead")}</p>}
    >
      <CodeBlock
        code={curlGet(base, "/cooperatives?province=Southern")}
        lang="bash"
        title={t("overview.sandboxRequest")}
      />

      <Section id="what-you-can-do" title={t("overview.toc.what-you-can-do")}>
        <p>{t("overview.offers")}</p>
        <div className="grid gap-4 sm:grid-cols-2">
          {resources.map((r) => (
            <div key={r.resource} className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold text-zinc-950 dark:text-white">{ts(`resources.${r.resource}`)}</h3>
                {r.endpoints.every((e) => e.production === "announced") && <AnnouncedBadge />}
              </div>
              <ul className="mt-3 space-y-1.5">
                {r.endpoints.map((e) => (
                  <li key={e.key} className="flex items-center gap-2">
                    <MethodBadge method={e.method} />
                    <EndpointPath path={e.path} />
                  </li>
                ))}
              </ul>
              <p className="mt-3 flex flex-wrap gap-x-3 gap-y-1 border-t border-zinc-200 pt-2 text-xs dark:border-zinc-800">
                <span className="text-zinc-600 dark:text-zinc-400">{t("overview.scopesLabel")}</span>
                {r.scopes.map((s) => (
                  <ScopeLink key={s.id} scope={s.id} />
                ))}
              </p>
            </div>
          ))}
        </div>
        {eventScopes.map((s) => (
          <p key={s.id}>{t.rich("overview.events", { scope: () => <ScopeLink scope={s.id} /> })}</p>
        ))}
      </Section>

      <Section id="environments" title={t("overview.toc.environments")}>
        <p>{t.rich("overview.threePlaces", { path: () => <C>/api/v1/</C> })}</p>
        <EnvironmentList environments={environments} />
        <Callout tone="tip" title={t("overview.buildSandboxTitle")}>
          <p>{t("overview.buildSandboxText")}</p>
        </Callout>
      </Section>

      <Section id="getting-access" title={t("overview.toc.getting-access")}>
        <p>{t("overview.access.intro")}</p>
        <ol className="list-decimal space-y-2 pl-5">
          <li>{t.rich("overview.access.step1", { signUp: link("/sign-up") })}</li>
          <li>
            {t.rich("overview.access.step2", {
              scopes: () =>
                RECOMMENDED_SCOPES.map((id, i) => (
                  <span key={id}>
                    {i > 0 && ` ${t("and")} `}
                    <ScopeLink scope={id} />
                  </span>
                )),
            })}
          </li>
          <li>{t("overview.access.step3")}</li>
          <li>{t.rich("overview.access.step4", { keys: link("/keys") })}</li>
          <li>{t("overview.access.step5")}</li>
        </ol>
        <p>
          <Link
            href={requestScopesHref(RECOMMENDED_SCOPES, { type: "partner", environment: "sandbox" })}
            className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            {t("overview.access.requestSandbox")}
          </Link>
        </p>
      </Section>

      <Section id="conventions" title={t("overview.toc.conventions")}>
        <ul className="list-disc space-y-1.5 pl-5">
          <li>{t.rich("overview.conventions.authentication", { ...RICH, bearer: () => <C>Authorization: Bearer &lt;key&gt;</C>, apiKey: () => <C>X-API-Key</C>, authentication: link("/docs/authentication") })}</li>
          <li>{t.rich("overview.conventions.json", RICH)}</li>
          <li>
            {t.rich("overview.conventions.pagination", {
              ...RICH,
              max: PAGE_SIZE_MAX,
              page: () => <C>page</C>,
              pageSize: () => <C>page_size</C>,
              count: () => <C>count</C>,
              next: () => <C>next</C>,
              previous: () => <C>previous</C>,
              results: () => <C>results</C>,
              quickstart: link("/docs/quickstart#first-call"),
              reference: link("/docs/reference"),
            })}
          </li>
          <li>
            {t.rich("overview.conventions.filters", {
              ...RICH,
              province: () => <C>province</C>,
              district: () => <C>district</C>,
              sector: () => <C>sector</C>,
              activity: () => <C>activity</C>,
            })}
          </li>
          <li>{t.rich("overview.conventions.errors", { ...RICH, shape: () => <C>{`{"detail": "..."}`}</C>, errors: link("/docs/errors") })}</li>
          <li>{t.rich("overview.conventions.rateLimits", { ...RICH, headers: () => <C>X-RateLimit-*</C>, rateLimits: link("/docs/rate-limits") })}</li>
        </ul>
      </Section>

      <Section id="next" title={t("overview.toc.next")}>
        <ul className="grid gap-3 sm:grid-cols-2">
          {DOCS_PAGES.filter((p) => p.href !== "/docs").map((p) => (
            <li key={p.href}>
              <Link
                href={p.href}
                className="group block h-full rounded-lg border border-zinc-200 bg-white p-4 transition hover:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-brand-500"
              >
                <span className="font-medium text-zinc-950 group-hover:text-brand-700 dark:text-white dark:group-hover:text-brand-100">{t(`nav.pages.${p.id}.label`)} →</span>
                <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">{t(`nav.pages.${p.id}.description`)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Section>
    </DocsPage>
  );
}
