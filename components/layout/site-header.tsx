import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser().catch(() => null);
  return (
    <header className="border-b border-zinc-200 bg-white/80 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-brand-600 text-xs font-bold text-white">C</span>
          <span>COPA <span className="font-normal text-zinc-500 dark:text-zinc-400">Developers</span></span>
        </Link>
        <nav aria-label="Main" className="flex flex-1 items-center gap-4 text-sm text-zinc-600 dark:text-zinc-300">
          <Link href="/docs" className="hover:text-zinc-900 dark:hover:text-white">Docs</Link>
          {user?.membership && (
            <>
              <Link href="/keys" className="hover:text-zinc-900 dark:hover:text-white">API keys</Link>
              <Link href="/requests" className="hover:text-zinc-900 dark:hover:text-white">Requests</Link>
            </>
          )}
          {user?.role === "admin" && (
            <Link href="/admin" className="hover:text-zinc-900 dark:hover:text-white">Admin</Link>
          )}
        </nav>
        <div className="flex items-center gap-3 text-sm">
          {user ? (
            <>
              <span className="hidden text-zinc-500 sm:inline dark:text-zinc-400" title={user.email}>
                {user.membership?.organization.legalName ?? user.email}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/sign-in" className="text-zinc-600 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white">Sign in</Link>
              <Link href="/sign-up" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white hover:bg-brand-700">Get API access</Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
