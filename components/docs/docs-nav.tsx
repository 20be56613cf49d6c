"use client";

// The docs navigation: a sidebar from the lg breakpoint, a disclosure button above the page
// on phones. One list in the DOM serves both, so there is one "Documentation" landmark.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useState } from "react";
import { activeDocsHref } from "@/lib/docs/nav";

export type DocsNavSectionView = { title: string; items: { href: string; label: string }[] };

/** `sections` is lib/docs/nav's DOCS_NAV with its words in the reader's language (the docs layout translates it). */
export function DocsNav({ sections, labels }: { sections: DocsNavSectionView[]; labels: { nav: string; docs: string; menu: string } }) {
  const pathname = usePathname();
  const active = activeDocsHref(pathname);
  const activeLabel = sections.flatMap((s) => s.items).find((i) => i.href === active)?.label;
  const listId = useId();
  // Open state is tied to the page it was opened on, so following a link closes the menu.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;

  return (
    <nav aria-label={labels.nav} className="text-sm">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpenOn(open ? null : pathname)}
        className="flex w-full items-center justify-between gap-3 rounded-md border border-zinc-300 bg-white px-3 py-2 text-left font-medium shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 lg:hidden dark:border-zinc-700 dark:bg-zinc-900"
      >
        <span className="truncate">
          <span className="text-zinc-500 dark:text-zinc-400">{labels.docs}</span>
          <span aria-hidden className="px-1.5 text-zinc-500 dark:text-zinc-400">/</span>
          {activeLabel ?? labels.menu}
        </span>
        <svg aria-hidden viewBox="0 0 16 16" className={`h-4 w-4 shrink-0 transition ${open ? "rotate-180" : ""}`} fill="none" stroke="currentColor" strokeWidth="1.75">
          <path d="m4 6 4 4 4-4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>

      <div
        id={listId}
        className={`${open ? "block" : "hidden"} mt-2 rounded-md border border-zinc-200 bg-white p-3 shadow-sm lg:mt-0 lg:block lg:border-0 lg:bg-transparent lg:p-0 lg:shadow-none dark:border-zinc-800 dark:bg-zinc-900 lg:dark:bg-transparent`}
      >
        {sections.map((section) => (
          <div key={section.title} className="mb-5 last:mb-0">
            <p className="mb-1.5 px-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{section.title}</p>
            <ul className="space-y-0.5">
              {section.items.map((item) => {
                const current = item.href === active;
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={current ? "page" : undefined}
                      onClick={() => setOpenOn(null)}
                      className={`block rounded-md px-2 py-1.5 transition focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 ${
                        current
                          ? "bg-brand-50 font-medium text-brand-700 dark:bg-zinc-800 dark:text-white"
                          : "text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800/60 dark:hover:text-white"
                      }`}
                    >
                      {item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </nav>
  );
}
