import { useTranslations } from "next-intl";
import { ScopeLink } from "@/components/scopes/scope-link";

/** A key's granted scopes as compact chips, each linking to its explainer. */
export function KeyScopes({ scopes }: { scopes: string[] }) {
  const t = useTranslations("keys.list");
  if (scopes.length === 0) return <span className="text-zinc-500 dark:text-zinc-400">{t("noScopes")}</span>;
  return (
    <ul className="flex flex-wrap justify-end gap-1 md:justify-start">
      {scopes.map((scope) => (
        <li key={scope}>
          <ScopeLink
            scope={scope}
            className="key-scope-chip"
          />
        </li>
      ))}
    </ul>
  );
}
