import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { EXPIRED_LINK } from "@/lib/accounts/recovery";
import { isTokenUsable } from "@/lib/accounts/tokens";
import { db } from "@/lib/db";
import { ResetPasswordForm } from "./_components/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token.trim() : "";
  // Checked before showing the form, so nobody types a new password into a dead link;
  // the action checks again (and uses the token up) when the form is sent.
  if (!token || !(await isTokenUsable(db, token, "password_reset"))) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight">Choose a new password</h1>
        <div className="mt-6">
          <Alert tone="error">{EXPIRED_LINK} Reset links work once, for 30 minutes.</Alert>
        </div>
        <p className="mt-4 text-sm">
          <Link href="/forgot-password" className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
            Ask for a new link
          </Link>
        </p>
      </>
    );
  }
  return <ResetPasswordForm token={token} />;
}
