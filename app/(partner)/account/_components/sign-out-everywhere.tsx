"use client";

import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { signOutEverywhereAction } from "../actions";

export function SignOutEverywhere() {
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
        Sign out everywhere
      </Button>
      <ConfirmDialog
        open={open}
        onClose={() => setOpen(false)}
        title="Sign out on every device?"
        description="Every session of your account ends, this one included: on other computers and phones the next click leads to the sign-in page. Your API keys are not affected."
        error={error}
        pending={pending}
        cancelLabel="Cancel"
        confirmLabel="Sign out everywhere"
        onConfirm={confirm}
      />
    </>
  );
}
