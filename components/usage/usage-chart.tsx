// A key's requests per day as stacked bars (2xx, 4xx, 429, 5xx), in plain SVG: no chart
// library, no client JavaScript. Screen readers get a one-sentence summary on the figure
// and the full numbers in a table (also offered to everyone behind "Show as table").
// Data comes in as props (lib/usage getKeyUsage): the page that embeds the chart has
// already checked that the viewer may see this key.
import { useLocale, useTranslations } from "next-intl";
import type { KeyUsage, UsageDay } from "@/lib/usage";

// Each series' label is usage.chart.series.<key>.
const SERIES = [
  { key: "count2xx", fill: "fill-brand-500", swatch: "bg-brand-500" },
  { key: "count4xx", fill: "fill-amber-400", swatch: "bg-amber-400" },
  { key: "count429", fill: "fill-orange-600", swatch: "bg-orange-600" },
  { key: "count5xx", fill: "fill-red-600", swatch: "bg-red-600" },
] as const satisfies readonly { key: keyof UsageDay; fill: string; swatch: string }[];

const HEIGHT = 200;
const PAD = { top: 12, right: 8, bottom: 24, left: 44 };

/** Numbers and UTC days in the reader's language ("5 Mar", "5 mars", "5 Wer."). */
function formatsFor(locale: string) {
  const tag = locale === "en" ? "en-GB" : locale;
  const numberFormat = new Intl.NumberFormat(tag);
  const short = new Intl.DateTimeFormat(tag, { day: "numeric", month: "short", timeZone: "UTC" });
  const long = new Intl.DateTimeFormat(tag, { weekday: "short", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return {
    fmt: (n: number) => numberFormat.format(n),
    dayLabel: (day: string, style: "short" | "long" = "short") => (style === "short" ? short : long).format(new Date(`${day}T00:00:00Z`)),
  };
}

/** A round axis maximum at or above `max`: 1, 2, 5 times a power of ten. */
function niceCeiling(max: number): number {
  if (max <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

export function UsageChart({ usage, title: titleProp }: { usage: KeyUsage; title?: string }) {
  const t = useTranslations("usage.chart");
  const { fmt, dayLabel } = formatsFor(useLocale());
  const title = titleProp ?? t("title");
  const { days, totals } = usage;
  const id = `usage-${usage.keyId}`;
  const first = days[0]?.day;
  const last = days[days.length - 1]?.day;
  const busiest = days.reduce<UsageDay | null>((best, d) => (d.total > (best?.total ?? 0) ? d : best), null);
  const summary =
    totals.total === 0
      ? t("summaryNone", { first: first ? dayLabel(first, "long") : "", last: last ? dayLabel(last, "long") : "" })
      : t("summary", { total: fmt(totals.total), days: days.length, ok: fmt(totals.count2xx), client: fmt(totals.count4xx), throttled: fmt(totals.count429), server: fmt(totals.count5xx) }) +
        (busiest ? t("busiest", { day: dayLabel(busiest.day, "long"), total: fmt(busiest.total) }) : "");

  return (
    <figure aria-labelledby={`${id}-title`} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <figcaption id={`${id}-title`} className="text-sm font-semibold text-zinc-900 dark:text-white">
          {title} <span className="font-normal text-zinc-500 dark:text-zinc-400">{t("lastDays", { days: days.length })}</span>
        </figcaption>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t.rich("requests", { count: () => <span className="font-semibold text-zinc-900 tabular-nums dark:text-white">{fmt(totals.total)}</span> })}
        </p>
      </div>
      <p id={`${id}-summary`} className="sr-only">
        {summary}
      </p>

      {/* Two drawings of the same data: the phone's has a narrower canvas, so its labels
          stay at least 11 px on screen, and fewer date ticks. Only one is displayed. */}
      <UsageBars usage={usage} id={id} fmt={fmt} dayLabel={dayLabel} width={WIDE.width} fontSize={WIDE.fontSize} tickEvery={WIDE.tickEvery} className="hidden sm:block" />
      <UsageBars usage={usage} id={id} fmt={fmt} dayLabel={dayLabel} width={NARROW.width} fontSize={NARROW.fontSize} tickEvery={NARROW.tickEvery} className="sm:hidden" />

      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400" aria-label={t("legend")}>
        {SERIES.map((s) => (
          <li key={s.key} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-sm ${s.swatch}`} />
            {t(`series.${s.key}`)}: <span className="font-medium text-zinc-900 tabular-nums dark:text-white">{fmt(totals[s.key])}</span>
          </li>
        ))}
      </ul>

      {totals.total === 0 && <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t("noRequests", { days: days.length })}</p>}

      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">{t("showTable")}</summary>
        <div className="mt-2 max-h-72 overflow-auto rounded border border-zinc-200 dark:border-zinc-800">
          <table className="w-full text-left text-xs tabular-nums">
            <caption className="sr-only">{t("tableCaption", { title })}</caption>
            <thead className="sticky top-0 bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-2 py-1.5 font-medium">{t("day")}</th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">2xx</th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">4xx</th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">429</th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">5xx</th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">{t("total")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {[...days].reverse().map((d) => (
                <tr key={d.day}>
                  <th scope="row" className="px-2 py-1 font-normal whitespace-nowrap">{d.day}</th>
                  <td className="px-2 py-1 text-right">{fmt(d.count2xx)}</td>
                  <td className="px-2 py-1 text-right">{fmt(d.count4xx)}</td>
                  <td className="px-2 py-1 text-right">{fmt(d.count429)}</td>
                  <td className="px-2 py-1 text-right">{fmt(d.count5xx)}</td>
                  <td className="px-2 py-1 text-right font-medium">{fmt(d.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

/** Canvas widths in SVG units: the wide one spans a desktop card, the narrow one a 390 px phone (about 330 px of card). */
const WIDE = { width: 720, fontSize: 11, tickEvery: 7 };
const NARROW = { width: 340, fontSize: 12, tickEvery: 10 };

type Formats = ReturnType<typeof formatsFor>;

function UsageBars({ usage, id, fmt, dayLabel, width, fontSize, tickEvery, className }: { usage: KeyUsage; id: string; width: number; fontSize: number; tickEvery: number; className: string } & Formats) {
  const t = useTranslations("usage.chart");
  const { days } = usage;
  const max = niceCeiling(Math.max(0, ...days.map((d) => d.total)));
  const plotWidth = width - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(days.length, 1);
  const barWidth = Math.max(2, slot * 0.7);
  const y = (value: number) => PAD.top + plotHeight - (value / max) * plotHeight;
  return (
    <svg
      viewBox={`0 0 ${width} ${HEIGHT}`}
      className={`mt-3 h-auto w-full ${className}`}
      role="img"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-summary`}
    >
      {[0, 0.5, 1].map((fraction) => {
        const value = max * fraction;
        return (
          <g key={fraction} aria-hidden="true">
            <line x1={PAD.left} x2={width - PAD.right} y1={y(value)} y2={y(value)} className="stroke-zinc-200 dark:stroke-zinc-800" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(value)} dy="0.32em" textAnchor="end" fontSize={fontSize} className="fill-zinc-500 tabular-nums dark:fill-zinc-400">
              {fmt(value)}
            </text>
          </g>
        );
      })}
      {days.map((d, i) => {
        const x = PAD.left + i * slot + (slot - barWidth) / 2;
        let top = y(0);
        return (
          <g key={d.day}>
            <title>{t("barTitle", { day: dayLabel(d.day, "long"), total: fmt(d.total), ok: fmt(d.count2xx), client: fmt(d.count4xx), throttled: fmt(d.count429), server: fmt(d.count5xx) })}</title>
            {/* A transparent full-height target makes the tooltip reachable on quiet days. */}
            <rect x={PAD.left + i * slot} y={PAD.top} width={slot} height={plotHeight} className="fill-transparent" />
            {SERIES.map((s) => {
              const value = d[s.key];
              if (value === 0) return null;
              const height = Math.max(1, (value / max) * plotHeight);
              top -= height;
              return <rect key={s.key} x={x} y={top} width={barWidth} height={height} rx={1} className={s.fill} />;
            })}
            {i % tickEvery === (days.length - 1) % tickEvery && (
              // The last label ends at its bar instead of being centred past the canvas edge.
              <text x={i === days.length - 1 ? x + barWidth : x + barWidth / 2} y={HEIGHT - 6} textAnchor={i === days.length - 1 ? "end" : "middle"} aria-hidden="true" fontSize={fontSize} className="fill-zinc-500 dark:fill-zinc-400">
                {dayLabel(d.day)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
