import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { LocaleSwitcher } from "./locale-switcher";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser().catch(() => null);
  const t = await getTranslations("common");
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
      {/* On phones the navigation takes a second row instead of squeezing the first. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 px-4 sm:h-14 sm:flex-nowrap">
        <Link href="/" className="flex h-14 items-center gap-2 font-semibold sm:h-auto">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white">C</span>
          <span className="whitespace-nowrap">
            {t("brand.name")} <span className="hidden font-normal text-zinc-500 min-[420px]:inline dark:text-zinc-400">{t("brand.developers")}</span>
          </span>
        </Link>
        <nav
          aria-label={t("nav.label")}
          className="order-last -mx-4 flex w-[calc(100%+2rem)] items-center gap-5 overflow-x-auto border-t border-zinc-200 px-4 py-2 text-sm text-zinc-600 sm:order-none sm:mx-0 sm:w-auto sm:flex-1 sm:border-0 sm:p-0 dark:border-zinc-800 dark:text-zinc-300"
        >
          <NavLink href="/docs">{t("nav.docs")}</NavLink>
          {user?.membership && (
            <>
              <NavLink href="/keys">{t("nav.keys")}</NavLink>
              <NavLink href="/requests">{t("nav.requests")}</NavLink>
              <NavLink href="/team">{t("nav.team")}</NavLink>
              {user.membership.role === "owner" && <NavLink href="/activity">{t("nav.activity")}</NavLink>}
            </>
          )}
          {user?.role === "admin" && <NavLink href="/admin">{t("nav.admin")}</NavLink>}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <LocaleSwitcher />
          {user ? (
            <>
              <Link
                href="/account"
                title={t("nav.accountTitle", { email: user.email })}
                className="max-w-[12rem] truncate text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
              >
                <span className="sm:hidden">{t("nav.account")}</span>
                <span className="hidden sm:inline">{user.membership?.organization.legalName ?? user.email}</span>
              </Link>
              <SignOutButton label={t("nav.signOut")} />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="whitespace-nowrap text-zinc-600 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white">
                {t("nav.signIn")}
              </Link>
              <Link href="/sign-up" className="whitespace-nowrap rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
                {t("nav.getAccess")}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
