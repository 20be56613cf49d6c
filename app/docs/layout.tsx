// The docs shell: the one docs navigation beside (desktop) or above (phone) every docs
// page, including the API reference that renders at /docs/reference. Public: nothing here
// reads the session; pages that personalise (the quickstart) do so themselves.
import type { Metadata } from "next";
import Link from "next/link";
import { DocsNav } from "@/components/docs/docs-nav";
import { requestScopesHref } from "@/lib/docs/picker";
import { RECOMMENDED_SCOPES } from "@/lib/scopes/catalog";

export const metadata: Metadata = {
  title: { default: "Docs", template: "%s · COPA API docs" },
  description: "How to authenticate, choose scopes, make your first call and handle errors and rate limits with the COPA API.",
};

export default function DocsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-6xl px-4 lg:grid lg:grid-cols-[13rem_minmax(0,1fr)] lg:gap-10">
      {/* A plain div: the nav inside is the landmark; every piece of the column sits in one. */}
      <div className="pt-4 lg:sticky lg:top-0 lg:max-h-screen lg:self-start lg:overflow-y-auto lg:pt-10 lg:pb-10">
        <DocsNav />
        <aside aria-label="Get a key" className="mt-8 hidden rounded-lg border border-zinc-200 bg-white p-3 text-sm lg:block dark:border-zinc-800 dark:bg-zinc-900">
          <p className="font-medium text-zinc-900 dark:text-white">Need a key?</p>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">Most integrations need only {RECOMMENDED_SCOPES.join(" and ")}.</p>
          <Link
            href={requestScopesHref(RECOMMENDED_SCOPES)}
            className="mt-2 inline-block font-medium text-brand-700 underline decoration-brand-600/40 underline-offset-2 hover:decoration-brand-600 dark:text-brand-100"
          >
            Request access
          </Link>
        </aside>
      </div>
      <div className="min-w-0 pt-6 lg:pt-10">{children}</div>
    </div>
  );
}
