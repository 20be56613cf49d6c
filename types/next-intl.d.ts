// Message keys and locales are checked by the compiler: t("nav.docs") must exist in the
// English messages, and a locale is one of ours.
import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/messages";

// next-intl's types come from use-intl, where AppConfig is declared.
declare module "use-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
