import type { Metadata } from "next";
import Link from "next/link";
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
import { ADMIN_KINDS, KIND_LABELS, PARTNER_KINDS } from "@/lib/notifications";
import { getPreferences } from "@/lib/notifications/service";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const user = await requireUserPage("/account");
  const twoFactorOn = await hasTwoFactor(user.id);
  const isAdmin = user.role === "admin";
  const prefs = await getPreferences(user.id);
  const kinds = (isAdmin ? ADMIN_KINDS : PARTNER_KINDS).map((id) => ({ id, label: KIND_LABELS[id] }));
  const role = user.membership && MEMBER_ROLES.find((r) => r.id === user.membership?.role);
  const sessions = (await listActiveSessions(user.id, user.sessionId ?? null)).map((s) => ({
    id: s.id,
    device: describeUserAgent(s.userAgent),
    ip: s.ip,
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    isCurrent: s.isCurrent,
  }));

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Your account" description="Who you are signed in as, your password and your sessions." />
      <div className="space-y-6">
        <Card className="p-5 sm:p-6">
          <h2 className="font-semibold">Profile</h2>
          <dl className="mt-3 grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Name</dt>
              <dd className="mt-1">{user.name}</dd>
            </div>
            <div className="min-w-0">
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">E-mail</dt>
              <dd className="mt-1 break-all">{user.email}</dd>
            </div>
            <div>
              <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Organisation</dt>
              <dd className="mt-1">
                {user.membership ? (
                  <>
                    {user.membership.organization.legalName}{" "}
                    <Link href="/team" className="text-brand-700 underline dark:text-brand-100">
                      Team
                    </Link>
                  </>
                ) : user.role === "admin" ? (
                  "COPA staff"
                ) : (
                  <Link href="/onboarding" className="text-brand-700 underline dark:text-brand-100">
                    Set up your organisation
                  </Link>
                )}
              </dd>
            </div>
            {role && (
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Role</dt>
                <dd className="mt-1">
                  {role.label}
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">{role.description}</span>
                </dd>
              </div>
            )}
          </dl>
        </Card>

        <Card className="p-5 sm:p-6">
          <h2 className="font-semibold">Change password</h2>
          <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            Changing your password signs you out on every other device. This browser stays signed in.
          </p>
          <ChangePasswordForm email={user.email} />
        </Card>

        <Card className="p-5 sm:p-6">
          <h2 id="notification-preferences" className="font-semibold">
            Notifications by mail
          </h2>
          <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            Every notification appears under the bell in the header; choose which ones also come by mail. Security mails (address confirmation, password reset, password
            changed) are always sent.
          </p>
          <NotificationPreferences kinds={kinds} mailOn={kinds.map((k) => k.id).filter((k) => !prefs.mailOff.includes(k))} isAdmin={isAdmin} newRequestMail={prefs.newRequestMail} />
        </Card>

        {/* Two-factor (app/(partner)/account/two-factor). */}
        <Card className="p-5 sm:p-6">
          <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <h2 className="font-semibold">Two-factor authentication</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                {twoFactorOn ? "On: every sign-in asks for a code from your authenticator app." : "Off. Add a code from an authenticator app to every sign-in."}
                {!twoFactorOn && user.role === "admin" && " Required for admins."}
              </p>
            </div>
            <div className="shrink-0">
              <LinkButton href="/account/two-factor" variant="secondary">
                {twoFactorOn ? "Manage two-factor" : "Set up two-factor"}
              </LinkButton>
            </div>
          </div>
        </Card>

        <Card className="p-5 sm:p-6">
          <h2 className="font-semibold">Active sessions</h2>
          <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            Every browser signed in to your account. A session ends after 2 hours without activity and at the latest{" "}
            {user.role === "admin" ? "8" : "12"} hours after signing in. Don&apos;t recognise one? End it, then change your password.
          </p>
          <SessionList sessions={sessions} />
        </Card>

        <Card className="p-5 sm:p-6">
          <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <h2 className="font-semibold">Sign out everywhere</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                Lost a laptop, or signed in on a shared computer? End every session of your account at once, this one included.
              </p>
            </div>
            <div className="shrink-0">
              <SignOutEverywhere />
            </div>
          </div>
        </Card>
      </div>
    </div>
  );
}
