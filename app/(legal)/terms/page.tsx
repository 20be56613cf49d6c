import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getEnv } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("legal.meta");
  return { title: t("terms") };
}

export default async function TermsPage() {
  const env = getEnv();
  const support = env.COPA_SUPPORT_EMAIL ?? env.ADMIN_EMAIL;
  const t = await getTranslations("legal.terms");
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight text-zinc-950 dark:text-white">{t("title")}</h1>
      <p className="mt-3 text-lg">{t("lead")}</p>

      <h2>{t("accountsTitle")}</h2>
      <p>{t("accountsBody")}</p>

      <h2>{t("keysTitle")}</h2>
      <p>{t("keysBody")}</p>

      <h2>{t("dataTitle")}</h2>
      <p>{t("dataBody")}</p>

      <h2>{t("availabilityTitle")}</h2>
      <p>{t.rich("availabilityBody", { link: (chunks) => <Link href="/privacy">{chunks}</Link> })}</p>

      <h2>{t("contactTitle")}</h2>
      <p>{t.rich("contactBody", { email: support, mail: (chunks) => <a href={`mailto:${support}`}>{chunks}</a> })}</p>
    </>
  );
}
