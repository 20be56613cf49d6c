// Per-language pieces shared by mails and in-app notifications: a translator that works
// outside a request (the worker, the scheduler, a transaction), and the formatting of the
// values the templates receive. Pure.
//
// Parameters are stored as data (lib/mail/outbox.ts, Notification.params) and put into
// words only when rendered, so one row can be read in any language. Dates are stored as
// ISO strings (older rows: "2026-12-02 14:00" or "... UTC", always UTC) and shown as the
// portal shows them (components/ui/time.tsx formatDateTime: Rwanda's time zone, named).
// A few callers pass English placeholder words ("none", "never", ...) for an empty value;
// those are translated here, so the callers (and rows written before) need no change.
import { createTranslator } from "use-intl/core";
import { DEFAULT_LOCALE, isLocale, TIME_ZONE, type Locale } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The locale to render in: a stored or saved value when it is one of ours, else English. */
export const mailLocale = (value: unknown): Locale => (isLocale(value) ? value : DEFAULT_LOCALE);

/** A translator for one namespace ("mail", "notifications.notices"); a missing message shows as ⟦key⟧, as on pages. */
export function translator(locale: Locale, namespace: "mail" | "notifications.notices"): Translate {
  const t = createTranslator({
    locale,
    messages: MESSAGES[locale],
    namespace,
    timeZone: TIME_ZONE,
    getMessageFallback: ({ namespace: ns, key }) => `⟦${[ns, key].filter(Boolean).join(".")}⟧`,
    onError: (error) => console.error(`[i18n] ${error.code}: ${error.originalMessage ?? error.message}`),
  });
  return t as unknown as Translate;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:Z| UTC)?$/;

/** Placeholder words some callers pass (in English) for an absent value, and their message. */
const PLACEHOLDERS: Record<string, string> = {
  none: "common.none",
  never: "common.never",
  "none given": "common.noneGiven",
  "the default": "common.theDefault",
  "no secret yet": "common.noSecretYet",
  "": "common.none",
};

export type Formatter = {
  /** A stored date (or "never") as "2 Dec 2026, 16:00 GMT+2" in the locale; other text unchanged. */
  date(value: string): string;
  /** A stored day ("2026-12-09") as "9 Dec 2026" in the locale. */
  day(value: string): string;
  /** A value that may be a placeholder word ("none") or a number written "1,000": in the locale. */
  value(value: string): string;
  /** An environment id (sandbox, production) in the locale. */
  environment(value: string): string;
  /** A member role, stored as its id or its English label ("Developer"), in the locale. */
  role(value: string): string;
};

function parseDate(value: string): { date: Date; hasTime: boolean } | null {
  const m = DATE.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(Date.UTC(+y, +mo - 1, +d, h ? +h : 0, mi ? +mi : 0, s ? +s : 0));
  return Number.isNaN(date.getTime()) ? null : { date, hasTime: h !== undefined };
}

function formatDate(date: Date, locale: Locale, dateOnly: boolean): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: TIME_ZONE,
    ...(dateOnly ? {} : { hour: "2-digit", minute: "2-digit", timeZoneName: "short" }),
  }).format(date);
}

/** `t` must be the "mail" namespace's translator (the placeholder words live there). */
export function formatter(locale: Locale, t: Translate): Formatter {
  const value = (v: string) => {
    if (v in PLACEHOLDERS) return t(PLACEHOLDERS[v]);
    if (/^\d{1,3}(,\d{3})+$|^\d+$/.test(v)) return new Intl.NumberFormat(locale).format(Number(v.replace(/,/g, "")));
    return v;
  };
  return {
    date: (v) => {
      const parsed = parseDate(v);
      return parsed ? formatDate(parsed.date, locale, !parsed.hasTime) : value(v);
    },
    day: (v) => {
      const parsed = parseDate(v);
      return parsed ? formatDate(parsed.date, locale, true) : value(v);
    },
    value,
    environment: (v) => (v === "sandbox" || v === "production" ? t(`environments.${v}`) : v),
    role: (v) => {
      const id = v.toLowerCase();
      return id === "owner" || id === "developer" || id === "viewer" ? t(`roles.${id}`) : v;
    },
  };
}
