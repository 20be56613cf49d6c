"use client";

// The console's own navigation: a sidebar on wide screens; on a phone the sections wrap
// onto a second row rather than scroll out of sight. Client-side only to highlight the
// current section.
import Link from "next/link";
import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/admin", label: "Overview", exact: true },
  { href: "/admin/requests", label: "Requests" },
  { href: "/admin/scope-changes", label: "Scope changes" },
  { href: "/admin/policy", label: "Key policy" },
  { href: "/admin/keys", label: "Keys" },
  { href: "/admin/organisations", label: "Organisations" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/mail", label: "Mail" },
  { href: "/admin/gateway", label: "Gateway" },
] as const;

export function AdminNav({ pendingCount }: { pendingCount: number }) {
  const pathname = usePathname();
  const isCurrent = (s: (typeof SECTIONS)[number]) =>
    "exact" in s && s.exact ? pathname === s.href : pathname === s.href || pathname.startsWith(`${s.href}/`);
  return (
    <nav aria-label="Admin" className="-mx-4 mb-6 border-b border-zinc-200 md:mx-0 md:mb-0 md:w-48 md:shrink-0 md:border-b-0 dark:border-zinc-800">
      <p className="hidden px-3 pb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase md:block dark:text-zinc-400">Admin console</p>
      <ul className="flex flex-wrap gap-1 px-4 pb-2 md:sticky md:top-4 md:flex-col md:flex-nowrap md:px-0 md:pb-0">
        {SECTIONS.map((s) => {
          const current = isCurrent(s);
          return (
            <li key={s.href} className="shrink-0">
              <Link
                href={s.href}
                aria-current={current ? "page" : undefined}
                className={`flex items-center justify-between gap-2 rounded-md px-3 py-2 text-sm whitespace-nowrap transition ${
                  current
                    ? "bg-brand-50 font-medium text-brand-700 dark:bg-brand-900/40 dark:text-brand-100"
                    : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
                }`}
              >
                {s.label}
                {s.href === "/admin" && pendingCount > 0 && (
                  <span className="rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 tabular-nums dark:bg-amber-900/60 dark:text-amber-100">
                    <span className="sr-only">, </span>
                    {pendingCount.toLocaleString("en-GB")}
                    <span className="sr-only"> pending</span>
                  </span>
                )}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
