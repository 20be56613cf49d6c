"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** A header link that marks the current section (aria-current) so people know where they are. */
export function NavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname();
  const isCurrent = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={isCurrent ? "page" : undefined}
      className="whitespace-nowrap rounded py-1 hover:text-zinc-900 aria-[current=page]:font-medium aria-[current=page]:text-zinc-900 dark:hover:text-white dark:aria-[current=page]:text-white"
    >
      {children}
    </Link>
  );
}
