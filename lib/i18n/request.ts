// next-intl's per-request configuration (named in next.config.js): the locale, its
// messages and the time zone every date is shown in.
import { getRequestConfig } from "next-intl/server";
import { TIME_ZONE } from "./config";
import { resolveLocale } from "./locale";
import { MESSAGES } from "./messages";

/** What a missing message renders as: visible and greppable, so tests catch it (e2e checks no page shows one). */
export const missingMessage = (path: string) => `⟦${path}⟧`;

export default getRequestConfig(async () => {
  const locale = await resolveLocale();
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone: TIME_ZONE,
    getMessageFallback: ({ namespace, key }) => missingMessage([namespace, key].filter(Boolean).join(".")),
    onError: (error) => console.error(`[i18n] ${error.code}: ${error.originalMessage ?? error.message}`),
  };
});
