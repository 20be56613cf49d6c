"use client";

// "End the grace period now": offered prominently once the old key had no call in the
// last hour; still available while it is called, behind a confirmation that says how
// many calls would start failing. Either way it asks for a recent sign-in, like revoke.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { announce, focusNext } from "@/components/ui/focus";
import { endGracePeriodAction } from "../actions";

type Props = { keyId: string; oldKey: string; callsLastHour: number };

export function EndGraceButton({ keyId, oldKey, callsLastHour }: Props) {
  const t = useTranslations("insight.rotation");
  const router = useRouter();
  const stepUp = useStepUp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const quiet = callsLastHour === 0;

  const end = async () => {
    setBusy(true);
    setError(null);
    const result = await stepUp.guard(() => endGracePeriodAction({ keyId }));
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setOpen(false);
    router.refresh();
    // The rotation view goes away with the grace period: continue at the page's heading.
    focusNext("h1");
    announce(t("ended"));
  };

  return (
    <div className="space-y-3">
      {error && !open && <Alert tone="error">{error}</Alert>}
      {quiet ? (
        <Alert tone="success">
          <span className="block">{t("quiet")}</span>
          <Button className="mt-3" onClick={end} pending={busy}>
            {t("end")}
          </Button>
        </Alert>
      ) : (
        <div className="flex flex-wrap items-center gap-3">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("busy", { count: callsLastHour })}</p>
          <Button variant="secondary" onClick={() => setOpen(true)}>
            {t("endAnyway")}
          </Button>
        </div>
      )}
      <Dialog open={open} onClose={() => !busy && setOpen(false)} tone="danger" title={t("confirmTitle", { key: oldKey })} description={t("confirmBody", { count: callsLastHour })}>
        {error && <Alert tone="error">{error}</Alert>}
        <div className="mt-4 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
            {t("cancel")}
          </Button>
          <Button variant="danger" onClick={end} pending={busy}>
            {t("end")}
          </Button>
        </div>
      </Dialog>
      {stepUp.dialog}
    </div>
  );
}
