// Formatting for the admin console. Audit times are shown to the second and in UTC: an
// investigation compares them with server logs and other systems, where "about 3 hours
// ago" or the reader's local zone would mislead. Pure.

// The month's name follows the reader's language; the zone stays UTC for everyone.
const AUDIT_FORMAT: Intl.DateTimeFormatOptions = {
  day: "2-digit",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
};
const auditFormats = new Map<string, Intl.DateTimeFormat>();

/** "05 Mar 2026, 14:03:09 UTC" in English, "05 mars 2026, 14:03:09 UTC" in French. */
export function formatAuditTime(date: Date, locale = "en"): string {
  const tag = locale === "en" ? "en-GB" : locale;
  let format = auditFormats.get(tag);
  if (!format) auditFormats.set(tag, (format = new Intl.DateTimeFormat(tag, AUDIT_FORMAT)));
  return `${format.format(date)} UTC`;
}

type MetaValue = string | number | boolean | null | MetaValue[] | { [k: string]: MetaValue };

function formatMetaValue(v: MetaValue): string {
  if (v === null) return "—";
  if (Array.isArray(v)) return v.length ? v.map(formatMetaValue).join(", ") : "(none)";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/**
 * An audit event's metadata (JSON text) as label/value text pairs for display, or the raw
 * text when it is not a JSON object. Only ever rendered as text, never as HTML.
 */
export function metadataEntries(text: string): [string, string][] | string {
  try {
    const value = JSON.parse(text) as MetaValue;
    if (!value || typeof value !== "object" || Array.isArray(value)) return text;
    return Object.entries(value).map(([k, v]) => [k, formatMetaValue(v)]);
  } catch {
    return text;
  }
}
