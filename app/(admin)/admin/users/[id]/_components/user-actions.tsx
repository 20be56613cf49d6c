"use client";

// The account controls on a user's page. Each asks for confirmation and says when it
// takes effect (the user's next request). Self-lockout is refused by the server; the
// buttons are disabled here too so the refusal never comes as a surprise.
import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { useStepUp } from "@/components/auth/step-up";
import { revokeUserSessionsAction, setUserDisabledAction, setUserRoleAction } from "../actions";

export function UserActions({ user, isSelf, isLastAdmin }: { user: { id: string; email: string; role: string; disabled: boolean }; isSelf: boolean; isLastAdmin: boolean }) {
  const t = useTranslations("admin.userActions");
  const isAdmin = user.role === "admin";
  // A role change needs a recent sign-in (lib/auth/step-up): the dialog asks, then retries.
  const stepUp = useStepUp();
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <div>
        <h3 className="mb-1 text-sm font-semibold">{t("sessions")}</h3>
        <p className="mb-3 text-xs text-zinc-600 dark:text-zinc-400">{t("sessionsIntro")}</p>
        <ConfirmAction
          label={t("signOutLabel")}
          confirmLabel={t("signOutConfirm")}
          tone="danger"
          consequence={isSelf ? t("signOutSelf") : t("signOutConsequence", { email: user.email })}
          run={() => revokeUserSessionsAction({ userId: user.id })}
          done={t("signOutDone")}
        />
      </div>
      <div>
        <h3 className="mb-1 text-sm font-semibold">{t("account")}</h3>
        <p className="mb-3 text-xs text-zinc-600 dark:text-zinc-400">{user.disabled ? t("disabledIntro") : t("enabledIntro")}</p>
        {user.disabled ? (
          <ConfirmAction
            label={t("enableLabel")}
            confirmLabel={t("enableConfirm")}
            consequence={t("enableConsequence", { email: user.email })}
            run={() => setUserDisabledAction({ userId: user.id, disabled: false })}
            done={t("enableDone")}
          />
        ) : (
          <ConfirmAction
            label={t("disableLabel")}
            confirmLabel={t("disableConfirm")}
            tone="danger"
            consequence={t("disableConsequence", { email: user.email })}
            run={() => setUserDisabledAction({ userId: user.id, disabled: true })}
            done={t("disableDone")}
            disabled={isSelf}
            disabledReason={isSelf ? t("disableSelf") : undefined}
          />
        )}
      </div>
      <div>
        <h3 className="mb-1 text-sm font-semibold">{t("adminRole")}</h3>
        <p className="mb-3 text-xs text-zinc-600 dark:text-zinc-400">{isAdmin ? t("adminIntro") : t("partnerIntro")}</p>
        {isAdmin ? (
          <ConfirmAction
            label={t("demoteLabel")}
            confirmLabel={t("demoteConfirm")}
            tone="danger"
            consequence={t("demoteConsequence", { email: user.email })}
            run={() => stepUp.guard(() => setUserRoleAction({ userId: user.id, role: "partner" }))}
            done={t("demoteDone")}
            disabled={isSelf || isLastAdmin}
            disabledReason={isSelf ? t("demoteSelf") : isLastAdmin ? t("lastAdmin") : undefined}
          />
        ) : (
          <ConfirmAction
            label={t("promoteLabel")}
            confirmLabel={t("promoteConfirm")}
            consequence={t("promoteConsequence", { email: user.email })}
            run={() => stepUp.guard(() => setUserRoleAction({ userId: user.id, role: "admin" }))}
            done={t("promoteDone")}
          />
        )}
      </div>
      {stepUp.dialog}
    </div>
  );
}
