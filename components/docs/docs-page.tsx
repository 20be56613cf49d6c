// The frame of every docs page: title and lead, the page's own <main>, an "On this page"
// list on wide screens, and previous/next links in reading order (from lib/docs/nav).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DOCS_NAV, docsNeighbours, type DocsNavItem } from "@/lib/docs/nav";

export type TocEntry = { id: string; title: string };

export async function DocsPage({ href, title, lead, toc = [], children }: { href: string; title: string; lead?: ReactNode; toc?: TocEntry[]; children: ReactNode }) {
  const t = await getTranslations("docs");
  const { previous, next } = docsNeighbours(href);
  const sectionId = DOCS_NAV.find((s) => s.items.some((i) => i.href === href))?.id;
  const section = sectionId && t(`nav.sections.${sectionId}`);
  const link = (item: DocsNavItem, direction: "previous" | "next") => ({ href: item.href, label: t(`nav.pages.${item.id}.label`), arrow: t(`page.${direction}`), direction });
  return (
    <div className="xl:grid xl:grid-cols-[minmax(0,1fr)_11rem] xl:gap-10">
      <main id="main" tabIndex={-1} className="min-w-0 pb-16 focus:outline-none">
        <header className="border-b border-zinc-200 pb-6 dark:border-zinc-800">
          {section && <p className="text-sm font-medium text-brand-700 dark:text-brand-100">{section}</p>}
          <h1 className="mt-1.5 text-3xl font-semibold tracking-tight text-zinc-950 sm:text-4xl dark:text-white">{title}</h1>
          {lead && <div className="mt-3 text-base leading-7 text-zinc-600 sm:text-lg sm:leading-8 dark:text-zinc-400">{lead}</div>}
        </header>
        <div className="text-[15px] leading-7 text-zinc-700 dark:text-zinc-300">{children}</div>
        {(previous || next) && (
          <nav aria-label={t("page.previousNext")} className="mt-16 grid gap-3 border-t border-zinc-200 pt-6 sm:grid-cols-2 dark:border-zinc-800">
            {previous ? <PageLink {...link(previous, "previous")} /> : <span />}
            {next && <PageLink {...link(next, "next")} />}
          </nav>
        )}
      </main>
      {toc.length > 0 && (
        <div className="hidden xl:block">
          <nav aria-label={t("page.onThisPage")} className="sticky top-8 text-sm">
            <p className="mb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{t("page.onThisPage")}</p>
            <ul className="space-y-1.5 border-l border-zinc-200 dark:border-zinc-800">
              {toc.map((entry) => (
                <li key={entry.id}>
                  <a href={`#${entry.id}`} className="-ml-px block border-l border-transparent pl-3 text-zinc-600 hover:border-zinc-400 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
                    {entry.title}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      )}
    </div>
  );
}

function PageLink({ href, label, arrow, direction }: { href: string; label: string; arrow: string; direction: "previous" | "next" }) {
  return (
    <Link
      href={href}
      className={`group rounded-lg border border-zinc-200 p-4 transition hover:border-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-zinc-800 dark:hover:border-brand-500 ${direction === "next" ? "sm:col-start-2 sm:text-right" : ""}`}
    >
      <span className="text-xs text-zinc-500 dark:text-zinc-400">{arrow}</span>
      <span className="mt-0.5 block font-medium text-zinc-900 group-hover:text-brand-700 dark:text-white dark:group-hover:text-brand-100">{label}</span>
    </Link>
  );
}

/** A titled section of a docs page; its id is the anchor the "On this page" list links to. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-12">
      <h2 id={id} className="scroll-mt-6 text-xl font-semibold tracking-tight text-zinc-950 sm:text-2xl dark:text-white">
        {title}
      </h2>
      <div className="mt-4 space-y-4">{children}</div>
    </section>
  );
}

export function SubSection({ id, title, children }: { id?: string; title: ReactNode; children: ReactNode }) {
  return (
    <div className="mt-8">
      <h3 id={id} className="scroll-mt-6 text-base font-semibold text-zinc-950 dark:text-white">
        {title}
      </h3>
      <div className="mt-3 space-y-4">{children}</div>
    </div>
  );
}
