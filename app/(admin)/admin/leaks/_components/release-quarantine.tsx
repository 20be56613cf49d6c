"use client";

import { useTranslations } from "next-intl";
import { useStepUp } from "@/components/auth/step-up";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { releaseQuarantineAction } from "@/lib/leaks/actions";

/** Gives a quarantined key its withdrawn scopes back, after asking (and a recent sign-in). */
export function ReleaseQuarantine({ reportId, keyName, scopes }: { reportId: string; keyName: string; scopes: string }) {
  const t = useTranslations("leaks.list");
  const stepUp = useStepUp();
  return (
    <>
      <ConfirmAction
        label={t("release")}
        confirmLabel={t("release")}
        consequence={<p>{t("releaseConfirm", { scopes, key: keyName })}</p>}
        run={() => stepUp.guard(() => releaseQuarantineAction({ reportId }))}
        done={t("releasedDone")}
      />
      {stepUp.dialog}
    </>
  );
}
