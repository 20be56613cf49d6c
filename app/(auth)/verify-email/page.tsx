import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/session";
import { VerifyEmailForm } from "./_components/verify-email-form";

export const metadata: Metadata = { title: "Confirm your e-mail address", referrer: "no-referrer" };

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const user = await getCurrentUser();
  if (!token) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight">Confirm your e-mail address</h1>
        <div className="mt-6">
          <Alert tone="error">This link is incomplete. Open the link from the mail we sent you, or sign in and ask for a new one.</Alert>
        </div>
        <p className="mt-4 text-sm">
          <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
            Sign in
          </Link>
        </p>
      </>
    );
  }
  return <VerifyEmailForm token={token} signedIn={Boolean(user)} />;
}
