// The footer of every page: who to contact, the privacy notice and terms, the API's
// status page when the operator configured one (COPA_STATUS_URL), and the language menu
// (also in the header).
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getEnv } from "@/lib/env";
import { LocaleSwitcher } from "./locale-switcher";

export async function SiteFooter() {
  const { supportEmail, statusUrl } = footerSettings();
  const t = await getTranslations("legal.footer");
  return (
    <footer className="mt-16 border-t border-zinc-200 bg-white text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6 sm:flex-row sm:items-center sm:justify-between">
        <p>
          {t("support")}{" "}
          <a href={`mailto:${supportEmail}`} className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100">
            {supportEmail}
          </a>
        </p>
        <nav aria-label={t("nav")}>
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            <li>
              <Link href="/privacy" className="inline-block py-1.5 underline underline-offset-2 hover:text-zinc-950 dark:hover:text-white">
                {t("privacy")}
              </Link>
            </li>
            <li>
              <Link href="/terms" className="inline-block py-1.5 underline underline-offset-2 hover:text-zinc-950 dark:hover:text-white">
                {t("terms")}
              </Link>
            </li>
            {statusUrl && (
              <li>
                <a href={statusUrl} className="inline-block py-1.5 underline underline-offset-2 hover:text-zinc-950 dark:hover:text-white">
                  {t("status")}
                </a>
              </li>
            )}
            <li>
              <Link href="/docs" className="inline-block py-1.5 underline underline-offset-2 hover:text-zinc-950 dark:hover:text-white">
                {t("docs")}
              </Link>
            </li>
          </ul>
        </nav>
        <LocaleSwitcher align="left" />
      </div>
    </footer>
  );
}

function footerSettings() {
  const env = getEnv();
  return { supportEmail: env.COPA_SUPPORT_EMAIL ?? env.ADMIN_EMAIL, statusUrl: env.COPA_STATUS_URL ?? null };
}
