import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { isTokenUsable } from "@/lib/accounts/tokens";
import { db } from "@/lib/db";
import { ResetPasswordForm } from "./_components/reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.meta");
  return { title: t("resetPassword"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token.trim() : "";
  // Checked before showing the form, so nobody types a new password into a dead link;
  // the action checks again (and uses the token up) when the form is sent.
  if (!token || !(await isTokenUsable(db, token, "password_reset"))) {
    const t = await getTranslations("auth.resetPassword");
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <div className="mt-6">
          <Alert tone="error">{t("expired")}</Alert>
        </div>
        <p className="mt-4 text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
            {t("askAgain")}
          </Link>
        </p>
      </>
    );
  }
  return <ResetPasswordForm token={token} />;
}
