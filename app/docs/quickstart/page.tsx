import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CodeBlock } from "@/components/docs/code-block";
import { CodeTabs, snippetTabs } from "@/components/docs/code-tabs";
import { DocsPage } from "@/components/docs/docs-page";
import { C, Callout, Step, Steps, Table, Td } from "@/components/docs/prose";
import { RICH, link } from "@/components/docs/rich";
import { ScopeLink } from "@/components/scopes/scope-link";
import { sandboxBaseUrl } from "@/lib/docs/base-url";
import { PRODUCTION_BASE_URL } from "@/lib/docs/environments";
import { docsError } from "@/lib/docs/errors";
import type { AnyTranslator } from "@/lib/i18n/translate-message";
import { requestScopesHref } from "@/lib/docs/picker";
import { getDocsReader, type DocsReader } from "@/lib/docs/reader";
import { SAMPLE_COOPERATIVE_JSON, sampleCooperativeList } from "@/lib/docs/samples";
import { cooperativeMembersSnippets, exportKeySnippet, listCooperativesSnippets } from "@/lib/docs/snippets";
import { USE_CASE_MIN } from "@/lib/requests/schemas";
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from "@/lib/sandbox/schemas";
import { RECOMMENDED_SCOPES } from "@/lib/scopes/catalog";
import { requiredScope } from "@/lib/scopes/enforcement";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("docs.nav.pages");
  return { title: t("quickstart.label") };
}

const SECTIONS = ["account", "request", "store-the-key", "first-call", "one-cooperative", "errors", "production"] as const;

type DocsT = Awaited<ReturnType<typeof getTranslations<"docs">>>;

const BUTTON =
  "inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600";

export default async function QuickstartPage() {
  const [t, base, reader] = await Promise.all([getTranslations("docs"), sandboxBaseUrl(), getDocsReader()]);
  const toc = SECTIONS.map((id) => ({ id, title: t(`quickstart.toc.${id}`) }));
  const strong = RICH.strong;
  const sandboxRequest = requestScopesHref(RECOMMENDED_SCOPES, { type: "partner", environment: "sandbox" });
  const productionRequest = requestScopesHref(RECOMMENDED_SCOPES, { type: "partner", environment: "production" });
  const firstKey = reader.kind === "member" ? reader.activeSandboxKeys[0] : undefined;

  return (
    <DocsPage
      href="/docs/quickstart"
      title={t("nav.pages.quickstart.label")}
      toc={toc}
      lead={<p>{t("quickstart.lead")}</p>}
    >
      <ReaderPanel reader={reader} base={base} t={t} />

      <Steps>
        <Step id="account" title={t("quickstart.account.title")}>
          {reader.kind === "member" ? (
            <p>{t.rich("quickstart.account.done", { strong, organization: reader.organizationName })}</p>
          ) : reader.kind === "no-organization" ? (
            <p>{t.rich("quickstart.account.noOrganization", { onboarding: link("/onboarding") })}</p>
          ) : (
            <>
              <p>{t.rich("quickstart.account.signUp", { signUp: link("/sign-up") })}</p>
              <p>
                <Link href="/sign-up" className={BUTTON}>
                  {t("quickstart.account.create")}
                </Link>
              </p>
            </>
          )}
        </Step>

        <Step id="request" title={t("quickstart.toc.request")}>
          <p>
            {t.rich("quickstart.request.text", {
              partner: () => <C>partner</C>,
              sandbox: () => <C>sandbox</C>,
              scopes: () => listScopes(RECOMMENDED_SCOPES, t("and")),
              min: USE_CASE_MIN,
            })}
          </p>
          {firstKey ? (
            <p>{t.rich("quickstart.request.done", { strong, name: firstKey.name, another: link(sandboxRequest) })}</p>
          ) : (
            <p>
              <Link href={sandboxRequest} className={BUTTON}>
                {t("quickstart.toc.request")}
              </Link>
            </p>
          )}
          <p>{t.rich("quickstart.request.review", { requests: link("/requests"), picker: link("/docs/scopes#picker") })}</p>
        </Step>

        <Step id="store-the-key" title={t("quickstart.store.title")}>
          <p>{t.rich("quickstart.store.reveal", { strong, keys: link("/keys") })}</p>
          <CodeBlock code={exportKeySnippet(firstKey ? { name: firstKey.name, mask: firstKey.mask } : undefined)} lang="bash" title={t("quickstart.terminal")} />
          <p>{t.rich("quickstart.store.environment", { variable: () => <C>COPA_API_KEY</C>, env: () => <C>.env</C> })}</p>
        </Step>

        <Step id="first-call" title={t("quickstart.toc.first-call")}>
          <p>{t.rich("quickstart.firstCall.text", { base: () => <C>{base}</C> })}</p>
          <CodeTabs title={t("quickstart.firstCall.example")} tabs={snippetTabs(listCooperativesSnippets(base))} />
          <p>{t.rich("quickstart.firstCall.success", { ok: () => <C>200</C> })}</p>
          <CodeBlock code={JSON.stringify(sampleCooperativeList(base), null, 2)} lang="json" title="GET /cooperatives?page_size=2 · 200" />
          <p>
            {t.rich("quickstart.firstCall.pagination", {
              count: () => <C>count</C>,
              results: () => <C>results</C>,
              next: () => <C>next</C>,
              previous: () => <C>previous</C>,
              null: () => <C>null</C>,
              page: () => <C>page</C>,
              pageSize: () => <C>page_size</C>,
              filter: () => <C>?province=Southern</C>,
              reference: link("/docs/reference"),
              default: PAGE_SIZE_DEFAULT,
              max: PAGE_SIZE_MAX,
            })}
          </p>
        </Step>

        <Step id="one-cooperative" title={t("quickstart.oneCooperative.title")}>
          <p>{t.rich("quickstart.oneCooperative.text", { scope: () => <ScopeLink scope={requiredScope("GET", "/cooperatives/{id}/members") ?? ""} /> })}</p>
          <CodeTabs title={t("quickstart.oneCooperative.example")} tabs={snippetTabs(cooperativeMembersSnippets(base))} />
          <p>{t("quickstart.oneCooperative.looksLike")}</p>
          <CodeBlock code={SAMPLE_COOPERATIVE_JSON} lang="json" title="GET /cooperatives/{id} · 200" />
          <p>{t.rich("quickstart.oneCooperative.fields", { memberCount: () => <C>member_count</C>, programme: () => <C>programme</C>, null: () => <C>null</C> })}</p>
        </Step>

        <Step id="errors" title={t("quickstart.toc.errors")}>
          <p>{t.rich("quickstart.errors.text", { detail: () => <C>detail</C> })}</p>
          <Table wide caption={t("quickstart.errors.caption")} head={[t("quickstart.errors.status"), t("quickstart.errors.body"), t("quickstart.errors.means")]}>
            {[401, 403, 404, 429].map((status) => {
              const e = docsError(status);
              return (
                <tr key={status}>
                  <Td className="font-medium whitespace-nowrap text-zinc-900 dark:text-white">{status}</Td>
                  <Td>
                    <code className="font-mono text-xs break-words">{e.body}</code>
                  </Td>
                  <Td>{(t as unknown as AnyTranslator)(`errorRows.${e.id}.when`)}</Td>
                </tr>
              );
            })}
          </Table>
          <p>{t.rich("quickstart.errors.more", { errors: link("/docs/errors"), rateLimits: link("/docs/rate-limits") })}</p>
        </Step>

        <Step id="production" title={t("quickstart.toc.production")}>
          <p>{t.rich("quickstart.production.text", { base: () => <C>{PRODUCTION_BASE_URL}</C> })}</p>
          <p>{t.rich("quickstart.production.request", { request: link(productionRequest) })}</p>
        </Step>
      </Steps>
    </DocsPage>
  );
}

function listScopes(ids: readonly string[], and: string) {
  return ids.map((id, i) => (
    <span key={id}>
      {i > 0 && (i === ids.length - 1 ? ` ${and} ` : ", ")}
      <ScopeLink scope={id} />
    </span>
  ));
}

/** Tells a signed-in reader what is personalised, and lists their keys by mask. */
function ReaderPanel({ reader, base, t }: { reader: DocsReader; base: string; t: DocsT }) {
  if (reader.kind !== "member") {
    return (
      <div className="mt-8">
        <Callout tone="note" title={reader.kind === "anonymous" ? t("quickstart.reader.anonymousTitle") : t("quickstart.reader.noOrganizationTitle")}>
          <p>
            {reader.kind === "anonymous"
              ? t.rich("quickstart.reader.anonymousText", { signIn: link("/sign-in?callbackUrl=/docs/quickstart") })
              : t("quickstart.reader.noOrganizationText")}
          </p>
        </Callout>
      </div>
    );
  }
  return (
    <section aria-labelledby="your-keys" className="mt-8 rounded-xl border border-brand-600/30 bg-brand-50/60 p-4 dark:border-brand-500/30 dark:bg-brand-900/20" data-testid="reader-keys">
      <h2 id="your-keys" className="text-sm font-semibold text-zinc-950 dark:text-white">
        {t("quickstart.reader.title", { organization: reader.organizationName })}
      </h2>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">{t.rich("quickstart.reader.examplesCall", { base: () => <C>{base}</C> })}</p>
      {reader.activeSandboxKeys.length > 0 ? (
        <ul className="mt-3 space-y-2">
          {reader.activeSandboxKeys.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md bg-white px-3 py-2 text-sm ring-1 ring-zinc-200 dark:bg-zinc-900 dark:ring-zinc-800">
              <span className="font-medium text-zinc-900 dark:text-white">{k.name}</span>
              <code className="font-mono text-xs text-zinc-700 dark:text-zinc-300">{k.mask}</code>
              <span className="flex flex-wrap gap-2 text-xs">
                {k.scopes.map((s) => (
                  <ScopeLink key={s} scope={s} />
                ))}
              </span>
            </li>
          ))}
          {reader.activeSandboxKeyCount > reader.activeSandboxKeys.length && (
            <li className="text-sm text-zinc-700 dark:text-zinc-300">
              {t.rich("quickstart.reader.more", { count: reader.activeSandboxKeyCount - reader.activeSandboxKeys.length, keys: link("/keys") })}
            </li>
          )}
        </ul>
      ) : (
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          {reader.unrevealedSandboxKeys > 0
            ? t.rich("quickstart.reader.unrevealed", { count: reader.unrevealedSandboxKeys, keys: link("/keys") })
            : t("quickstart.reader.none")}
        </p>
      )}
    </section>
  );
}
