"use client";

// The console's own navigation: a sidebar on wide screens; on a phone the sections wrap
// onto a second row rather than scroll out of sight. Client-side only to highlight the
// current section.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";

const SECTIONS = [
  { href: "/admin", label: "overview", exact: true },
  { href: "/admin/requests", label: "requests" },
  { href: "/admin/scope-changes", label: "scopeChanges" },
  { href: "/admin/policy", label: "keyPolicy" },
  { href: "/admin/keys", label: "keys" },
  { href: "/admin/organisations", label: "organisations" },
  { href: "/admin/users", label: "users" },
  { href: "/admin/audit", label: "audit" },
  { href: "/admin/mail", label: "mail" },
  { href: "/admin/gateway", label: "gateway" },
  { href: "/admin/leaks", label: "leaks" },
] as const;

export function AdminNav({ pendingCount }: { pendingCount: number }) {
  const pathname = usePathname();
  const t = useTranslations("admin.nav");
  const format = useFormatter();
  const isCurrent = (s: (typeof SECTIONS)[number]) =>
    "exact" in s && s.exact ? pathname === s.href : pathname === s.href || pathname.startsWith(`${s.href}/`);
  return (
    <nav aria-label={t("label")} className="-mx-4 mb-6 border-b border-zinc-200 md:mx-0 md:mb-0 md:w-48 md:shrink-0 md:border-b-0 dark:border-zinc-800">
      <p className="hidden px-3 pb-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase md:block dark:text-zinc-400">{t("console")}</p>
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
                {t(s.label)}
                {s.href === "/admin" && pendingCount > 0 && (
                  <span className="rounded-full bg-amber-100 px-1.5 text-xs font-semibold text-amber-900 tabular-nums dark:bg-amber-900/60 dark:text-amber-100">
                    <span className="sr-only">, </span>
                    {format.number(pendingCount)}
                    <span className="sr-only"> {t("pending")}</span>
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
