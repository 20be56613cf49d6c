import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { requireUserPage } from "@/lib/auth/session";
import { countryOptions } from "@/lib/organizations/countries";
import { OnboardingForm } from "./_components/onboarding-form";

export const metadata: Metadata = { title: "Set up your organisation" };

export default async function OnboardingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserPage("/onboarding");
  if (user.role === "admin") redirect("/admin");
  if (user.membership) redirect("/keys");
  const next = safeCallbackPath((await searchParams).callbackUrl);
  return (
    <div className="mx-auto max-w-2xl">
      <p className="text-sm font-medium text-brand-600 dark:text-brand-500">Step 1 of 2 · Your organisation</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">Tell us who you build for</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        API keys belong to an organisation, not to a person, so they outlive staff changes. You will be its owner and can add
        colleagues later. COPA reviewers see these details when they decide on your requests.
      </p>
      <OnboardingForm countries={countryOptions()} defaultEmail={user.email} next={next} />
    </div>
  );
}
