import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { SCOPES } from "@/lib/scopes/catalog";

export default async function HomePage() {
  const user = await getCurrentUser();
  const primary = user ? (user.role === "admin" ? { href: "/admin", label: "Open the admin console" } : user.membership ? { href: "/keys", label: "Go to your API keys" } : { href: "/onboarding", label: "Set up your organisation" }) : { href: "/sign-up", label: "Request API access" };
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none mx-auto max-w-6xl px-4 py-16">
      <section className="max-w-3xl">
        <p className="text-sm font-medium text-brand-700 dark:text-brand-100">COPA API · Rwanda cooperative data</p>
        <h1 className="mt-3 text-4xl font-semibold tracking-tight sm:text-5xl">Build on Rwanda&apos;s cooperative data, with keys you manage yourself.</h1>
        <p className="mt-5 text-lg text-zinc-600 dark:text-zinc-400">
          Banks, government agencies, microfinance institutions, fintechs and NGOs use the COPA API to read and update
          cooperatives, members, loans and payments. Request a key for your organisation, follow its review, and rotate or
          revoke it whenever you need to: no more e-mails.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href={primary.href} className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700">{primary.label}</Link>
          <Link href="/docs" className="rounded-md border border-zinc-300 px-5 py-2.5 font-medium hover:bg-white dark:border-zinc-700 dark:hover:bg-zinc-900">Read the docs</Link>
        </div>
      </section>
      <section className="mt-16 grid gap-6 sm:grid-cols-3">
        {[
          ["1. Request", "Describe your integration and tick the scopes it needs. Most partners need only cooperatives:read and members:read."],
          ["2. Review", "A COPA admin reviews your request and grants the scopes your use case justifies."],
          ["3. Build", "Reveal your key once, call the sandbox at /api/v1, then rotate or revoke it from your dashboard."],
        ].map(([title, text]) => (
          <div key={title} className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
            <h2 className="font-semibold">{title}</h2>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
          </div>
        ))}
      </section>
      <p className="mt-10 text-sm text-zinc-600 dark:text-zinc-400">{SCOPES.length} scopes, each explained in the <Link className="underline" href="/docs/scopes">scope guide</Link>.</p>
    </main>
  );
}
