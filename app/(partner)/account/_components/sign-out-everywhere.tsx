"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { signOutEverywhereAction } from "../actions";

export function SignOutEverywhere() {
  const t = useTranslations("account.signOutEverywhere");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      setError(null);
      const result = await signOutEverywhereAction({});
      if (!result.ok) {
        setError(result.error);
        return;
      }
      // This browser's token is already void; clear its cookie too.
      await signOut({ callbackUrl: "/sign-in?signedOut=1" });
    });

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t("button")}
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("title")}
        description={t("description")}
        error={error}
        pending={pending}
        cancelLabel={t("cancel")}
        confirmLabel={t("confirm")}
        onConfirm={confirm}
      />
    </>
  );
}
