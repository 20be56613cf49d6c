"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { startTwoFactorEnrolmentAction } from "../actions";

/** Creates a fresh pending secret; the page then renders its QR code and setup key. */
export function StartEnrolment({ restart = false }: { restart?: boolean }) {
  const router = useRouter();
  const t = useTranslations("account.twoFactor");
  const stepUp = useStepUp();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const start = () =>
    startTransition(async () => {
      setError(null);
      const result = await stepUp.guard(() => startTwoFactorEnrolmentAction({}));
      if (!result.ok) setError(result.error);
      else router.refresh();
    });

  return (
    <div className="space-y-3">
      {restart && <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("restartHelp")}</p>}
      <Button variant={restart ? "secondary" : "primary"} pending={pending} onClick={start}>
        {restart ? t("restart") : t("start")}
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
      {stepUp.dialog}
    </div>
  );
}
