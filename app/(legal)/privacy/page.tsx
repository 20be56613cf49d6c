import type { Metadata } from "next";
import Link from "next/link";
import { Fragment } from "react";
import { getTranslations } from "next-intl/server";
import { getEnv } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("legal.meta");
  return { title: t("privacy") };
}

const ITEMS = ["account", "organisation", "requests", "sessions", "audit", "usage"] as const;

// Written from what prisma/schema.prisma actually stores: keep the two in step when the
// schema gains personal data (in every language of lib/i18n/messages/*/legal.json).
export default async function PrivacyPage() {
  const env = getEnv();
  const support = env.COPA_SUPPORT_EMAIL ?? env.ADMIN_EMAIL;
  const t = await getTranslations("legal.privacy");
  const tags = {
    email: support,
    mail: (chunks: React.ReactNode) => <a href={`mailto:${support}`}>{chunks}</a>,
    link: (chunks: React.ReactNode) => <Link href="/account">{chunks}</Link>,
    code: (chunks: React.ReactNode) => <code>{chunks}</code>,
  };
  return (
    <>
      <h1 className="text-3xl font-semibold tracking-tight text-zinc-950 dark:text-white">{t("title")}</h1>
      <p className="mt-3 text-lg">{t("lead")}</p>

      <h2>{t("whoTitle")}</h2>
      <p>{t.rich("whoBody", tags)}</p>

      <h2>{t("keepTitle")}</h2>
      <dl>
        {ITEMS.map((item) => (
          <Fragment key={item}>
            <dt>{t(`${item}Term`)}</dt>
            <dd>{t(`${item}Text`)}</dd>
          </Fragment>
        ))}
      </dl>
      <p>{t.rich("keepNote", tags)}</p>

      <h2>{t("basisTitle")}</h2>
      <p>{t("basisBody")}</p>

      <h2>{t("retentionTitle")}</h2>
      <p>{t("retentionBody")}</p>

      <h2>{t("sharingTitle")}</h2>
      <p>{t("sharingBody")}</p>

      <h2>{t("rightsTitle")}</h2>
      <p>{t.rich("rightsBody", tags)}</p>
    </>
  );
}
