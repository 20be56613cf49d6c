// Small typographic pieces for docs pages (the project has no typography plugin, and the
// docs need only these few).
import Link from "next/link";
import type { ReactNode } from "react";

/** Inline code. */
export function C({ children }: { children: ReactNode }) {
  return <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[0.86em] wrap-anywhere text-zinc-900 ring-1 ring-zinc-200 ring-inset dark:bg-zinc-800 dark:text-zinc-100 dark:ring-zinc-700">{children}</code>;
}

export function A({ href, children }: { href: string; children: ReactNode }) {
  const className = "font-medium text-brand-700 underline decoration-brand-600/40 underline-offset-2 hover:decoration-brand-600 dark:text-brand-100 dark:decoration-brand-100/40";
  // External sites and API documents (e.g. /api/v1/openapi.json) are plain links: Next's
  // <Link> would prefetch them as pages, sending a request to the API on every page view.
  if (/^https?:/.test(href) || href.startsWith("/api/")) return <a href={href} className={className}>{children}</a>;
  return <Link href={href} className={className}>{children}</Link>;
}

const CALLOUT_TONES = {
  note: { box: "border-sky-200 bg-sky-50 dark:border-sky-900 dark:bg-sky-950/60", title: "text-sky-900 dark:text-sky-100" },
  tip: { box: "border-brand-100 bg-brand-50 dark:border-brand-900 dark:bg-brand-900/30", title: "text-brand-900 dark:text-brand-100" },
  warning: { box: "border-amber-200 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/60", title: "text-amber-900 dark:text-amber-100" },
} as const;

/** An aside in the text. Not a live region: it is static content, unlike the ui Alert. */
export function Callout({ tone = "note", title, children }: { tone?: keyof typeof CALLOUT_TONES; title?: string; children: ReactNode }) {
  const t = CALLOUT_TONES[tone];
  return (
    // role=note, not <aside>: a complementary landmark may not sit inside <main>.
    <div role="note" className={`rounded-lg border px-4 py-3 text-sm leading-6 ${t.box}`}>
      {title && <p className={`font-semibold ${t.title}`}>{title}</p>}
      <div className={`${title ? "mt-1" : ""} space-y-2 text-zinc-800 dark:text-zinc-200`}>{children}</div>
    </div>
  );
}

/** A table that scrolls sideways on narrow screens instead of squeezing its columns. */
export function Table({
  caption,
  head,
  children,
  wide = false,
}: {
  /** Unique on the page: names the scroll region. */
  caption: string;
  head: ReactNode[];
  children: ReactNode;
  /** Keeps its columns readable on phones by scrolling sideways instead of wrapping every word. */
  wide?: boolean;
}) {
  return (
    // Focusable so keyboard users can scroll it when it overflows on a phone.
    <div role="region" aria-label={caption} tabIndex={0} className="overflow-x-auto rounded-lg border border-zinc-200 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 dark:border-zinc-800">
      <table className={`w-full border-collapse text-left text-sm ${wide ? "min-w-[36rem]" : ""}`}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-zinc-50 text-xs text-zinc-600 uppercase dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            {head.map((h, i) => (
              <th key={i} scope="col" className="px-3 py-2 font-semibold tracking-wide whitespace-nowrap">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 align-top dark:divide-zinc-800">{children}</tbody>
      </table>
    </div>
  );
}

export function Td({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <td className={`px-3 py-2.5 ${className}`}>{children}</td>;
}

/** Numbered steps with a rail; each step has a title and free content. */
export function Steps({ children }: { children: ReactNode }) {
  return <ol className="relative mt-6 space-y-10 border-l border-zinc-200 pl-7 [counter-reset:step] dark:border-zinc-800">{children}</ol>;
}

export function Step({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <li className="relative [counter-increment:step]">
      <span
        aria-hidden
        className="absolute -left-[2.6rem] top-0 grid h-7 w-7 place-items-center rounded-full border border-zinc-300 bg-white text-xs font-semibold text-zinc-700 before:content-[counter(step)] dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
      />
      <h2 id={id} className="scroll-mt-6 text-lg font-semibold tracking-tight text-zinc-950 dark:text-white">
        {title}
      </h2>
      <div className="mt-3 space-y-4">{children}</div>
    </li>
  );
}
