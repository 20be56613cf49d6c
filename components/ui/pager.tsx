// Previous/Next links under a paged list. Page numbers live in the URL, so a page can be
// shared, reloaded and used without JavaScript. Renders nothing for an empty list.
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { pageRange } from "@/lib/paging";

const LINK =
  "rounded-md border border-zinc-300 px-3 py-1.5 text-sm text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-zinc-700 dark:text-zinc-100 dark:hover:bg-zinc-800";
const OFF = "rounded-md border border-zinc-200 px-3 py-1.5 text-sm text-zinc-500 dark:border-zinc-800 dark:text-zinc-400";

type PagerProps = {
  page: number;
  pageSize: number;
  total: number;
  /** The URL of another page of the same list, keeping its filters. */
  hrefFor: (page: number) => string;
  /** Plural noun for the rows, in the reader's language: "requests", "clés". */
  noun: string;
  label?: string;
};

export function Pager({ page, pageSize, total, hrefFor, noun, label }: PagerProps) {
  const t = useTranslations("ui.pager");
  const format = useFormatter();
  const n = (value: number) => format.number(value);
  // Nothing to say for an empty list or a single row.
  if (total === 0 || (total === 1 && page === 1)) return null;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const range = pageRange(page, pageSize, total);
  return (
    <nav aria-label={label ?? t("label")} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-zinc-600 dark:text-zinc-400">
      {range && pageCount === 1 ? (
        <p>{t("showingAll", { total: n(total), noun })}</p>
      ) : range ? (
        <p aria-live="polite">
          {t.rich("showing", {
            from: n(range.from),
            to: n(range.to),
            total: n(total),
            noun,
            n: (chunks) => <span className="tabular-nums">{chunks}</span>,
          })}
        </p>
      ) : (
        <p>
          {t("pastEnd", { page: n(page), count: total, total: n(total), noun })}{" "}
          <Link className="underline" href={hrefFor(1)}>
            {t("first")}
          </Link>
        </p>
      )}
      {pageCount > 1 && (
        <div className="flex gap-2">
          {page > 1 && page <= pageCount ? (
            <Link className={LINK} href={hrefFor(page - 1)} rel="prev" aria-label={t("previousPage")}>
              ← {t("previous")}
            </Link>
          ) : (
            <span className={OFF} aria-disabled="true">
              ← {t("previous")}
            </span>
          )}
          {page < pageCount ? (
            <Link className={LINK} href={hrefFor(page + 1)} rel="next" aria-label={t("nextPage")}>
              {t("next")} →
            </Link>
          ) : (
            <span className={OFF} aria-disabled="true">
              {t("next")} →
            </span>
          )}
        </div>
      )}
    </nav>
  );
}
