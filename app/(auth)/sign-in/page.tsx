import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { afterSignInPath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { SignInForm } from "./_components/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Unsafe values become the default landing page here, once, on the server; the form
  // only ever receives a vetted same-origin path.
  const next = afterSignInPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(next);
  const notice =
    params.signedOut === "1"
      ? "You have been signed out on every device. Sign in again to continue."
      : params.reset === "1"
        ? "Your password was changed and every session of your account ended. Sign in with the new password."
        : params.verified === "1"
          ? "Your e-mail address is confirmed. Sign in to continue."
          : null;
  return <SignInForm callbackPath={next} notice={notice} />;
}
