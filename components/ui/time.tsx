"use client";

// Dates in the reader's own time zone and locale conventions. The server renders in its
// zone and the browser re-renders in the user's; the difference is expected, so the
// hydration warning is suppressed on the <time> element only.
const absolute = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric" });
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export function formatRelative(date: Date, now = Date.now()): string {
  const diff = date.getTime() - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relative.format(Math.trunc(diff / ms), unit);
  }
  return diff < 0 ? "just now" : "in less than a minute";
}

type Props = {
  value: Date | string | null | undefined;
  /** "3 hours ago" with the exact time on hover, instead of the exact time. */
  relative?: boolean;
  /** Day, month and year only. */
  dateOnly?: boolean;
  /** What to show when there is no date. */
  fallback?: string;
  className?: string;
};

export function Time({ value, relative: isRelative, dateOnly: isDateOnly, fallback = "—", className }: Props) {
  if (!value) return <span className={className ?? "text-zinc-500 dark:text-zinc-400"}>{fallback}</span>;
  const date = typeof value === "string" ? new Date(value) : value;
  const exact = absolute.format(date);
  const text = isRelative ? formatRelative(date) : isDateOnly ? dateOnly.format(date) : exact;
  return (
    <time dateTime={date.toISOString()} title={exact} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
