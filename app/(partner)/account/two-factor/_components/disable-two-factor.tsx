"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
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
      <Dialog
        open={open}
        onClose={() => !pending && setOpen(false)}
        tone="danger"
        title="Turn off two-factor?"
        description="Your password alone will sign you in again, and your recovery codes stop working."
      >
        {error && (
          <div className="mb-4">
            <Alert tone="error">{error}</Alert>
          </div>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" disabled={pending} onClick={() => setOpen(false)}>
            Keep it on
          </Button>
          <Button variant="danger" pending={pending} onClick={confirm}>
            Turn off
          </Button>
        </div>
      </Dialog>
      {stepUp.dialog}
    </>
  );
}
