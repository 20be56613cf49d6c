// One scope, fully explained: the target of every ScopeLink (/docs/scopes#members-read).
// Everything shown comes from the catalogue and the docs endpoint table.
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { endpointsOfScope } from "@/lib/docs/endpoints";
import { listText, riskReason } from "@/lib/docs/scope-text";
import { KEY_TYPES } from "@/lib/keys/key-types";
import { scopeAnchor, type Scope, type ScopeRisk } from "@/lib/scopes/catalog";
import { endpointMessageKey, scopeText } from "@/lib/scopes/messages";
import { AnnouncedBadge, EndpointPath, MethodBadge } from "./endpoint-bits";

const RISK_TONES: Record<ScopeRisk, "green" | "amber" | "red"> = { low: "green", medium: "amber", high: "red" };

export function RiskBadge({ risk }: { risk: ScopeRisk }) {
  const t = useTranslations("scopes.risk");
  return <Badge tone={RISK_TONES[risk]}>{t(risk)}</Badge>;
}

export async function ScopeCard({ scope }: { scope: Scope }) {
  const [t, ts] = await Promise.all([getTranslations("docs"), getTranslations("scopes")]);
  const anchor = scopeAnchor(scope.id);
  const endpoints = endpointsOfScope(scope.id);
  const text = scopeText(ts, scope);
  const keyTypes = KEY_TYPES.filter((k) => (scope.keyTypes as readonly string[]).includes(k.id)).map((k) => t(`keyTypes.${k.id}.label`));
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
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{text.title}</p>
        </div>
        <div className="flex flex-wrap gap-1.5">
          {scope.recommended && <Badge tone="green">{t("scopeCard.recommended")}</Badge>}
          <RiskBadge risk={scope.risk} />
          {scope.requiresJustification && <Badge tone="neutral">{t("scopeCard.justificationRequired")}</Badge>}
        </div>
      </div>
      <p className="mt-3 text-zinc-800 dark:text-zinc-200">{text.description}</p>

      <dl className="mt-4 grid gap-x-6 gap-y-4 border-t border-zinc-200 pt-4 text-sm sm:grid-cols-[8.5rem_minmax(0,1fr)] dark:border-zinc-800">
        <dt className="font-medium text-zinc-900 dark:text-zinc-100">{t("scopeCard.endpoints")}</dt>
        <dd>
          {endpoints.length > 0 ? (
            <ul className="space-y-2" aria-label={t("scopeCard.endpointsOf", { scope: scope.id })}>
              {endpoints.map((e) => (
                <li key={e.key} data-endpoint={e.key} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <MethodBadge method={e.method} />
                  <EndpointPath path={e.path} />
                  {e.production === "announced" && <AnnouncedBadge />}
                  <span className="basis-full text-zinc-600 sm:pl-14 dark:text-zinc-400">{ts(`endpoints.${endpointMessageKey(e.key)}` as "endpoints.GET_cooperatives")}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-zinc-600 dark:text-zinc-400">
              {t.rich("scopeCard.noEndpoints", { code: (chunks) => <code className="font-mono">{chunks}</code> })}
              {scope.access === "receive" && ` ${t("scopeCard.receiveNote")}`}
            </p>
          )}
        </dd>

        <dt className="font-medium text-zinc-900 dark:text-zinc-100">{scope.access === "write" ? t("scopeCard.dataChanges") : t("scopeCard.dataExposes")}</dt>
        <dd>
          <ul className="flex flex-wrap gap-1.5" aria-label={t("scopeCard.dataFieldsOf", { scope: scope.id })}>
            {scope.data.map((field) => (
              <li key={field} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
                {field}
              </li>
            ))}
          </ul>
        </dd>

        <dt className="font-medium text-zinc-900 dark:text-zinc-100">{t("scopeCard.risk")}</dt>
        <dd className="text-zinc-700 dark:text-zinc-300">
          {ts(`risk.${scope.risk}`)}. {t(`scopeCard.riskReason.${riskReason(scope)}`)}
        </dd>

        <dt className="font-medium text-zinc-900 dark:text-zinc-100">{t("scopeCard.keyTypes")}</dt>
        <dd className="text-zinc-700 dark:text-zinc-300">{listText(keyTypes, t("and"))}</dd>

        <dt className="font-medium text-zinc-900 dark:text-zinc-100">{t("scopeCard.justification")}</dt>
        <dd className="text-zinc-700 dark:text-zinc-300">
          {scope.requiresJustification ? t("scopeCard.justificationYes") : t("scopeCard.justificationNo")}
        </dd>
      </dl>
    </section>
  );
}
