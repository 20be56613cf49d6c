"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { SecretPanel } from "@/components/keys/secret-panel";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { focusNext } from "@/components/ui/focus";
import { revealKeyAction } from "../actions";

type Props = { keyId: string; keyName: string; size?: "sm" | "md" };

/**
 * Reveal is one-shot: the secret is minted by this click and can never be shown again,
 * so the user first confirms they are ready to store it.
 */
export function RevealKeyButton({ keyId, keyName, size = "md" }: Props) {
  const t = useTranslations("keys.reveal");
  const router = useRouter();
  // Reveal, rotate, revoke and credentials need a recent sign-in (lib/auth/step-up).
  const stepUp = useStepUp();
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<{ secret: string; mask: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const reveal = () =>
    startTransition(async () => {
      setError(null);
      const result = await stepUp.guard(() => revealKeyAction({ keyId }));
      if (!result.ok) setError(result.error);
      else setRevealed({ secret: result.data.secret, mask: result.data.mask });
    });

  const close = () => {
    const wasRevealed = Boolean(revealed);
    // Forget the secret first; only then fetch the page again, which shows the mask.
    setRevealed(null);
    setOpen(false);
    setError(null);
    router.refresh();
    // The Reveal button goes away with the refresh: continue at the key's link (the list) or the heading.
    if (wasRevealed) focusNext(`a[href="/keys/${keyId}"]`);
  };

  return (
    <>
      <Button size={size} onClick={() => setOpen(true)}>
        {t("button")}
      </Button>
      <Dialog
        open={open}
        onClose={close}
        dismissible={!revealed && !pending}
        wide={Boolean(revealed)}
        title={revealed ? t("titleDone", { name: keyName }) : t("title", { name: keyName })}
        description={revealed ? undefined : t("description")}
      >
        {revealed ? (
          <SecretPanel secret={revealed.secret} mask={revealed.mask} onDone={close} />
        ) : (
          <div className="space-y-4">
            {error && <Alert tone="error">{error}</Alert>}
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={close} disabled={pending}>
                {t("notNow")}
              </Button>
              <Button onClick={reveal} pending={pending} disabled={Boolean(error)}>
                {t("confirm")}
              </Button>
            </div>
          </div>
        )}
      </Dialog>
      {stepUp.dialog}
    </>
  );
}
