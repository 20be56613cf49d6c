// Offset paging shared by every list page: a page number from the URL, a fixed page size,
// and a count, so no page ever loads an unbounded list. Pure (no database access): the
// queries in lib/<domain>/ take `pageWindow` and wrap their rows with `paged`.
export const PAGE_SIZE = 50;
/** Far past any real list; a hand-typed ?page=99999999 must not become a huge OFFSET. */
export const MAX_PAGE = 10_000;

export type Paged<T> = { rows: T[]; total: number; page: number; pageSize: number; pageCount: number };

/**
 * The page asked for in a query string, leniently: missing, malformed, zero, negative or
 * absurd values give page 1 instead of an error page.
 */
export function parsePage(value: string | string[] | undefined | null): number {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw || !/^\d{1,7}$/.test(raw)) return 1;
  const page = Number(raw);
  return page >= 1 && page <= MAX_PAGE ? page : 1;
}

export function pageWindow(page: number, pageSize = PAGE_SIZE): { skip: number; take: number } {
  return { skip: (Math.max(1, page) - 1) * pageSize, take: pageSize };
}

export function paged<T>(rows: T[], total: number, page: number, pageSize = PAGE_SIZE): Paged<T> {
  return { rows, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** "51–100 of 10,000": the range a page shows, or null when it shows nothing. */
export function pageRange(page: number, pageSize: number, total: number): { from: number; to: number } | null {
  const from = (page - 1) * pageSize + 1;
  if (total === 0 || from > total) return null;
  return { from, to: Math.min(total, page * pageSize) };
}
