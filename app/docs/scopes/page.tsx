import type { Metadata } from "next";
import { DocsPage, Section } from "@/components/docs/docs-page";
import { EndpointPicker } from "@/components/docs/endpoint-picker";
import { A, C, Callout, Table, Td } from "@/components/docs/prose";
import { RequestChecks } from "@/components/docs/request-checks";
import { RiskBadge, ScopeCard } from "@/components/docs/scope-card";
import { ScopeLink } from "@/components/scopes/scope-link";
import { DOCS_ENDPOINTS, endpointsOfScope } from "@/lib/docs/endpoints";
import { requestScopesHref } from "@/lib/docs/picker";
import { listText } from "@/lib/docs/scope-text";
import { RECOMMENDED_SCOPES, SCOPES } from "@/lib/scopes/catalog";

export const metadata: Metadata = { title: "Scopes" };

const TOC = [
  { id: "start-here", title: "Start with two scopes" },
  { id: "picker", title: "Find your scopes" },
  { id: "checks", title: "How a request is checked" },
  { id: "at-a-glance", title: "Scopes at a glance" },
  { id: "all-scopes", title: "Every scope in detail" },
];

export default function ScopesPage() {
  const recommendedEndpoints = DOCS_ENDPOINTS.filter((e) => (RECOMMENDED_SCOPES as string[]).includes(e.scope));
  return (
    <DocsPage
      href="/docs/scopes"
      title="Scopes"
      toc={TOC}
      lead={
        <p>
          A scope is a permission on an API key. Every endpoint requires exactly one scope, and a key opens only the
          endpoints of the scopes it was granted. Ask for the fewest your integration needs: a smaller key is faster to
          approve and does less harm if it leaks.
        </p>
      }
    >
      <Section id="start-here" title="Start with two scopes">
        <p>
          Most partner integrations (a bank checking a cooperative, an agency reporting on members) need only{" "}
          {RECOMMENDED_SCOPES.map((id, i) => (
            <span key={id}>
              {i > 0 && (i === RECOMMENDED_SCOPES.length - 1 ? " and " : ", ")}
              <ScopeLink scope={id} />
            </span>
          ))}
          . Together they open {recommendedEndpoints.length} read endpoints:
        </p>
        <ul className="list-disc space-y-1 pl-5">
          {recommendedEndpoints.map((e) => (
            <li key={e.key}>
              <C>
                {e.method} {e.path}
              </C>{" "}
              <span className="text-zinc-600 dark:text-zinc-400">{e.summary}</span>
            </li>
          ))}
        </ul>
        <p>
          Write scopes, and read access to loans and payments, change or expose more. They need a justification and are
          granted only when your use case shows the need. If you are unsure, start with the read pair: you can request
          another key with more scopes later.
        </p>
        <p>
          <A href={requestScopesHref(RECOMMENDED_SCOPES, { type: "partner" })}>Request {listText(RECOMMENDED_SCOPES)}</A>
        </p>
      </Section>

      <Section id="picker" title="Find the scopes for your endpoints">
        <p>
          Tick every endpoint your integration will call. The picker shows the smallest set of scopes that covers them,
          from the same endpoint-to-scope map the API enforces, and opens the request form with exactly those scopes ticked.
        </p>
        <EndpointPicker />
      </Section>

      <Section id="checks" title="How a request is checked">
        <p>
          The API checks every request in the same order and stops at the first failure, so one response tells you the
          first thing to fix. A request without a valid key gets 401 whatever endpoint it calls; a valid key without the
          endpoint&apos;s scope gets 403 before its rate limit is looked at.
        </p>
        <RequestChecks />
        <p>
          Errors always have the shape <C>{`{"detail": "..."}`}</C>. See <A href="/docs/errors">Errors</A> for every
          status and <A href="/docs/rate-limits">Rate limits</A> for the limits.
        </p>
      </Section>

      <Section id="at-a-glance" title="Scopes at a glance">
        <Table wide caption="All scopes with what they grant" head={["Scope", "Grants", "Endpoints", "Risk"]}>
          {SCOPES.map((s) => (
            <tr key={s.id}>
              <Td className="whitespace-nowrap">
                <ScopeLink scope={s.id} />
              </Td>
              <Td>{s.title}</Td>
              <Td className="whitespace-nowrap">{endpointsOfScope(s.id).length || "None"}</Td>
              <Td className="whitespace-nowrap">
                <RiskBadge risk={s.risk} />
              </Td>
            </tr>
          ))}
        </Table>
        <Callout tone="note" title="Announced in production">
          <p>
            Loans and payments endpoints are announced for COPA&apos;s production API and not live there yet. This
            portal&apos;s sandbox serves them today, so you can build against them now.
          </p>
        </Callout>
      </Section>

      <Section id="all-scopes" title="Every scope in detail">
        <div className="space-y-5">
          {SCOPES.map((s) => (
            <ScopeCard key={s.id} scope={s} />
          ))}
        </div>
      </Section>
    </DocsPage>
  );
}
