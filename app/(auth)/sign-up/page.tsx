import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { afterSignInPath, safeCallbackPath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { SignUpForm } from "./_components/sign-up-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.meta");
  return { title: t("signUp") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  if (await getCurrentUser()) redirect(afterSignInPath(params.callbackUrl));
  // A new account has no organisation yet, so onboarding comes first; a safe callback
  // (e.g. a pre-filled request form from the docs) is carried through onboarding.
  return <SignUpForm callbackPath={safeCallbackPath(params.callbackUrl)} />;
}
