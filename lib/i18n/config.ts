// The portal's languages. Kinyarwanda, English and French are Rwanda's official
// languages; English is the fallback when nothing else decides.
export const LOCALES = ["rw", "en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Remembers a visitor's choice on this browser (a signed-in user's choice is also saved on the account). */
export const LOCALE_COOKIE = "copa-locale";

/** Each language named in itself, as a switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { rw: "Ikinyarwanda", en: "English", fr: "Français" };

/**
 * Dates and times are shown in Rwanda's time zone (CAT, UTC+2, no daylight saving) with
 * the zone named, whatever the server's own zone is.
 */
export const TIME_ZONE = "Africa/Kigali";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best of our locales for an Accept-Language header (RFC 9110 §12.5.4): languages in
 * order of their q-value (ties keep the header's order), each matched on its primary
 * subtag ("fr-RW" is French); q=0 means "not this one". Null when none matches.
 */
export function negotiateLocale(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranges = header
    .split(",")
    .slice(0, 50)
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => r.tag && r.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranges) {
    const primary = tag.split("-")[0];
    // "kin" is the ISO 639-2 code some systems send for Kinyarwanda.
    const candidate = primary === "kin" ? "rw" : primary;
    if (isLocale(candidate)) return candidate;
  }
  return null;
}
