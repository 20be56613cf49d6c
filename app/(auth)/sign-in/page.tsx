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
  return <SignInForm callbackPath={next} signedOut={params.signedOut === "1"} />;
}
