import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { requireUserPage } from "@/lib/auth/session";
import { countryOptions } from "@/lib/organizations/countries";
import { OnboardingForm } from "./_components/onboarding-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.meta");
  return { title: t("onboarding") };
}

export default async function OnboardingPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserPage("/onboarding");
  if (user.role === "admin") redirect("/admin");
  if (user.membership) redirect("/keys");
  const next = safeCallbackPath((await searchParams).callbackUrl);
  const t = await getTranslations("account.onboarding");
  return (
    <div className="mx-auto max-w-2xl">
      <p className="text-sm font-medium text-brand-600 dark:text-brand-500">{t("step")}</p>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("intro")}</p>
      <ClientMessages namespaces={["account"]}>
        <OnboardingForm countries={countryOptions(await getLocale())} defaultEmail={user.email} next={next} />
      </ClientMessages>
    </div>
  );
}
