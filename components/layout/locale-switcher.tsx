import { getLocale, getTranslations } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";
import { setLocaleAction } from "@/lib/i18n/actions";

/**
 * The language menu: a disclosure (no client JavaScript) whose buttons post the choice.
 * Each language is written in itself and marked with its lang, so a screen reader reads
 * "Français" in French.
 */
// React ignores what a form's action returns; the action's typed result serves direct callers.
const chooseLocale = setLocaleAction as unknown as (formData: FormData) => Promise<void>;

export async function LocaleSwitcher({ align = "right" }: { align?: "left" | "right" }) {
  const current = await getLocale();
  const locale = isLocale(current) ? current : DEFAULT_LOCALE;
  const t = await getTranslations("common.language");
  return (
    <details className="group relative">
      <summary className="flex min-h-8 cursor-pointer list-none items-center gap-1 rounded-md px-2 py-1 text-zinc-600 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white [&::-webkit-details-marker]:hidden">
        <span className="sr-only">{t("current", { name: LOCALE_NAMES[locale] })}</span>
        <span aria-hidden className="font-medium uppercase">{locale}</span>
        <svg aria-hidden viewBox="0 0 16 16" className="h-3 w-3 transition-transform group-open:rotate-180" fill="currentColor">
          <path d="M4 6l4 4 4-4z" />
        </svg>
      </summary>
      <form
        action={chooseLocale}
        aria-label={t("choose")}
        className={`absolute z-20 mt-1 grid min-w-40 gap-0.5 rounded-md border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-700 dark:bg-zinc-900 ${align === "right" ? "left-0 sm:left-auto sm:right-0" : "left-0"}`}
      >
        {LOCALES.map((l) => (
          <button
            key={l}
            type="submit"
            name="locale"
            value={l}
            lang={l}
            aria-pressed={l === locale}
            className="min-h-8 rounded px-3 py-1.5 text-left text-sm hover:bg-zinc-100 aria-pressed:font-semibold dark:hover:bg-zinc-800"
          >
            {LOCALE_NAMES[l]}
          </button>
        ))}
      </form>
    </details>
  );
}
