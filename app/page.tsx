import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { SCOPES } from "@/lib/scopes/catalog";

export default async function HomePage() {
  const user = await getCurrentUser();
  const t = await getTranslations("home");
  const primary = user
    ? user.role === "admin"
      ? { href: "/admin", label: t("primary.admin") }
      : user.membership
        ? { href: "/keys", label: t("primary.keys") }
        : { href: "/onboarding", label: t("primary.onboarding") }
    : { href: "/sign-up", label: t("primary.signUp") };
  const steps = (["request", "review", "build"] as const).map((step) => ({ title: t(`steps.${step}.title`), text: t(`steps.${step}.text`) }));
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none mx-auto max-w-6xl px-4 py-16">
      <section className="max-w-3xl">
        <p className="text-sm font-medium text-brand-700 dark:text-brand-100">{t("eyebrow")}</p>
        <h1 className="mt-3 text-4xl font-semibold tracking-tight sm:text-5xl">{t("headline")}</h1>
        <p className="mt-5 text-lg text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href={primary.href} className="rounded-md bg-brand-600 px-5 py-2.5 font-medium text-white hover:bg-brand-700">{primary.label}</Link>
          <Link href="/docs" className="rounded-md border border-zinc-300 px-5 py-2.5 font-medium hover:bg-white dark:border-zinc-700 dark:hover:bg-zinc-900">{t("readDocs")}</Link>
        </div>
      </section>
      <section className="mt-16 grid gap-6 sm:grid-cols-3">
        {steps.map(({ title, text }) => (
          <div key={title} className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
            <h2 className="font-semibold">{title}</h2>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
          </div>
        ))}
      </section>
      <p className="mt-10 text-sm text-zinc-600 dark:text-zinc-400">
        {t.rich("scopeCount", {
          count: SCOPES.length,
          link: (chunks) => <Link className="underline" href="/docs/scopes">{chunks}</Link>,
        })}
      </p>
    </main>
  );
}
