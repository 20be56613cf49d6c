// Previous/next links for the admin lists (page numbers in the URL, so a page can be
// shared and reloaded). Renders nothing when everything fits on one page.
import Link from "next/link";

const LINK = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800";
const OFF = "rounded-md border border-zinc-200 px-3 py-1.5 text-sm text-zinc-400 dark:border-zinc-800 dark:text-zinc-600";

export function Pagination({ page, pageCount, total, pageSize, hrefFor, noun }: { page: number; pageCount: number; total: number; pageSize: number; hrefFor: (page: number) => string; noun: string }) {
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav aria-label="Pages" className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-zinc-600 dark:text-zinc-400">
      <p>
        {from > total ? `No ${noun} on this page` : `${from}–${to} of ${total} ${noun}`}
      </p>
      {pageCount > 1 && (
        <div className="flex gap-2">
          {page > 1 ? <Link className={LINK} href={hrefFor(page - 1)} rel="prev">← Previous</Link> : <span className={OFF} aria-disabled>← Previous</span>}
          {page < pageCount ? <Link className={LINK} href={hrefFor(page + 1)} rel="next">Next →</Link> : <span className={OFF} aria-disabled>Next →</span>}
        </div>
      )}
    </nav>
  );
}
