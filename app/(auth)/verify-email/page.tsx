import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/session";
import { VerifyEmailForm } from "./_components/verify-email-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.meta");
  return { title: t("verifyEmail"), referrer: "no-referrer" };
}

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const user = await getCurrentUser();
  if (!token) {
    const t = await getTranslations("auth.verifyEmail");
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <div className="mt-6">
          <Alert tone="error">{t("incomplete")}</Alert>
        </div>
        <p className="mt-4 text-sm">
          <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
            {t("signIn")}
          </Link>
        </p>
      </>
    );
  }
  return <VerifyEmailForm token={token} signedIn={Boolean(user)} />;
}
