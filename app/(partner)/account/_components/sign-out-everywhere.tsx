"use client";

import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
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
      <Dialog
        open={open}
        onClose={() => !pending && setOpen(false)}
        tone="danger"
        title="Sign out on every device?"
        description="Every session of your account ends, this one included: on other computers and phones the next click leads to the sign-in page. Your API keys are not affected."
      >
        {error && (
          <div className="mb-4">
            <Alert tone="error">{error}</Alert>
          </div>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirm} pending={pending}>
            Sign out everywhere
          </Button>
        </div>
      </Dialog>
    </>
  );
}
