"use client";

// Marks an organisation as run by COPA, or clears the mark. Only COPA-run organisations
// may hold system keys (lib/keys/policy.ts), so the confirmation says exactly that.
import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { setCopaRunAction } from "../actions";

export function CopaRunPanel({ organizationId, organizationName, copaRun }: { organizationId: string; organizationName: string; copaRun: boolean }) {
  const t = useTranslations("admin.copaRun");
  return copaRun ? (
    <ConfirmAction
      label={t("clearLabel")}
      confirmLabel={t("clearConfirm")}
      tone="danger"
      consequence={t("clearConsequence", { name: organizationName })}
      run={() => setCopaRunAction({ organizationId, copaRun: false })}
      done={t("clearDone")}
    />
  ) : (
    <ConfirmAction
      label={t("markLabel")}
      confirmLabel={t("markConfirm")}
      consequence={t("markConsequence", { name: organizationName })}
      run={() => setCopaRunAction({ organizationId, copaRun: true })}
      done={t("markDone")}
    />
  );
}
