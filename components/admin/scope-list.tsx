// A compact list of scope ids, each linking to its explainer. Write scopes are
// highlighted (they change COPA data), and so are other high-risk scopes: that is what
// an admin must not miss at a glance. Risk comes from the one scope catalogue.
import { ScopeLink } from "@/components/scopes/scope-link";
import { getScope } from "@/lib/scopes/catalog";

const BASE = "inline-flex items-center rounded px-1.5 py-0.5 font-mono text-xs ring-1 ring-inset underline-offset-2 hover:underline";
const TONES = {
  write: "bg-red-50 font-semibold text-red-800 ring-red-600/30 dark:bg-red-950 dark:text-red-300",
  high: "bg-amber-50 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200",
  normal: "bg-zinc-100 text-zinc-700 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-700",
} as const;

export function scopeTone(id: string): keyof typeof TONES {
  const scope = getScope(id);
  if (scope?.access === "write") return "write";
  if (scope?.risk === "high") return "high";
  return "normal";
}

export function ScopeList({ scopes, empty = "None" }: { scopes: string[]; empty?: string }) {
  if (scopes.length === 0) return <span className="text-zinc-500 dark:text-zinc-400">{empty}</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {scopes.map((id) => {
        const tone = scopeTone(id);
        return (
          <li key={id}>
            <ScopeLink scope={id} className={`${BASE} ${TONES[tone]}`}>
              {id}
              {tone === "write" && <span className="sr-only"> (write scope)</span>}
              {tone === "high" && <span className="sr-only"> (high risk)</span>}
            </ScopeLink>
          </li>
        );
      })}
    </ul>
  );
}
