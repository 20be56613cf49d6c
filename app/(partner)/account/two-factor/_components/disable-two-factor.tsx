"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { disableTwoFactorAction } from "../actions";

export function DisableTwoFactor() {
  const router = useRouter();
  const t = useTranslations("account.twoFactor");
  const stepUp = useStepUp();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      setError(null);
      const result = await stepUp.guard(() => disableTwoFactorAction({}));
      if (!result.ok) return setError(result.error);
      setOpen(false);
      router.refresh();
    });

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t("turnOff")}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("turnOffTitle")}
        description={t("turnOffDescription")}
        error={error}
        pending={pending}
        cancelLabel={t("keepOn")}
        confirmLabel={t("turnOffConfirm")}
        onConfirm={confirm}
      />
      {stepUp.dialog}
    </>
  );
}
