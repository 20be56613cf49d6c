import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

const linkClass = "whitespace-nowrap hover:text-zinc-900 dark:hover:text-white";

export async function SiteHeader() {
  const user = await getCurrentUser().catch(() => null);
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
      {/* On phones the links drop to a second, scrollable row so nothing wraps mid-word. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2 sm:h-14 sm:flex-nowrap sm:gap-x-6 sm:py-0">
        <Link href="/" className="flex shrink-0 items-center gap-2 font-semibold whitespace-nowrap">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white">C</span>
          <span>
            COPA <span className="hidden font-normal text-zinc-500 min-[400px]:inline dark:text-zinc-400">Developers</span>
          </span>
        </Link>
        <nav
          aria-label="Main"
          className="order-last -mx-4 flex w-[calc(100%+2rem)] items-center gap-5 overflow-x-auto px-4 pb-1 text-sm text-zinc-600 sm:order-none sm:mx-0 sm:w-auto sm:flex-1 sm:overflow-visible sm:px-0 sm:pb-0 dark:text-zinc-300"
        >
          <Link href="/docs" className={linkClass}>Docs</Link>
          {user?.membership && (
            <>
              <Link href="/keys" className={linkClass}>API keys</Link>
              <Link href="/requests" className={linkClass}>Requests</Link>
            </>
          )}
          {user?.role === "admin" && <Link href="/admin" className={linkClass}>Admin</Link>}
        </nav>
        <div className="ml-auto flex shrink-0 items-center gap-3 text-sm">
          {user ? (
            <>
              <span className="hidden max-w-48 truncate text-zinc-500 md:inline dark:text-zinc-400" title={user.email}>
                {user.membership?.organization.legalName ?? user.email}
              </span>
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
