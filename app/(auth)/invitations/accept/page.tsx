import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { describeInvitation } from "@/lib/organizations/invitations";
import { AcceptInvitationForm } from "./_components/accept-invitation-form";

export const metadata: Metadata = { title: "Accept an invitation", referrer: "no-referrer" };

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
  if (!invitation) {
    return (
      <>
        <h1 className="text-2xl font-semibold tracking-tight">Accept an invitation</h1>
        <div className="mt-6">
          <Alert tone="error">This invitation has expired, was revoked or was already used. Ask the organisation&apos;s owner to invite you again.</Alert>
        </div>
      </>
    );
  }
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  const user = await getCurrentUser();
  const isInvitee = user && user.email.toLowerCase() === invitation.email;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Join {invitation.organizationName}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        You are invited as <strong>{invitation.role}</strong>. Nobody joins without accepting.
      </p>
      <Card className="mt-6 space-y-4 p-6 text-sm">
        {!user ? (
          <>
            <p>
              This invitation is for <strong>{invitation.email}</strong>. Sign in with that address to accept it, or create an account with it first.
            </p>
            <div className="flex flex-wrap gap-4">
              <Link className={LINK} href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`}>
                Sign in
              </Link>
              <Link className={LINK} href={`/sign-up?callbackUrl=${encodeURIComponent(here)}`}>
                Create an account
              </Link>
            </div>
          </>
        ) : !isInvitee ? (
          <Alert tone="error">This invitation was sent to another address. Sign out, then sign in with the account of that address to accept it.</Alert>
        ) : (
          <AcceptInvitationForm token={token} organizationName={invitation.organizationName} />
        )}
      </Card>
    </>
  );
}
