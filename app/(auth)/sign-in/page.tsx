import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { afterSignInPath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/auth/session";
import { SignInForm } from "./_components/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.meta");
  return { title: t("signIn") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Unsafe values become the default landing page here, once, on the server; the form
  // only ever receives a vetted same-origin path.
  const next = afterSignInPath(params.callbackUrl);
  if (await getCurrentUser()) redirect(next);
  const t = await getTranslations("auth.signIn.notices");
  const notice = params.signedOut === "1" ? t("signedOut") : params.reset === "1" ? t("reset") : params.verified === "1" ? t("verified") : null;
  return <SignInForm callbackPath={next} notice={notice} />;
}
