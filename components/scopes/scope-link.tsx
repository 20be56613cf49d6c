// A scope id as a link to its explainer on /docs/scopes. Shared by the docs, the request
// form and the admin approval page, so every place that names a scope leads to the same
// explanation of what it grants. Works in server and client components (useTranslations
// serves both); a client page that did not send the `scopes` namespace shows the English.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { AnyTranslator } from "@/lib/i18n/translate-message";
import { getScope, scopeAnchor } from "@/lib/scopes/catalog";
import { scopeText } from "@/lib/scopes/messages";

export type ScopeLinkProps = {
  /** A catalogue scope id, e.g. "members:read". */
  scope: string;
  /** What to show instead of the scope id (the id stays the link's accessible target). */
  children?: ReactNode;
  className?: string;
  /**
   * Open the explainer in a new tab. Forms set this so that reading about a scope does not
   * throw away what the user has typed.
   */
  newTab?: boolean;
};

export function scopeHref(scope: string): string {
  return `/docs/scopes#${scopeAnchor(scope)}`;
}

export function ScopeLink({ scope, children, className, newTab = false }: ScopeLinkProps) {
  const known = getScope(scope);
  const t = useTranslations("scopes") as unknown as AnyTranslator;
  const text = known ? scopeText(t, known) : undefined;
  const newTabText = t.has("link.newTab") ? t("link.newTab") : "(opens in a new tab)";
  return (
    <Link
      href={scopeHref(scope)}
      // The title gives the plain-language meaning on hover without leaving the page.
      title={text ? (t.has("link.title") ? t("link.title", text) : `${text.title}: ${text.description}`) : undefined}
      className={
        className ??
        // inline-block and 24 px tall: scope links sit side by side in lists (WCAG 2.5.8 target size).
        "inline-block rounded font-mono text-[0.9em] leading-6 text-brand-700 underline decoration-brand-600/40 underline-offset-2 hover:decoration-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:text-brand-100 dark:decoration-brand-100/40"
      }
      {...(newTab ? { target: "_blank", rel: "noopener" } : {})}
    >
      {children ?? scope}
      {newTab && <span className="sr-only"> {newTabText}</span>}
    </Link>
  );
}
