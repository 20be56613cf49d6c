import type { Metadata } from "next";
import Link from "next/link";
import { QrCode } from "@/components/auth/qr-code";
import { Alert } from "@/components/ui/alert";
import { Card, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { requireUserPage } from "@/lib/auth/session";
import { getTwoFactorState } from "@/lib/auth/two-factor/service";
import { ConfirmEnrolment } from "./_components/confirm-enrolment";
import { DisableTwoFactor } from "./_components/disable-two-factor";
import { SetupHeading } from "./_components/setup-heading";
import { StartEnrolment } from "./_components/start-enrolment";

export const metadata: Metadata = { title: "Two-factor authentication" };
// The pending secret is shown to its owner only, never cached.
export const dynamic = "force-dynamic";

export default async function TwoFactorPage({ searchParams }: { searchParams: Promise<{ required?: string }> }) {
  const user = await requireUserPage("/account/two-factor");
  const state = await getTwoFactorState(user);
  const { required } = await searchParams;
  const isAdmin = user.role === "admin";

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title="Two-factor authentication"
        description="A code from an authenticator app on your phone, asked for at every sign-in after your password, so a stolen password alone cannot open your account."
      />
      <div className="space-y-6">
        {isAdmin && state.status !== "on" && (
          <Alert tone="warning" title={required === "admin" ? "The admin console needs two-factor authentication" : "Required for admins"}>
            Set it up below to continue to the console. Admins cannot turn it off.
          </Alert>
        )}

        {state.status === "off" && (
          <Card className="p-5 sm:p-6">
            <h2 className="font-semibold">Set up two-factor</h2>
            <p className="mt-1 mb-4 text-sm text-zinc-600 dark:text-zinc-400">
              You need an authenticator app, such as Google Authenticator, Microsoft Authenticator, 1Password or Aegis. Setting up takes a minute.
            </p>
            <StartEnrolment />
          </Card>
        )}

        {state.status === "pending" && (
          <Card className="p-5 sm:p-6">
            <SetupHeading>1. Add COPA Developers to your app</SetupHeading>
            <div className="mt-4 flex flex-col gap-6 sm:flex-row sm:items-start">
              <div className="shrink-0 self-center sm:self-start">
                <QrCode value={state.uri} label="QR code for your authenticator app" />
              </div>
              <div className="min-w-0 space-y-3 text-sm">
                <p className="text-zinc-700 dark:text-zinc-300">Scan the QR code with your authenticator app. Cannot scan it? Add an account by hand with this setup key (time-based, 6 digits):</p>
                <p id="totp-secret-label" className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
                  Setup key
                </p>
                <code aria-labelledby="totp-secret-label" data-secret={state.secret} className="block break-all rounded-md bg-zinc-100 px-3 py-2 font-mono text-base tracking-wider dark:bg-zinc-800">
                  {state.secret.match(/.{1,4}/g)?.join(" ")}
                </code>
                <p className="text-xs text-zinc-500 dark:text-zinc-400">Account: {user.email}. Keep this key private: anyone with it can make your codes.</p>
              </div>
            </div>
            <h2 className="mt-8 font-semibold">2. Enter the code your app shows</h2>
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
            <h2 className="font-semibold">Two-factor is on</h2>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              Since <Time value={state.enabledAt} />. {state.recoveryCodesLeft} of 10 recovery codes left.
              {state.recoveryCodesLeft <= 3 && " When they run low, turn two-factor off and on again for a new set."}
            </p>
            <div className="mt-4">
              {isAdmin ? (
                <p className="text-sm text-zinc-600 dark:text-zinc-400">Admins must keep two-factor on.</p>
              ) : (
                <DisableTwoFactor />
              )}
            </div>
          </Card>
        )}

        <p className="text-sm">
          <Link href="/account" className="text-brand-700 underline dark:text-brand-100">
            Back to your account
          </Link>
        </p>
      </div>
    </div>
  );
}
