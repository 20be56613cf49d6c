// The docs' one navigation: the sidebar, the phone menu, the previous/next links and the
// e2e page list all read it, so a page cannot be reachable from one and missing in another.
// Labels and descriptions are messages of the `docs` namespace, keyed by the ids here
// (docs.nav.pages.<id>.label, docs.nav.sections.<id>).

export type DocsPageId = "overview" | "quickstart" | "authentication" | "scopes" | "errors" | "rateLimits" | "reference";
export type DocsNavItem = { id: DocsPageId; href: string };
export type DocsNavSection = { id: "gettingStarted" | "concepts" | "reference"; items: DocsNavItem[] };

export const DOCS_NAV: DocsNavSection[] = [
  {
    id: "gettingStarted",
    items: [
      { id: "overview", href: "/docs" },
      { id: "quickstart", href: "/docs/quickstart" },
    ],
  },
  {
    id: "concepts",
    items: [
      { id: "authentication", href: "/docs/authentication" },
      { id: "scopes", href: "/docs/scopes" },
    ],
  },
  {
    id: "reference",
    items: [
      { id: "errors", href: "/docs/errors" },
      { id: "rateLimits", href: "/docs/rate-limits" },
      { id: "reference", href: "/docs/reference" },
    ],
  },
];

export const DOCS_PAGES: DocsNavItem[] = DOCS_NAV.flatMap((s) => s.items);

export function docsPage(href: string): DocsNavItem | undefined {
  return DOCS_PAGES.find((p) => p.href === href);
}

/** The pages before and after `href` in reading order, for the links at a page's foot. */
export function docsNeighbours(href: string): { previous?: DocsNavItem; next?: DocsNavItem } {
  const i = DOCS_PAGES.findIndex((p) => p.href === href);
  if (i < 0) return {};
  return { previous: DOCS_PAGES[i - 1], next: DOCS_PAGES[i + 1] };
}

/** The nav item a pathname belongs to (a sub-page of the reference counts as the reference). */
export function activeDocsHref(pathname: string): string | undefined {
  const exact = DOCS_PAGES.find((p) => p.href === pathname);
  if (exact) return exact.href;
  return DOCS_PAGES.filter((p) => p.href !== "/docs" && pathname.startsWith(`${p.href}/`)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
}
