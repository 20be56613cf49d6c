import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CodeBlock } from "@/components/docs/code-block";
import { CodeTabs, snippetTabs } from "@/components/docs/code-tabs";
import { DocsPage, Section, SubSection } from "@/components/docs/docs-page";
import { C, Callout, Table, Td } from "@/components/docs/prose";
import { RICH, link } from "@/components/docs/rich";
import { ScopeLink } from "@/components/scopes/scope-link";
import { sandboxBaseUrl } from "@/lib/docs/base-url";
import { ERROR_TEXT_VALUES, docsError } from "@/lib/docs/errors";
import { keyTypePolicyText } from "@/lib/docs/key-types";
import { EXAMPLE_KEY_MASK, EXAMPLE_KEY_SHAPE } from "@/lib/docs/samples";
import { listCooperativesSnippets } from "@/lib/docs/snippets";
import { ENVIRONMENTS, KEY_TYPES } from "@/lib/keys/key-types";
import { allowedScopes } from "@/lib/keys/policy";
import { ROTATION_GRACE } from "@/lib/keys/status";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("docs.nav.pages");
  return { title: t("authentication.label") };
}

const SECTIONS = ["api-keys", "key-types", "sending-the-key", "failures", "keeping-keys-safe", "rotation", "revocation"] as const;

export default async function AuthenticationPage() {
  const [t, base] = await Promise.all([getTranslations("docs"), sandboxBaseUrl()]);
  const toc = SECTIONS.map((id) => ({ id, title: t(`authPage.toc.${id}`) }));
  const unauthorized = docsError(401);
  const forbidden = docsError(403);
  const strong = RICH.strong;
  return (
    <DocsPage href="/docs/authentication" title={t("nav.pages.authentication.label")} toc={toc} lead={<p>{t("authPage.lead")}</p>}>
      <Section id="api-keys" title={t("authPage.toc.api-keys")}>
        <p>{t("authPage.keys.threeParts")}</p>
        <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white px-4 py-4 font-mono text-sm dark:border-zinc-800 dark:bg-zinc-900">
          <span className="text-zinc-500 dark:text-zinc-400">sk_copa_</span>
          <span className="font-semibold text-brand-700 dark:text-brand-100">{"{type}"}</span>
          <span className="text-zinc-500 dark:text-zinc-400">_</span>
          <span className="text-sky-800 dark:text-sky-200">{`{${t("authPage.keys.characters")}}`}</span>
        </div>
        <ul className="list-disc space-y-1.5 pl-5">
          <li>{t.rich("authPage.keys.prefix", { prefix: () => <C>sk_copa_</C> })}</li>
          <li>
            {t.rich("authPage.keys.type", {
              type: () => <C>{"{type}"}</C>,
              types: () =>
                KEY_TYPES.map((k, i) => (
                  <span key={k.id}>
                    {i > 0 && (i === KEY_TYPES.length - 1 ? ` ${t("or")} ` : ", ")}
                    <C>{k.id}</C>
                  </span>
                )),
            })}
          </li>
          <li>{t("authPage.keys.secret")}</li>
        </ul>
        <p>
          {t.rich("authPage.keys.example", {
            example: () => <C>{EXAMPLE_KEY_SHAPE}</C>,
            mask: () => <C>{EXAMPLE_KEY_MASK}</C>,
            rotating: (chunks) => (
              <a href="#rotation" className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100">
                {chunks}
              </a>
            ),
          })}
        </p>
        <p>
          {t.rich("authPage.keys.environment", {
            environments: ENVIRONMENTS.map((e) => t(`environments.${e.id}.short`)).join(` ${t("or")} `),
            base: () => <C>{base}</C>,
            environmentsLink: link("/docs#environments"),
          })}
        </p>
      </Section>

      <Section id="key-types" title={t("authPage.toc.key-types")}>
        <p>{t("authPage.keyTypes.text")}</p>
        <Table wide caption={t("authPage.keyTypes.caption")} head={[t("authPage.keyTypes.type"), t("authPage.keyTypes.meantFor"), t("authPage.keyTypes.allowed")]}>
          {KEY_TYPES.map((k) => (
            <tr key={k.id}>
              <Td className="whitespace-nowrap">
                <C>{k.id}</C>
              </Td>
              <Td>
                {t(`keyTypes.${k.id}.description`)}
                <span className="mt-1 block text-zinc-600 dark:text-zinc-400">{keyTypePolicyText(t, k.id)}</span>
              </Td>
              <Td>
                <span className="flex flex-wrap gap-x-2 gap-y-1">
                  {allowedScopes(k.id).map((id) => (
                    <ScopeLink key={id} scope={id} />
                  ))}
                </span>
              </Td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section id="sending-the-key" title={t("authPage.toc.sending-the-key")}>
        <p>{t("authPage.sending.twoHeaders")}</p>
        <SubSection title={t("authPage.sending.bearerTitle")}>
          <p>{t("authPage.sending.bearerText")}</p>
          <CodeTabs title={t("authPage.sending.bearerExample")} tabs={snippetTabs(listCooperativesSnippets(base, "bearer"))} />
        </SubSection>
        <SubSection title="X-API-Key">
          <p>{t("authPage.sending.apiKeyText")}</p>
          <CodeTabs title={t("authPage.sending.apiKeyExample")} tabs={snippetTabs(listCooperativesSnippets(base, "x-api-key"))} />
        </SubSection>
        <Callout tone="warning" title={t("authPage.sending.noUrlTitle")}>
          <p>{t("authPage.sending.noUrlText")}</p>
        </Callout>
      </Section>

      <Section id="failures" title={t("authPage.toc.failures")}>
        <p>{t.rich("authPage.failures.first", { strong })}</p>
        <CodeBlock code={unauthorized.body} lang="json" title={`401 ${unauthorized.name}`} />
        <p>{t("authPage.failures.sameBody")}</p>
        <ul className="list-disc space-y-1.5 pl-5">
          {unauthorized.causes.map((c) => (
            <li key={c}>{t(`errorRows.${unauthorized.id}.causes.${c}` as "errorRows.invalidKey.causes.noHeader", ERROR_TEXT_VALUES)}</li>
          ))}
        </ul>
        <p>{t.rich("authPage.failures.forbidden", { strong })}</p>
        <CodeBlock code={forbidden.body} lang="json" title={`403 ${forbidden.name}`} />
        <p>{t.rich("authPage.failures.compare", { scopes: link("/docs/scopes"), errors: link("/docs/errors") })}</p>
      </Section>

      <Section id="keeping-keys-safe" title={t("authPage.toc.keeping-keys-safe")}>
        <p>{t("authPage.safe.intro")}</p>
        <ul className="list-disc space-y-2 pl-5">
          <li>{t.rich("authPage.safe.servers", RICH)}</li>
          <li>{t.rich("authPage.safe.sourceCode", { ...RICH, variable: () => <C>COPA_API_KEY</C>, env: () => <C>.env</C>, gitignore: () => <C>.gitignore</C> })}</li>
          <li>{t.rich("authPage.safe.rotate", RICH)}</li>
          <li>{t.rich("authPage.safe.fewest", { ...RICH, picker: link("/docs/scopes#picker") })}</li>
        </ul>
      </Section>

      <Section id="rotation" title={t("authPage.toc.rotation")}>
        <p>{t("authPage.rotation.text")}</p>
        <ol className="list-decimal space-y-1.5 pl-5">
          <li>{t.rich("authPage.rotation.step1", { ...RICH, keys: link("/keys") })}</li>
          <li>{t("authPage.rotation.step2")}</li>
          <li>{t("authPage.rotation.step3")}</li>
          <li>{t("authPage.rotation.step4")}</li>
          <li>{t("authPage.rotation.step5")}</li>
        </ol>
        <Table wide caption={t("authPage.rotation.caption")} head={[t("authPage.rotation.option"), t("authPage.rotation.stops"), t("authPage.rotation.when")]}>
          {ROTATION_GRACE.map((g) => (
            <tr key={g.id}>
              <Td className="font-medium whitespace-nowrap text-zinc-900 dark:text-white">{t(`authPage.grace.${g.id}.label`)}</Td>
              <Td className="whitespace-nowrap">{t(`authPage.grace.${g.id}.stops`)}</Td>
              <Td>{t(`authPage.grace.${g.id}.advice`)}</Td>
            </tr>
          ))}
        </Table>
        <p>{t("authPage.rotation.never")}</p>
      </Section>

      <Section id="revocation" title={t("authPage.toc.revocation")}>
        <p>{t.rich("authPage.revocation.text", { ...RICH, keys: link("/keys"), body: () => <C>{unauthorized.body}</C> })}</p>
        <p>{t("authPage.revocation.expiry")}</p>
      </Section>
    </DocsPage>
  );
}
