import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { QrCode } from "@/components/auth/qr-code";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { requireUserPage } from "@/lib/auth/session";
import { getTwoFactorState } from "@/lib/auth/two-factor/service";
import { ConfirmEnrolment } from "./_components/confirm-enrolment";
import { DisableTwoFactor } from "./_components/disable-two-factor";
import { SetupHeading } from "./_components/setup-heading";
import { StartEnrolment } from "./_components/start-enrolment";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.meta");
  return { title: t("twoFactor") };
}

// The pending secret is shown to its owner only, never cached.
export const dynamic = "force-dynamic";

export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const user = await requireUserPage("/account/two-factor");
  const state = await getTwoFactorState(user);
  const { required } = await searchParams;
  const isAdmin = user.role === "admin";
  const t = await getTranslations("account.twoFactor");

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("title")} description={t("description")} />
      {/* The enrolment form shows the auth schema's field errors. */}
      <ClientMessages namespaces={["account", "auth"]}>
      <div className="space-y-6">
        {isAdmin && state.status !== "on" && (
          <Alert tone="warning" title={required === "admin" ? t("adminConsoleTitle") : t("adminRequiredTitle")}>
            {t("adminRequiredBody")}
          </Alert>
        )}

        {state.status === "off" && (
          <Card className="p-5 sm:p-6">
            <h2 className="font-semibold">{t("setUpTitle")}</h2>
            <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t("setUpIntro")}</p>
            <StartEnrolment />
          </Card>
        )}

        {state.status === "pending" && (
          <Card className="p-5 sm:p-6">
            <SetupHeading>{t("step1")}</SetupHeading>
            <div className="mt-4 flex flex-col gap-6 sm:flex-row sm:items-start">
              <div className="shrink-0 self-center sm:self-start">
                <QrCode value={state.uri} label={t("qrLabel")} />
              </div>
              <div className="min-w-0 space-y-3 text-sm">
                <p className="text-zinc-700 dark:text-zinc-300">{t("scanHelp")}</p>
                <p id="totp-secret-label" className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
                  {t("setupKey")}
                </p>
                <code aria-labelledby="totp-secret-label" data-secret={state.secret} className="block break-all rounded-md bg-zinc-100 px-3 py-2 font-mono text-base tracking-wider dark:bg-zinc-800">
                  {state.secret.match(/.{1,4}/g)?.join(" ")}
                </code>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("accountNote", { email: user.email })}</p>
              </div>
            </div>
            <h2 className="mt-8 font-semibold">{t("step2")}</h2>
            <div className="mt-3">
              <ConfirmEnrolment continueTo={isAdmin ? "/admin" : "/account"} />
            </div>
            <div className="mt-6 border-t border-zinc-200 pt-4 dark:border-zinc-800">
              <StartEnrolment restart />
            </div>
          </Card>
        )}

        {state.status === "on" && (
          <Card className="p-5 sm:p-6">
            <h2 className="font-semibold">{t("onTitle")}</h2>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              {t.rich("since", { time: () => <Time value={state.enabledAt} />, left: state.recoveryCodesLeft })}
              {state.recoveryCodesLeft <= 3 && ` ${t("runningLow")}`}
            </p>
            <div className="mt-4">
              {isAdmin ? (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("adminsMustKeep")}</p>
              ) : (
                <DisableTwoFactor />
              )}
            </div>
          </Card>
        )}

        <p className="text-sm">
          <Link href="/account" className="text-brand-700 underline dark:text-brand-100">
            {t("back")}
          </Link>
        </p>
      </div>
      </ClientMessages>
    </div>
  );
}
