// The docs' one navigation: the sidebar, the phone menu, the previous/next links and the
// e2e page list all read it, so a page cannot be reachable from one and missing in another.

export type DocsNavItem = { href: string; label: string; description: string };
export type DocsNavSection = { title: string; items: DocsNavItem[] };

export const DOCS_NAV: DocsNavSection[] = [
  {
    title: "Getting started",
    items: [
      { href: "/docs", label: "Overview", description: "What the COPA API offers, environments and how to get access." },
      { href: "/docs/quickstart", label: "Quickstart", description: "From a new account to your first call in the sandbox." },
    ],
  },
  {
    title: "Concepts",
    items: [
      { href: "/docs/authentication", label: "Authentication", description: "Key format, headers, key safety, rotation and revocation." },
      { href: "/docs/scopes", label: "Scopes", description: "What each scope grants, and the fewest your integration needs." },
    ],
  },
  {
    title: "Reference",
    items: [
      { href: "/docs/errors", label: "Errors", description: "Every status code, its exact body, causes and fixes." },
      { href: "/docs/rate-limits", label: "Rate limits", description: "Per-key limits, the headers that report them, backing off." },
      { href: "/docs/reference", label: "API reference", description: "Every endpoint with parameters, schemas and examples." },
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
