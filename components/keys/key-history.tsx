// A key's history from the audit log, newest first: issued, every scope change asked,
// decided and applied, rotation, limits, revocation. Partners see "COPA" where admins see
// which admin acted.
import { Time } from "@/components/ui/time";
import { KEY_HISTORY_TAKE } from "@/lib/keys/scope-changes";

type Entry = { id: string; action: string; by: string; metadata: string; createdAt: Date };

const LABEL: Record<string, string> = {
  "key.issued": "Issued",
  "key.rotated": "Rotated",
  "key.revoked": "Revoked",
  "key.limits_changed": "Rate limits changed",
  "key.scope_change_requested": "Scope change asked",
  "key.scope_change_first_approval": "Scope change approved once (a second admin must confirm)",
  "key.scope_change_approved": "Scope change approved",
  "key.scope_change_rejected": "Scope change rejected",
  "key.scope_change_withdrawn": "Scope change withdrawn",
  "key.scopes_changed": "Scopes changed",
  "key.renamed": "Renamed",
  "key.ip_allowlist_changed": "IP allowlist changed",
  "key.grace_ended": "Grace period ended early",
};

function meta(value: string): Record<string, unknown> {
  try {
    const parsed = JSON.parse(value) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const list = (value: unknown) => (Array.isArray(value) ? (value as string[]).filter((s) => typeof s === "string") : []);

function detail(action: string, m: Record<string, unknown>): string {
  switch (action) {
    case "key.issued":
      return list(m.scopes).length ? `with ${list(m.scopes).join(", ")}` : "";
    case "key.scope_change_requested":
      return [list(m.add).length ? `add ${list(m.add).join(", ")}` : "", typeof m.reason === "string" ? `reason: ${m.reason}` : ""].filter(Boolean).join(" · ");
    case "key.scope_change_approved":
      return list(m.add).length ? `added ${list(m.add).join(", ")}` : "";
    case "key.scope_change_rejected":
      return typeof m.note === "string" && m.note ? `reason: ${m.note}` : "";
    case "key.scopes_changed": {
      const parts = [list(m.added).length ? `+ ${list(m.added).join(", ")}` : "", list(m.removed).length ? `− ${list(m.removed).join(", ")}` : ""].filter(Boolean);
      return `${parts.join(" ")}${list(m.scopes).length ? ` → now ${list(m.scopes).join(", ")}` : ""}`;
    }
    case "key.renamed":
      return typeof m.from === "string" && typeof m.to === "string" ? `${m.from} → ${m.to}` : "";
    case "key.ip_allowlist_changed":
      return list(m.after).length ? list(m.after).join(", ") : "any address";
    default:
      return "";
  }
}

export function KeyHistory({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing yet.</p>;
  return (
    <>
      <ol className="space-y-2 text-sm" data-testid="key-history">
        {entries.map((e) => {
          const text = detail(e.action, meta(e.metadata));
          return (
            <li key={e.id} className="border-l-2 border-zinc-200 pl-3 dark:border-zinc-700">
              <span className="font-medium">{e.action === "key.issued" && meta(e.metadata).revealed ? "Revealed (the secret was shown once)" : (LABEL[e.action] ?? e.action)}</span>
              {text && <span className="text-zinc-700 dark:text-zinc-300"> · {text}</span>}
              <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                <Time value={e.createdAt} /> · by {e.by}
              </span>
            </li>
          );
        })}
      </ol>
      {entries.length >= KEY_HISTORY_TAKE && <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">The newest {KEY_HISTORY_TAKE} entries; the audit log keeps every one.</p>}
    </>
  );
}
