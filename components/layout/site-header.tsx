import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { NavLink } from "./nav-link";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser().catch(() => null);
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
      {/* On phones the navigation takes a second row instead of squeezing the first. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 px-4 sm:h-14 sm:flex-nowrap">
        <Link href="/" className="flex h-14 items-center gap-2 font-semibold sm:h-auto">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white">C</span>
          <span className="whitespace-nowrap">
            COPA <span className="hidden font-normal text-zinc-500 min-[420px]:inline dark:text-zinc-400">Developers</span>
          </span>
        </Link>
        <nav
          aria-label="Main"
          className="order-last -mx-4 flex w-[calc(100%+2rem)] items-center gap-5 overflow-x-auto border-t border-zinc-200 px-4 py-2 text-sm text-zinc-600 sm:order-none sm:mx-0 sm:w-auto sm:flex-1 sm:border-0 sm:p-0 dark:border-zinc-800 dark:text-zinc-300"
        >
          <NavLink href="/docs">Docs</NavLink>
          {user?.membership && (
            <>
              <NavLink href="/keys">API keys</NavLink>
              <NavLink href="/requests">Requests</NavLink>
              <NavLink href="/team">Team</NavLink>
            </>
          )}
          {user?.role === "admin" && <NavLink href="/admin">Admin</NavLink>}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          {user ? (
            <>
              <Link
                href="/account"
                title={`${user.email}: your account`}
                className="max-w-[12rem] truncate text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
              >
                <span className="sm:hidden">Account</span>
                <span className="hidden sm:inline">{user.membership?.organization.legalName ?? user.email}</span>
              </Link>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="whitespace-nowrap text-zinc-600 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white">
                Sign in
              </Link>
              <Link href="/sign-up" className="whitespace-nowrap rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">
                Get API access
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
