// A translator in this request's language for code that runs outside rendering (server
// actions, route handlers): next-intl's core createTranslator over our messages, with the
// locale resolved as pages resolve it. Unlike getTranslations it needs no Next.js build
// alias, so the same code runs under Vitest. From use-intl/core (next-intl's own core), not
// "next-intl": that entry also loads React client code, which the API service (run with
// the react-server condition) cannot load.
import { createTranslator } from "use-intl/core";
import { resolveLocale } from "./locale";
import { MESSAGES } from "./messages";
import type { AnyTranslator } from "./translate-message";
import type { Locale } from "./config";

/** One translator per language for the process: each keeps its parsed messages and formatters. */
const translators = new Map<Locale, AnyTranslator>();

export function translatorFor(locale: Locale): AnyTranslator {
  let t = translators.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: MESSAGES[locale] }) as unknown as AnyTranslator;
    translators.set(locale, t);
  }
  return t;
}

export async function requestTranslator(): Promise<AnyTranslator> {
  return translatorFor(await resolveLocale());
}
