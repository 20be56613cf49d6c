// A scope id as a link to its explainer on /docs/scopes. Shared by the docs, the request
// form and the admin approval page, so every place that names a scope leads to the same
// explanation of what it grants. Works in server and client components (no hooks).
import Link from "next/link";
import type { ReactNode } from "react";
import { getScope, scopeAnchor } from "@/lib/scopes/catalog";

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
  return (
    <Link
      href={scopeHref(scope)}
      // The title gives the plain-language meaning on hover without leaving the page.
      title={known ? `${known.title}: ${known.description}` : undefined}
      className={
        className ??
        // inline-block and 24 px tall: scope links sit side by side in lists (WCAG 2.5.8 target size).
        "inline-block rounded font-mono text-[0.9em] leading-6 text-brand-700 underline decoration-brand-600/40 underline-offset-2 hover:decoration-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:text-brand-100 dark:decoration-brand-100/40"
      }
      {...(newTab ? { target: "_blank", rel: "noopener" } : {})}
    >
      {children ?? scope}
      {newTab && <span className="sr-only"> (opens in a new tab)</span>}
    </Link>
  );
}
