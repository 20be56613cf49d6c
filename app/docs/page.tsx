import type { Metadata } from "next";
import Link from "next/link";
import { DocsPage, Section } from "@/components/docs/docs-page";
import { AnnouncedBadge, EndpointPath, MethodBadge } from "@/components/docs/endpoint-bits";
import { EnvironmentList } from "@/components/docs/environment-list";
import { A, C, Callout } from "@/components/docs/prose";
import { CodeBlock } from "@/components/docs/code-block";
import { ScopeLink } from "@/components/scopes/scope-link";
import { sandboxBaseUrl } from "@/lib/docs/base-url";
import { resourcesInOrder } from "@/lib/docs/endpoints";
import { docsEnvironments } from "@/lib/docs/environments";
import { DOCS_PAGES } from "@/lib/docs/nav";
import { requestScopesHref } from "@/lib/docs/picker";
import { curlGet } from "@/lib/docs/snippets";
import { PAGE_SIZE_MAX } from "@/lib/sandbox/schemas";
import { RECOMMENDED_SCOPES, SCOPES } from "@/lib/scopes/catalog";

export const metadata: Metadata = { title: "Overview" };

const TOC = [
  { id: "what-you-can-do", title: "What the API offers" },
  { id: "environments", title: "Environments" },
  { id: "getting-access", title: "Getting access" },
  { id: "conventions", title: "Conventions" },
  { id: "next", title: "Where to go next" },
];

export default async function DocsOverviewPage() {
  const base = await sandboxBaseUrl();
  const environments = docsEnvironments(base);
  const resources = resourcesInOrder().filter((r) => r.endpoints.length > 0);
  const eventScopes = SCOPES.filter((s) => s.endpoints.length === 0);
  return (
    <DocsPage
      href="/docs"
      title="COPA API documentation"
      toc={TOC}
      lead={
        <p>
          The COPA API gives banks, government agencies, microfinance institutions, fintechs and NGOs programmatic access
          to Rwanda&apos;s cooperative registry: cooperatives, their members, and the loans and payments that run through
          them. It is a JSON API over HTTPS, authenticated with API keys that you request and manage in this portal.
        </p>
      }
    >
      <CodeBlock
        code={curlGet(base, "/cooperatives?province=Southern")}
        lang="bash"
        title="A request to the sandbox"
      />

      <Section id="what-you-can-do" title="What the API offers">
        <p>
          Each resource has a read scope and a write scope; every endpoint requires exactly one of them. Paths are
          relative to the base URL of the environment you call.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          {resources.map((r) => (
            <div key={r.resource} className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold text-zinc-950 dark:text-white">{r.label}</h3>
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
                <span className="text-zinc-600 dark:text-zinc-400">Scopes:</span>
                {r.scopes.map((s) => (
                  <ScopeLink key={s.id} scope={s.id} />
                ))}
              </p>
            </div>
          ))}
        </div>
        {eventScopes.map((s) => (
          <p key={s.id}>
            <ScopeLink scope={s.id} /> is for event deliveries to your own HTTPS endpoint rather than calls you make;
            webhook notifications for data changes are on COPA&apos;s announced roadmap, with bulk export.
          </p>
        ))}
      </Section>

      <Section id="environments" title="Environments">
        <p>
          The same API runs in three places. Versioning is in the path (<C>/api/v1/</C>), and COPA announces a
          deprecation six months before it takes effect.
        </p>
        <EnvironmentList environments={environments} />
        <Callout tone="tip" title="Build against the sandbox">
          <p>
            The sandbox behaves like production (the same authentication, scopes, errors and rate limits) over fictional
            data, so you can build and test without touching real records. Sandbox keys work only there.
          </p>
        </Callout>
      </Section>

      <Section id="getting-access" title="Getting access">
        <p>Instead of e-mailing the COPA team, you request keys here and follow their review:</p>
        <ol className="list-decimal space-y-2 pl-5">
          <li>
            <A href="/sign-up">Create an account</A> and describe your organisation.
          </li>
          <li>
            Request a key: its type, environment, your use case, and the scopes it needs. Most integrations need only{" "}
            {RECOMMENDED_SCOPES.map((id, i) => (
              <span key={id}>
                {i > 0 && " and "}
                <ScopeLink scope={id} />
              </span>
            ))}
            ; every write scope asks for a justification.
          </li>
          <li>A COPA administrator reviews the request and grants the scopes your use case justifies.</li>
          <li>
            Reveal the key on your <A href="/keys">API keys</A> page. It is shown once; afterwards you see only its mask.
          </li>
          <li>Call the sandbox, then request a production key when your integration works.</li>
        </ol>
        <p>
          <Link
            href={requestScopesHref(RECOMMENDED_SCOPES, { type: "partner", environment: "sandbox" })}
            className="inline-flex items-center rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600"
          >
            Request a sandbox key
          </Link>
        </p>
      </Section>

      <Section id="conventions" title="Conventions">
        <ul className="list-disc space-y-1.5 pl-5">
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Authentication:</strong>{" "}
            <C>Authorization: Bearer &lt;key&gt;</C> (or <C>X-API-Key</C>) on every request. See{" "}
            <A href="/docs/authentication">Authentication</A>.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">JSON</strong> in and out; times are ISO 8601
            in UTC; ids are UUIDs.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Pagination:</strong> list endpoints take{" "}
            <C>page</C> (from 1) and <C>page_size</C> (at most {PAGE_SIZE_MAX}) and answer with <C>count</C>,{" "}
            <C>next</C>, <C>previous</C> and <C>results</C>. See the <A href="/docs/quickstart#first-call">quickstart</A>{" "}
            for an example and the <A href="/docs/reference">API reference</A> for every schema.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Filters:</strong> cooperatives filter by{" "}
            <C>province</C>, <C>district</C>, <C>sector</C> and <C>activity</C>.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Errors:</strong> a status code and{" "}
            <C>{`{"detail": "..."}`}</C>. See <A href="/docs/errors">Errors</A>.
          </li>
          <li>
            <strong className="font-semibold text-zinc-900 dark:text-white">Rate limits:</strong> per key, per rolling
            hour and day, reported in <C>X-RateLimit-*</C> headers. See <A href="/docs/rate-limits">Rate limits</A>.
          </li>
        </ul>
      </Section>

      <Section id="next" title="Where to go next">
        <ul className="grid gap-3 sm:grid-cols-2">
          {DOCS_PAGES.filter((p) => p.href !== "/docs").map((p) => (
            <li key={p.href}>
              <Link
                href={p.href}
                className="group block h-full rounded-lg border border-zinc-200 bg-white p-4 transition hover:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-brand-500"
              >
                <span className="font-medium text-zinc-950 group-hover:text-brand-700 dark:text-white dark:group-hover:text-brand-100">{p.label} →</span>
                <span className="mt-1 block text-sm text-zinc-600 dark:text-zinc-400">{p.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </Section>
    </DocsPage>
  );
}
