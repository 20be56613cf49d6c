// A compact list of scope ids, each linking to its explainer. Write scopes are
// highlighted (they change COPA data), and so are other high-risk scopes: that is what
// an admin must not miss at a glance. Risk comes from the one scope catalogue.
import { getTranslations } from "next-intl/server";
import { ScopeLink } from "@/components/scopes/scope-link";
import { getScope } from "@/lib/scopes/catalog";

// Chip classes (scope-chip, scope-chip-<tone>) are in app/globals.css: they repeat on every row.
const TONES = { write: "scope-chip-write", high: "scope-chip-high", normal: "scope-chip-normal" } as const;

export function scopeTone(id: string): keyof typeof TONES {
  const scope = getScope(id);
  if (scope?.access === "write") return "write";
  if (scope?.risk === "high") return "high";
  return "normal";
}

export async function ScopeList({ scopes, empty }: { scopes: string[]; empty?: string }) {
  const t = await getTranslations("admin.scopeList");
  if (scopes.length === 0) return <span className="text-zinc-500 dark:text-zinc-400">{empty ?? t("none")}</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {scopes.map((id) => {
        const tone = scopeTone(id);
        return (
          <li key={id}>
            <ScopeLink scope={id} className={`scope-chip ${TONES[tone]}`}>
              {id}
              {tone === "write" && <span className="sr-only"> {t("write")}</span>}
              {tone === "high" && <span className="sr-only"> {t("high")}</span>}
            </ScopeLink>
          </li>
        );
      })}
    </ul>
  );
}
