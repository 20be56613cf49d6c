"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

// Shown when a page fails while rendering. Replaces Next's built-in error page, whose inline
// <style> carries no nonce and is refused by the CSP (lib/security/headers.ts). Says nothing
// about the failure itself: details stay in the server's log.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.error");
  return (
    <main id="main" tabIndex={-1} className="focus:outline-none mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t("body")}</p>
      <div className="mt-6 flex justify-center">
        <Button onClick={reset}>{t("retry")}</Button>
      </div>
    </main>
  );
}
