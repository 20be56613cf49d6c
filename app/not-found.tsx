import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/ui/link-button";

// Every 404 outside the partner pages: unknown URLs, and the admin console for anyone who
// is not an admin (which must not hint that it exists). It also replaces Next's built-in
// 404, whose inline <style> carries no nonce and so breaks the CSP (lib/security/headers.ts).
export default async function NotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-sm font-medium text-brand-600 dark:text-brand-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t("body")}</p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <LinkButton href="/">{t("home")}</LinkButton>
        <LinkButton href="/docs" variant="secondary">
          {t("docs")}
        </LinkButton>
      </div>
    </main>
  );
}
