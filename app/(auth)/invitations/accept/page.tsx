import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { describeInvitation } from "@/lib/organizations/invitations";
import { MEMBER_ROLES } from "@/lib/organizations/member-schemas";
import { AcceptInvitationForm } from "./_components/accept-invitation-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.meta");
  return { title: t("acceptInvitation"), referrer: "no-referrer" };
}

const LINK = "font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100";

/**
 * The invitation mail's link. Shows what the invitation is for; the signed-in invitee
 * accepts with a button (never on page load: mail scanners open links). Everyone else is
 * told to sign in, or sign up, with the invited address and comes back here.
 */
export default async function AcceptInvitationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token.trim() : "";
  const invitation = token ? await describeInvitation(token) : null;
  const t = await getTranslations("auth.invitation");
  if (!invitation) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <div className="mt-6">
          <Alert tone="error">{(await getTranslations("auth.errors"))("invitationUnusable")}</Alert>
        </div>
      </>
    );
  }
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  const user = await getCurrentUser();
  const isInvitee = user && user.email.toLowerCase() === invitation.email;
  // describeInvitation names the role in English (also for the mail); the page says it in the reader's language.
  const roleId = MEMBER_ROLES.find((r) => r.id === invitation.role || r.label === invitation.role)?.id;
  const role = roleId ? t(`roles.${roleId}`) : invitation.role;
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t("join", { organization: invitation.organizationName })}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {t.rich("invitedAs", { role, strong })}
      </p>
      <Card className="mt-6 space-y-4 p-6 text-sm">
        {!user ? (
          <>
            <p>{t.rich("forAddress", { email: invitation.email, strong })}</p>
            <div className="flex flex-wrap gap-4">
              <Link className={LINK} href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>
                {t("signIn")}
              </Link>
              <Link className={LINK} href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`}>
                {t("createAccount")}
              </Link>
            </div>
          </>
        ) : !isInvitee ? (
          <Alert tone="error">{t("otherAddress")}</Alert>
        ) : (
          <AcceptInvitationForm token={token} organizationName={invitation.organizationName} />
        )}
      </Card>
    </>
  );
}
