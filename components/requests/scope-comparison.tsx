// Requested versus granted scopes. COPA may grant fewer scopes than asked, or different
// ones, so a partner must be able to see exactly what the key can do and what it cannot.
import { useTranslations } from "next-intl";
import { ScopeLink } from "@/components/scopes/scope-link";
import { Badge } from "@/components/ui/badge";
import { SCOPES, getScope } from "@/lib/scopes/catalog";

type Props = { requested: string[]; granted: string[] | null };

function inCatalogueOrder(ids: Iterable<string>): string[] {
  const set = new Set(ids);
  return [...SCOPES.map((s) => s.id as string).filter((id) => set.has(id)), ...[...set].filter((id) => !getScope(id))];
}

/** Full comparison for the request page: one row per scope with its outcome. */
export function ScopeComparison({ requested, granted }: Props) {
  const t = useTranslations("requests.comparison");
  const rows = inCatalogueOrder([...requested, ...(granted ?? [])]);
  return (
    <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {rows.map((id) => {
        const wasRequested = requested.includes(id);
        const isGranted = granted?.includes(id) ?? false;
        return (
          <li key={id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
            <div className="min-w-0">
              <span className={granted && !isGranted ? "line-through decoration-zinc-400" : ""}>
                <ScopeLink scope={id} />
              </span>
              <span className="ml-2 text-zinc-500 dark:text-zinc-400">{getScope(id)?.title}</span>
            </div>
            {granted === null ? (
              <Badge tone="neutral">{t("requested")}</Badge>
            ) : isGranted && wasRequested ? (
              <Badge tone="green">{t("granted")}</Badge>
            ) : isGranted ? (
              <Badge tone="blue" title={t("grantedNotRequestedTitle")}>{t("grantedNotRequested")}</Badge>
            ) : (
              <Badge tone="red">{t("notGranted")}</Badge>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Compact form for tables: the requested scopes, with a note when the grant differs. */
export function ScopeSummary({ requested, granted }: Props) {
  const t = useTranslations("requests.comparison");
  const differs = granted !== null && (granted.length !== requested.length || granted.some((s) => !requested.includes(s)));
  return (
    <div className="space-y-1">
      <ul className="flex flex-wrap gap-1">
        {inCatalogueOrder(requested).map((id) => (
          <li
            key={id}
            className={`rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800 ${
              granted && !granted.includes(id) ? "text-zinc-600 line-through dark:text-zinc-400" : "text-zinc-700 dark:text-zinc-300"
            }`}
          >
            {id}
          </li>
        ))}
      </ul>
      {differs && granted && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {t("grantedSummary", { scopes: granted.length === 0 ? t("none") : inCatalogueOrder(granted).join(", ") })}
        </p>
      )}
    </div>
  );
}
