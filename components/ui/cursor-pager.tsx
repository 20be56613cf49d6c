import Link from "next/link";
import { useTranslations } from "next-intl";
import { hrefWith } from "@/lib/admin/filters";

const LINK = "inline-flex min-h-9 items-center rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

/**
 * Newest / newer / older links for a keyset-paged list (newest first), keeping the list's
 * other query parameters. Renders nothing when there is a single page.
 */
export function CursorPager({ path, params = {}, newerCursor, olderCursor }: { path: string; params?: Record<string, string | undefined>; newerCursor: string | null; olderCursor: string | null }) {
  const t = useTranslations("ui");
  if (!newerCursor && !olderCursor) return null;
  return (
    <nav aria-label={t("pager.label")} className="mt-4 flex flex-wrap justify-between gap-2">
      <div className="flex gap-2">
        {newerCursor && (
          <>
            <Link className={LINK} href={hrefWith(path, params)}>
              {t("cursorPager.newest")}
            </Link>
            <Link className={LINK} href={hrefWith(path, { ...params, before: newerCursor })} rel="prev">
              {t("cursorPager.newer")}
            </Link>
          </>
        )}
      </div>
      {olderCursor && (
        <Link className={LINK} href={hrefWith(path, { ...params, after: olderCursor })} rel="next">
          {t("cursorPager.older")}
        </Link>
      )}
    </nav>
  );
}
