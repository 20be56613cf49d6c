"use client";

import { useTranslations } from "next-intl";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { revokeGatewayCredentialAction } from "@/lib/gateway/actions";

export function RevokeCredential({ id, name }: { id: string; name: string }) {
  const t = useTranslations("admin.gateway");
  return (
    <ConfirmAction
      label={t("revoke")}
      confirmLabel={t("revokeConfirm", { name })}
      tone="danger"
      consequence={<p>{t.rich("revokeConsequence", { name, strong: (chunks) => <strong>{chunks}</strong> })}</p>}
      run={() => revokeGatewayCredentialAction({ credentialId: id })}
      done={t("revokeDone")}
    />
  );
}
