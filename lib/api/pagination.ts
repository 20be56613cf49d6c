// Django REST Framework's PageNumberPagination, which the COPA API uses:
// {"count", "next", "previous", "results"} with absolute next/previous links, and 404
// {"detail": "Invalid page."} for a page past the end.
import type { Page, PageRequest } from "@/lib/sandbox/queries";
import { DETAIL, notFound } from "./errors";

export type Paginated<T> = { count: number; next: string | null; previous: string | null; results: T[] };

function withPage(url: URL, page: number): string {
  const copy = new URL(url);
  // DRF drops the parameter for the first page rather than writing page=1.
  if (page === 1) copy.searchParams.delete("page");
  else copy.searchParams.set("page", String(page));
  return copy.toString();
}

export function paginate<T>(url: URL, request: PageRequest, page: Page<T>): Paginated<T> {
  if (page.results.length === 0 && request.page > 1) throw notFound(DETAIL.invalidPage);
  const last = Math.max(1, Math.ceil(page.count / request.pageSize));
  return {
    count: page.count,
    next: request.page < last ? withPage(url, request.page + 1) : null,
    previous: request.page > 1 ? withPage(url, Math.min(request.page - 1, last)) : null,
    results: page.results,
  };
}
