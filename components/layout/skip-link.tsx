// The first tab stop of every page: jumps past the header to the page's <main id="main">
// (every layout gives its <main> that id and tabIndex -1 so it can take focus).
import { getTranslations } from "next-intl/server";

export async function SkipLink() {
  const t = await getTranslations("legal");
  return (
    <a
      href="#main"
      className="sr-only rounded-md bg-brand-700 px-4 py-2 font-medium text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:outline-2 focus:outline-offset-2 focus:outline-brand-700"
    >
      {t("skipLink")}
    </a>
  );
}
