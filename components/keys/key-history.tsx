// A key's history from the audit log, newest first: issued, every scope change asked,
// decided and applied, rotation, limits, revocation. Partners see "COPA" where admins see
// which admin acted.
import { useTranslations } from "next-intl";
import { Time } from "@/components/ui/time";
import { HISTORY_BY_SYSTEM, HISTORY_BY_UNKNOWN, KEY_HISTORY_ACTIONS, KEY_HISTORY_TAKE } from "@/lib/keys/scope-changes";

type Entry = { id: string; action: string; by: string; metadata: string; createdAt: Date };

/** The audit actions the history words (keys.history.actions.*); any other shows as it is stored. */
const ACTIONS = new Set<string>(KEY_HISTORY_ACTIONS);

type HistoryTranslator = ReturnType<typeof useTranslations<"keys.history">>;

function meta(value: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(value) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const list = (value: unknown) => (Array.isArray(value) ? (value as string[]).filter((s) => typeof s === "string") : []);

function detail(t: HistoryTranslator, action: string, m: Record<string, unknown>): string {
  const join = (value: unknown) => list(value).join(", ");
  switch (action) {
    case "key.issued":
      return list(m.scopes).length ? t("detail.with", { scopes: join(m.scopes) }) : "";
    case "key.scope_change_requested":
      return [list(m.add).length ? t("detail.add", { scopes: join(m.add) }) : "", typeof m.reason === "string" ? t("detail.reason", { reason: m.reason }) : ""].filter(Boolean).join(" · ");
    case "key.scope_change_approved":
      return list(m.add).length ? t("detail.added", { scopes: join(m.add) }) : "";
    case "key.scope_change_rejected":
      return typeof m.note === "string" && m.note ? t("detail.reason", { reason: m.note }) : "";
    case "key.scopes_changed": {
      const parts = [list(m.added).length ? `+ ${join(m.added)}` : "", list(m.removed).length ? `− ${join(m.removed)}` : ""].filter(Boolean);
      return `${parts.join(" ")}${list(m.scopes).length ? ` ${t("detail.now", { scopes: join(m.scopes) })}` : ""}`;
    }
    case "key.renamed":
      return typeof m.from === "string" && typeof m.to === "string" ? `${m.from} → ${m.to}` : "";
    case "key.ip_allowlist_changed":
      return list(m.after).length ? join(m.after) : t("detail.anyAddress");
    default:
      return "";
  }
}

function label(t: HistoryTranslator, action: string, m: Record<string, unknown>): string {
  if (action === "key.issued" && m.revealed) return t("revealed");
  if (!ACTIONS.has(action)) return action;
  return t(`actions.${action.slice("key.".length)}` as Parameters<HistoryTranslator>[0]);
}

export function KeyHistory({ entries }: { entries: Entry[] }) {
  const t = useTranslations("keys.history");
  if (entries.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("empty")}</p>;
  return (
    <>
      <ol className="space-y-2 text-sm" data-testid="key-history">
        {entries.map((e) => {
          const m = meta(e.metadata);
          const text = detail(t, e.action, m);
          return (
            <li key={e.id} className="border-l-2 border-zinc-200 pl-3 dark:border-zinc-700">
              <span className="font-medium">{label(t, e.action, m)}</span>
              {text && <span className="text-zinc-700 dark:text-zinc-300"> · {text}</span>}
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                <Time value={e.createdAt} /> · {t("by", { by: e.by === HISTORY_BY_SYSTEM ? t("automatic") : e.by === HISTORY_BY_UNKNOWN ? t("unknown") : e.by })}
              </span>
            </li>
          );
        })}
      </ol>
      {entries.length >= KEY_HISTORY_TAKE && <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">{t("newest", { count: KEY_HISTORY_TAKE })}</p>}
    </>
  );
}
