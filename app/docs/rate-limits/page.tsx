import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CodeBlock } from "@/components/docs/code-block";
import { CodeTabs, snippetTabs } from "@/components/docs/code-tabs";
import { DocsPage, Section } from "@/components/docs/docs-page";
import { C, Callout, Table, Td } from "@/components/docs/prose";
import { RICH, link } from "@/components/docs/rich";
import { sandboxBaseUrl } from "@/lib/docs/base-url";
import { docsError } from "@/lib/docs/errors";
import { COPA_LIMITS, sandboxDefaultLimits } from "@/lib/docs/limits";
import { okResponseHeadersSample, throttledResponseSample } from "@/lib/docs/samples";
import { backoffSnippets, curlGet } from "@/lib/docs/snippets";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("docs.nav.pages");
  return { title: t("rateLimits.label") };
}

const SECTIONS = ["limits", "headers", "throttled", "backoff", "staying-within"] as const;

export default async function RateLimitsPage() {
  const [t, base] = await Promise.all([getTranslations("docs"), sandboxBaseUrl()]);
  const toc = SECTIONS.map((id) => ({ id, title: t(`rateLimitsPage.toc.${id}`) }));
  const strong = RICH.strong;
  const sandbox = sandboxDefaultLimits();
  const differs = sandbox.hour !== COPA_LIMITS.hour || sandbox.day !== COPA_LIMITS.day;
  return (
    <DocsPage
      href="/docs/rate-limits"
      title={t("nav.pages.rateLimits.label")}
      toc={toc}
      lead={<p>{t("rateLimitsPage.lead")}</p>}
    >
      <Section id="limits" title={t("rateLimitsPage.toc.limits")}>
        <Table caption={t("rateLimitsPage.limits.caption")} head={[t("rateLimitsPage.limits.window"), t("rateLimitsPage.limits.perKey")]}>
          <tr>
            <Td className="font-medium text-zinc-900 dark:text-white">{t("rateLimitsPage.limits.hour")}</Td>
            <Td>{t("rateLimitsPage.limits.count", { count: COPA_LIMITS.hour })}</Td>
          </tr>
          <tr>
            <Td className="font-medium text-zinc-900 dark:text-white">{t("rateLimitsPage.limits.day")}</Td>
            <Td>{t("rateLimitsPage.limits.count", { count: COPA_LIMITS.day })}</Td>
          </tr>
        </Table>
        <ul className="list-disc space-y-1.5 pl-5">
          <li>{t.rich("rateLimitsPage.limits.perKeyText", { strong })}</li>
          <li>{t.rich("rateLimitsPage.limits.rolling", { strong })}</li>
          <li>{t.rich("rateLimitsPage.limits.both", { strong, hour: COPA_LIMITS.hour, day: COPA_LIMITS.day })}</li>
          <li>{t.rich("rateLimitsPage.limits.admitted", { strong })}</li>
        </ul>
        <p>{t.rich("rateLimitsPage.limits.perKeyLimit", { header: () => <C>X-RateLimit-Limit</C> })}</p>
        {differs && (
          <Callout tone="note" title={t("rateLimitsPage.limits.sandboxTitle")}>
            <p>{t("rateLimitsPage.limits.sandboxText", { hour: sandbox.hour, day: sandbox.day })}</p>
          </Callout>
        )}
      </Section>

      <Section id="headers" title={t("rateLimitsPage.toc.headers")}>
        <p>{t("rateLimitsPage.headers.text")}</p>
        <Table caption={t("rateLimitsPage.headers.caption")} head={[t("rateLimitsPage.headers.header"), t("rateLimitsPage.headers.meaning")]}>
          <tr>
            <Td className="whitespace-nowrap">
              <C>X-RateLimit-Limit</C>
            </Td>
            <Td>{t("rateLimitsPage.headers.limit")}</Td>
          </tr>
          <tr>
            <Td className="whitespace-nowrap">
              <C>X-RateLimit-Remaining</C>
            </Td>
            <Td>{t("rateLimitsPage.headers.remaining")}</Td>
          </tr>
          <tr>
            <Td className="whitespace-nowrap">
              <C>X-RateLimit-Reset</C>
            </Td>
            <Td>{t("rateLimitsPage.headers.reset")}</Td>
          </tr>
        </Table>
        <p>{t("rateLimitsPage.headers.unauthorized")}</p>
        <p>{t.rich("rateLimitsPage.headers.curl", { flag: () => <C>-i</C> })}</p>
        <CodeBlock code={curlGet(base, "/cooperatives?page_size=1", { include: true })} lang="bash" title={t("quickstart.terminal")} />
        <CodeBlock code={okResponseHeadersSample(COPA_LIMITS.hour)} lang="http" title={t("rateLimitsPage.headers.example")} />
      </Section>

      <Section id="throttled" title={t("rateLimitsPage.toc.throttled")}>
        <p>{t.rich("rateLimitsPage.throttled.text", { strong, header: () => <C>Retry-After</C>, body: () => <C>{docsError(429).body}</C> })}</p>
        <CodeBlock code={throttledResponseSample(COPA_LIMITS.hour)} lang="http" title={t("rateLimitsPage.throttled.example")} />
        <p>{t.rich("rateLimitsPage.throttled.wait", { header: () => <C>Retry-After</C> })}</p>
      </Section>

      <Section id="backoff" title={t("rateLimitsPage.toc.backoff")}>
        <p>{t.rich("rateLimitsPage.backoff.text", { header: () => <C>Retry-After</C> })}</p>
        <CodeTabs title={t("rateLimitsPage.backoff.example")} tabs={snippetTabs(backoffSnippets(base))} />
      </Section>

      <Section id="staying-within" title={t("rateLimitsPage.toc.staying-within")}>
        <ul className="list-disc space-y-2 pl-5">
          <li>{t.rich("rateLimitsPage.within.pages", { strong, pageSize: () => <C>page_size</C> })}</li>
          <li>{t.rich("rateLimitsPage.within.filter", { strong, province: () => <C>?province=…</C>, activity: () => <C>?activity=…</C> })}</li>
          <li>{t.rich("rateLimitsPage.within.cache", { strong })}</li>
          <li>{t.rich("rateLimitsPage.within.watch", { strong })}</li>
          <li>{t.rich("rateLimitsPage.within.spread", { strong })}</li>
        </ul>
        <p>{t.rich("rateLimitsPage.within.more", { request: link("/requests/new") })}</p>
      </Section>
    </DocsPage>
  );
}
