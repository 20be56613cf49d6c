// One scope, fully explained: the target of every ScopeLink (/docs/scopes#members-read).
// Everything shown comes from the catalogue and the docs endpoint table.
import { Badge } from "@/components/ui/badge";
import { endpointsOfScope } from "@/lib/docs/endpoints";
import { RISK_LABELS, keyTypeLabels, listText, riskReason } from "@/lib/docs/scope-text";
import { scopeAnchor, type Scope, type ScopeRisk } from "@/lib/scopes/catalog";
import { AnnouncedBadge, EndpointPath, MethodBadge } from "./endpoint-bits";

const RISK_TONES: Record<ScopeRisk, "green" | "amber" | "red"> = { low: "green", medium: "amber", high: "red" };

export function RiskBadge({ risk }: { risk: ScopeRisk }) {
  return <Badge tone={RISK_TONES[risk]}>{RISK_LABELS[risk]}</Badge>;
}

export function ScopeCard({ scope }: { scope: Scope }) {
  const anchor = scopeAnchor(scope.id);
  const endpoints = endpointsOfScope(scope.id);
  return (
    <section
      id={anchor}
      aria-labelledby={`${anchor}-title`}
      data-scope={scope.id}
      className="scroll-mt-6 rounded-xl border border-zinc-200 bg-white p-5 shadow-sm target:ring-2 target:ring-brand-600 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0">
          <h3 id={`${anchor}-title`} className="font-mono text-base font-semibold text-zinc-950 dark:text-white">
            <a href={`#${anchor}`} className="hover:underline">
              {scope.id}
            </a>
          </h3>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{scope.title}</p>
        </div>
        <div className="flex flex-wrap gap-1.5">
          {scope.recommended && <Badge tone="green">Recommended</Badge>}
          <RiskBadge risk={scope.risk} />
          {scope.requiresJustification && <Badge tone="neutral">Justification required</Badge>}
        </div>
      </div>
      <p className="mt-3 text-zinc-800 dark:text-zinc-200">{scope.description}</p>

      <dl className="mt-4 grid gap-x-6 gap-y-4 border-t border-zinc-200 pt-4 text-sm sm:grid-cols-[8.5rem_minmax(0,1fr)] dark:border-zinc-800">
        <dt className="font-medium text-zinc-900 dark:text-zinc-100">Endpoints</dt>
        <dd>
          {endpoints.length > 0 ? (
            <ul className="space-y-2" aria-label={`Endpoints of ${scope.id}`}>
              {endpoints.map((e) => (
                <li key={e.key} data-endpoint={e.key} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <MethodBadge method={e.method} />
                  <EndpointPath path={e.path} />
                  {e.production === "announced" && <AnnouncedBadge />}
                  <span className="basis-full text-zinc-600 sm:pl-14 dark:text-zinc-400">{e.summary}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-zinc-600 dark:text-zinc-400">
              None: no <code className="font-mono">/api/v1</code> endpoint needs this scope.
              {scope.access === "receive" &&
                " It lets COPA deliver events to your own HTTPS endpoint; webhook notifications for data changes are on COPA's announced roadmap."}
            </p>
          )}
        </dd>

        <dt className="font-medium text-zinc-900 dark:text-zinc-100">{scope.access === "write" ? "Data it changes" : "Data it exposes"}</dt>
        <dd>
          <ul className="flex flex-wrap gap-1.5" aria-label={`Data fields of ${scope.id}`}>
            {scope.data.map((field) => (
              <li key={field} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
                {field}
              </li>
            ))}
          </ul>
        </dd>

        <dt className="font-medium text-zinc-900 dark:text-zinc-100">Risk</dt>
        <dd className="text-zinc-700 dark:text-zinc-300">
          {RISK_LABELS[scope.risk]}. {riskReason(scope)}
        </dd>

        <dt className="font-medium text-zinc-900 dark:text-zinc-100">Suited key types</dt>
        <dd className="text-zinc-700 dark:text-zinc-300">{listText(keyTypeLabels(scope.keyTypes))}</dd>

        <dt className="font-medium text-zinc-900 dark:text-zinc-100">Justification</dt>
        <dd className="text-zinc-700 dark:text-zinc-300">
          {scope.requiresJustification
            ? "Required. Your request must explain why your integration needs it; reviewers grant it only for a clear need."
            : "Not required. The reviewer decides from your use case."}
        </dd>
      </dl>
    </section>
  );
}
