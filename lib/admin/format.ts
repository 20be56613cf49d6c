// Formatting for the admin console. Audit times are shown to the second and in UTC: an
// investigation compares them with server logs and other systems, where "about 3 hours
// ago" or the reader's local zone would mislead. Pure.

const auditFormat = new Intl.DateTimeFormat("en-GB", {
  day: "2-digit",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "05 Mar 2026, 14:03:09 UTC" */
export function formatAuditTime(date: Date): string {
  return `${auditFormat.format(date)} UTC`;
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
