"use client";

// The account controls on a user's page. Each asks for confirmation and says when it
// takes effect (the user's next request). Self-lockout is refused by the server; the
// buttons are disabled here too so the refusal never comes as a surprise.
import { ConfirmAction } from "@/components/admin/confirm-action";
import { useStepUp } from "@/components/auth/step-up";
import { revokeUserSessionsAction, setUserDisabledAction, setUserRoleAction } from "../actions";

export function UserActions({ user, isSelf, isLastAdmin }: { user: { id: string; email: string; role: string; disabled: boolean }; isSelf: boolean; isLastAdmin: boolean }) {
  const isAdmin = user.role === "admin";
  // A role change needs a recent sign-in (lib/auth/step-up): the dialog asks, then retries.
  const stepUp = useStepUp();
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <div>
        <h3 className="mb-1 text-sm font-semibold">Sessions</h3>
        <p className="mb-3 text-xs text-zinc-600 dark:text-zinc-400">End every signed-in session, e.g. after a lost laptop.</p>
        <ConfirmAction
          label="Sign out everywhere…"
          confirmLabel="Sign out everywhere"
          tone="danger"
          consequence={isSelf ? "You will be signed out of every browser, including this one, on your next click." : `${user.email} is signed out of every browser on their next request. They can sign in again.`}
          run={() => revokeUserSessionsAction({ userId: user.id })}
          done="Signed out everywhere."
        />
      </div>
      <div>
        <h3 className="mb-1 text-sm font-semibold">Account</h3>
        <p className="mb-3 text-xs text-zinc-600 dark:text-zinc-400">{user.disabled ? "Disabled: cannot sign in." : "A disabled user cannot sign in at all."}</p>
        {user.disabled ? (
          <ConfirmAction
            label="Enable account…"
            confirmLabel="Enable"
            consequence={`${user.email} can sign in again with their password.`}
            run={() => setUserDisabledAction({ userId: user.id, disabled: false })}
            done="Enabled."
          />
        ) : (
          <ConfirmAction
            label="Disable account…"
            confirmLabel="Disable account"
            tone="danger"
            consequence={`${user.email} loses access on their next request and cannot sign in until enabled again. Their organisation's keys keep working.`}
            run={() => setUserDisabledAction({ userId: user.id, disabled: true })}
            done="Disabled. They lose access on their next request."
            disabled={isSelf}
            disabledReason={isSelf ? "You cannot disable your own account." : undefined}
          />
        )}
      </div>
      <div>
        <h3 className="mb-1 text-sm font-semibold">Admin role</h3>
        <p className="mb-3 text-xs text-zinc-600 dark:text-zinc-400">{isAdmin ? "Can review requests and govern every organisation." : "Admins review requests and govern every organisation."}</p>
        {isAdmin ? (
          <ConfirmAction
            label="Remove admin role…"
            confirmLabel="Remove admin role"
            tone="danger"
            consequence={`${user.email} loses the admin console on their next request and becomes a partner user.`}
            run={() => stepUp.guard(() => setUserRoleAction({ userId: user.id, role: "partner" }))}
            done="No longer an admin."
            disabled={isSelf || isLastAdmin}
            disabledReason={isSelf ? "You cannot remove your own admin role; ask another admin." : isLastAdmin ? "COPA needs at least one active admin." : undefined}
          />
        ) : (
          <ConfirmAction
            label="Make admin…"
            confirmLabel="Make admin"
            consequence={`${user.email} gets the full admin console: every organisation, key and request. They are signed out once and sign in again as an admin.`}
            run={() => stepUp.guard(() => setUserRoleAction({ userId: user.id, role: "admin" }))}
            done="Now an admin."
          />
        )}
      </div>
      {stepUp.dialog}
    </div>
  );
}
