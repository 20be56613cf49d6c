import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { requireUserPage } from "@/lib/auth/session";
import { listActiveSessions } from "@/lib/auth/sessions";
import { describeUserAgent } from "@/lib/auth/user-agent";
import { hasTwoFactor } from "@/lib/auth/two-factor/service";
import { MEMBER_ROLES } from "@/lib/organizations/member-schemas";
import { ChangePasswordForm } from "./_components/change-password-form";
import { SessionList } from "./_components/session-list";
import { SignOutEverywhere } from "./_components/sign-out-everywhere";
import { NotificationPreferences } from "./_components/notification-preferences";
import { ADMIN_KINDS, PARTNER_KINDS } from "@/lib/notifications";
import { getPreferences } from "@/lib/notifications/service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.meta");
  return { title: t("account") };
}

export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireUserPage("/account");
  const t = await getTranslations("account");
  const twoFactorOn = await hasTwoFactor(user.id);
  const isAdmin = user.role === "admin";
  const prefs = await getPreferences(user.id);
  const kinds = (isAdmin ? ADMIN_KINDS : PARTNER_KINDS).map((id) => ({ id, label: t(`preferences.kinds.${id}`) }));
  const role = user.membership && MEMBER_ROLES.find((r) => r.id === user.membership?.role);
  const sessions = (await listActiveSessions(user.id, user.sessionId ?? null)).map((s) => ({
    id: s.id,
    device: describeUserAgent(s.userAgent, { unknown: t("sessions.unknownDevice"), browserOn: (browser, system) => t("sessions.browserOn", { browser, system }) }),
    ip: s.ip,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    isCurrent: s.isCurrent,
  }));

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("page.title")} description={t("page.description")} />
      {/* The change-password form shows the auth schema's field errors. */}
      <ClientMessages namespaces={["account", "auth"]}>
      <div className="space-y-6">
        <Card className="p-5 sm:p-6">
          <h2 className="font-semibold">{t("page.profile")}</h2>
          <dl className="mt-3 grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{t("page.name")}</dt>
              <dd className="mt-1">{user.name}</dd>
            </div>
            <div className="min-w-0">
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{t("page.email")}</dt>
              <dd className="mt-1 break-all">{user.email}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{t("page.organisation")}</dt>
              <dd className="mt-1">
                {user.membership ? (
                  <>
                    {user.membership.organization.legalName}{" "}
                    <Link href="/team" className="text-brand-700 underline dark:text-brand-100">
                      {t("page.team")}
                    </Link>
                  </>
                ) : user.role === "admin" ? (
                  t("page.copaStaff")
                ) : (
                  <Link href="/onboarding" className="text-brand-700 underline dark:text-brand-100">
                    {t("page.setUpOrganisation")}
                  </Link>
                )}
              </dd>
            </div>
            {role && (
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{t("page.role")}</dt>
                <dd className="mt-1">
                  {t(`roles.${role.id}.label`)}
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t(`roles.${role.id}.description`)}</span>
                </dd>
              </div>
            )}
          </dl>
        </Card>

        <Card className="p-5 sm:p-6">
          <h2 className="font-semibold">{t("page.changePasswordTitle")}</h2>
          <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t("page.changePasswordIntro")}</p>
          <ChangePasswordForm email={user.email} />
        </Card>

        <Card className="p-5 sm:p-6">
          <h2 id="notification-preferences" className="font-semibold">
            {t("page.notificationsTitle")}
          </h2>
          <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t("page.notificationsIntro")}</p>
          <NotificationPreferences kinds={kinds} mailOn={kinds.map((k) => k.id).filter((k) => !prefs.mailOff.includes(k))} isAdmin={isAdmin} newRequestMail={prefs.newRequestMail} />
        </Card>

        {/* Two-factor (app/(partner)/account/two-factor). */}
        <Card className="p-5 sm:p-6">
          <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <h2 className="font-semibold">{t("page.twoFactorTitle")}</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                {twoFactorOn ? t("page.twoFactorOn") : t("page.twoFactorOff")}
                {!twoFactorOn && user.role === "admin" && ` ${t("page.twoFactorAdminRequired")}`}
              </p>
            </div>
            <div className="shrink-0">
              <LinkButton href="/account/two-factor" variant="secondary">
                {twoFactorOn ? t("page.twoFactorManage") : t("page.twoFactorSetUp")}
              </LinkButton>
            </div>
          </div>
        </Card>

        <Card className="p-5 sm:p-6">
          <h2 className="font-semibold">{t("page.sessionsTitle")}</h2>
          <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">{t("page.sessionsIntro", { hours: user.role === "admin" ? 8 : 12 })}</p>
          <SessionList sessions={sessions} />
        </Card>

        <Card className="p-5 sm:p-6">
          <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <h2 className="font-semibold">{t("page.signOutEverywhereTitle")}</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("page.signOutEverywhereIntro")}</p>
            </div>
            <div className="shrink-0">
              <SignOutEverywhere />
            </div>
          </div>
        </Card>
      </div>
      </ClientMessages>
    </div>
  );
}
