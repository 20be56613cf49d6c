"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { disableTwoFactorAction } from "../actions";

export function DisableTwoFactor() {
  const router = useRouter();
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
        Turn off two-factor
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title="Turn off two-factor?"
        description="Your password alone will sign you in again, and your recovery codes stop working."
        error={error}
        pending={pending}
        cancelLabel="Keep it on"
        confirmLabel="Turn off"
        onConfirm={confirm}
      />
      {stepUp.dialog}
    </>
  );
}
