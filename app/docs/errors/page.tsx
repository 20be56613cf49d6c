import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CodeBlock } from "@/components/docs/code-block";
import { CodeTabs, snippetTabs } from "@/components/docs/code-tabs";
import { DocsPage, Section, SubSection } from "@/components/docs/docs-page";
import { C, Table, Td } from "@/components/docs/prose";
import { link } from "@/components/docs/rich";
import { sandboxBaseUrl } from "@/lib/docs/base-url";
import { DOCS_ERRORS, ERROR_SHAPE, ERROR_TEXT_VALUES, type DocsError } from "@/lib/docs/errors";
import type { AnyTranslator } from "@/lib/i18n/translate-message";
import { errorHandlingSnippets } from "@/lib/docs/snippets";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("docs.nav.pages");
  return { title: t("errors.label") };
}

const RETRY: Record<DocsError["retry"], "never" | "afterFix" | "later"> = { never: "never", "after-fix": "afterFix", later: "later" };

const anchor = (status: number) => `status-${status}`;

export default async function ErrorsPage() {
  const [t, base] = await Promise.all([getTranslations("docs"), sandboxBaseUrl()]);
  // A row's explanations are keyed by its id (lib/docs/errors.ts), chosen at run time.
  const row = (e: DocsError, key: string) => (t as unknown as AnyTranslator)(`errorRows.${e.id}.${key}`, ERROR_TEXT_VALUES);
  const toc = [
    { id: "shape", title: t("errorsPage.shape.title") },
    { id: "order", title: t("errorsPage.order.title") },
    ...DOCS_ERRORS.map((e) => ({ id: anchor(e.status), title: `${e.status} ${e.name}` })),
    { id: "handling", title: t("errorsPage.handling.title") },
  ];
  return (
    <DocsPage href="/docs/errors" title={t("nav.pages.errors.label")} toc={toc} lead={<p>{t("errorsPage.lead")}</p>}>
      <Section id="shape" title={t("errorsPage.shape.title")}>
        <p>{t.rich("errorsPage.shape.contentType", { type: () => <C>application/json</C> })}</p>
        <CodeBlock code={ERROR_SHAPE} lang="json" title={t("errorsPage.shape.bodyTitle")} />
        <p>{t.rich("errorsPage.shape.branch", { detail: () => <C>detail</C> })}</p>
        <Table wide caption={t("errorsPage.shape.caption")} head={[t("errorsPage.shape.status"), t("errorsPage.shape.body"), t("errorsPage.shape.retry")]}>
          {DOCS_ERRORS.map((e) => (
            <tr key={e.id}>
              <Td className="whitespace-nowrap">
                <a href={`#${anchor(e.status)}`} className="font-medium text-brand-700 underline decoration-brand-600/40 underline-offset-2 dark:text-brand-100">
                  {e.status} {e.name}
                </a>
              </Td>
              <Td>
                <code className="font-mono text-xs break-words">{e.bodyIsExample ? `{"detail": "..."}` : e.body}</code>
              </Td>
              <Td>{t(`errorsPage.retry.${RETRY[e.retry]}`)}</Td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section id="order" title={t("errorsPage.order.title")}>
        <p>{t.rich("errorsPage.order.text", { checks: link("/docs/scopes#checks") })}</p>
      </Section>

      {DOCS_ERRORS.map((e) => (
        <Section key={e.id} id={anchor(e.status)} title={`${e.status} ${e.name}`}>
          <p>{row(e, "when")}</p>
          <CodeBlock code={e.body} lang="json" title={e.bodyIsExample ? t("errorsPage.bodyExample", { status: e.status }) : t("errorsPage.body", { status: e.status })} />
          {e.bodyIsExample && <p>{e.status === 400 ? t("errorsPage.varies400") : t("errorsPage.variesMethod")}</p>}
          {e.otherBodies?.map((o) => (
            <div key={o.id}>
              <p>{t("errorsPage.otherBody", { when: row(e, `otherBodies.${o.id}`) })}</p>
              <CodeBlock code={o.body} lang="json" title={t("errorsPage.body", { status: e.status })} />
            </div>
          ))}
          {e.status === 429 && <p>{t.rich("errorsPage.retryAfter", { header: () => <C>Retry-After</C>, rateLimits: link("/docs/rate-limits") })}</p>}
          <div className="grid gap-x-8 md:grid-cols-2">
            <SubSection title={t("errorsPage.causes")}>
              <ul className="list-disc space-y-1.5 pl-5">
                {e.causes.map((c) => (
                  <li key={c}>{row(e, `causes.${c}`)}</li>
                ))}
              </ul>
            </SubSection>
            <SubSection title={t("errorsPage.fix")}>
              <ul className="list-disc space-y-1.5 pl-5">
                {e.fix.map((f) => (
                  <li key={f}>{row(e, `fix.${f}`)}</li>
                ))}
              </ul>
            </SubSection>
          </div>
        </Section>
      ))}

      <Section id="handling" title={t("errorsPage.handling.title")}>
        <p>{t("errorsPage.handling.text")}</p>
        <CodeTabs title={t("errorsPage.handling.example")} tabs={snippetTabs(errorHandlingSnippets(base))} />
      </Section>
    </DocsPage>
  );
}
