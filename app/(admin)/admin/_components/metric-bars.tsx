// A figure of the overview as horizontal bars in plain SVG, in the usage chart's style
// (components/usage/usage-chart.tsx: brand bars, zinc grid, a card): no chart library, no
// client JavaScript. The bars are drawn inside a real table, one row per figure, so the
// table is the text alternative: screen readers read the label (a link to the list behind
// the figure) and the number; the bar itself is decorative.
import Link from "next/link";
import type { ReactNode } from "react";

export type MetricBar = { key: string; label: ReactNode; href?: string; value: number; display: string; testId?: string };

const WIDTH = 160;
const HEIGHT = 12;

export function MetricBars({ id, title, note, labelHeader, valueHeader, rows, empty }: { id: string; title: string; note?: string; labelHeader: string; valueHeader: string; rows: MetricBar[]; empty: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure aria-labelledby={`${id}-title`} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <figcaption id={`${id}-title`} className="text-sm font-semibold text-zinc-900 dark:text-white">
        {title} {note && <span className="font-normal text-zinc-500 dark:text-zinc-400">({note})</span>}
      </figcaption>
      {rows.length === 0 ? (
        <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
      ) : (
        <table className="mt-3 w-full text-left text-sm tabular-nums">
          <caption className="sr-only">{title}</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-testid={r.testId}>
                <th scope="row" className="py-1 pr-3 align-middle font-normal">
                  {r.href ? (
                    <Link href={r.href} className="inline-block min-h-6 py-0.5 text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                      {r.label}
                    </Link>
                  ) : (
                    r.label
                  )}
                </th>
                <td className="w-full py-1 align-middle">
                  <span className="flex items-center gap-2">
                    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" className="hidden h-3 w-full max-w-48 sm:block" aria-hidden="true">
                      <rect x={0} y={0} width={WIDTH} height={HEIGHT} rx={2} className="fill-zinc-100 dark:fill-zinc-800" />
                      {r.value > 0 && <rect x={0} y={0} width={Math.max(2, (r.value / max) * WIDTH)} height={HEIGHT} rx={2} className="fill-brand-500" />}
                    </svg>
                    <span className="font-medium whitespace-nowrap text-zinc-900 dark:text-white">{r.display}</span>
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
