// Link tabs with counts (request status, key state). Links, not buttons: the filter is
// part of the URL.
import Link from "next/link";
import { getFormatter } from "next-intl/server";

export type StatusTab = { label: string; count?: number; href: string; current: boolean };

export async function StatusTabs({ tabs, label }: { tabs: StatusTab[]; label: string }) {
  const format = await getFormatter();
  return (
    <nav aria-label={label} className="mb-4 -mx-4 overflow-x-auto px-4 md:mx-0 md:px-0">
      <ul className="flex min-w-max gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {tabs.map((t) => (
          <li key={t.label}>
            <Link
              href={t.href}
              aria-current={t.current ? "page" : undefined}
              className={`-mb-px flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm whitespace-nowrap ${
                t.current
                  ? "border-brand-600 font-medium text-brand-700 dark:border-brand-500 dark:text-brand-100"
                  : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
              }`}
            >
              {t.label}
              {t.count !== undefined && (
                <span className="rounded-full bg-zinc-100 px-1.5 text-xs text-zinc-600 tabular-nums dark:bg-zinc-800 dark:text-zinc-300">{format.number(t.count)}</span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
