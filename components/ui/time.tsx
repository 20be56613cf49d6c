"use client";

import { useLocale, useTranslations } from "next-intl";
import { TIME_ZONE } from "@/lib/i18n/config";

// Dates in the reader's language and in Rwanda's time zone, with the zone named ("2 déc.
// 2026, 21:04 UTC+2"), so the server's render and the browser's agree whatever either's
// own zone is. Relative times ("il y a 3 heures") keep the exact time on hover.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

/** "3 hours ago" in the locale, or null under a minute (the caller says "just now"). Pure. */
export function formatRelative(date: Date, locale: string, now = Date.now()): string | null {
  const diff = date.getTime() - now;
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relative.format(Math.trunc(diff / ms), unit);
  }
  return null;
}

/** "2 Dec 2026, 21:04 GMT+2" (or the date alone) in the locale, in Rwanda's time zone. Pure. */
export function formatDateTime(date: Date, locale: string, options: { dateOnly?: boolean } = {}): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: TIME_ZONE,
    ...(options.dateOnly ? {} : { hour: "2-digit", minute: "2-digit", timeZoneName: "short" }),
  }).format(date);
}

type Props = {
  value: Date | string | null | undefined;
  /** "3 hours ago" with the exact time on hover, instead of the exact time. */
  relative?: boolean;
  /** Day, month and year only. */
  dateOnly?: boolean;
  /** What to show when there is no date (already in the reader's language). */
  fallback?: string;
  className?: string;
};

export function Time({ value, relative: isRelative, dateOnly: isDateOnly, fallback = "—", className }: Props) {
  const locale = useLocale();
  const t = useTranslations("ui.time");
  if (!value) return <span className={className ?? "text-zinc-500 dark:text-zinc-400"}>{fallback}</span>;
  const date = typeof value === "string" ? new Date(value) : value;
  const exact = formatDateTime(date, locale);
  const text = isRelative
    ? (formatRelative(date, locale) ?? (date.getTime() <= Date.now() ? t("justNow") : t("inUnderAMinute")))
    : isDateOnly
      ? formatDateTime(date, locale, { dateOnly: true })
      : exact;
  return (
    <time dateTime={date.toISOString()} title={exact} className={className} suppressHydrationWarning>
      {text}
    </time>
  );
}
