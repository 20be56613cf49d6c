"use client";

// "Confirm it is you": when a sensitive action answers step_up_required (lib/auth/step-up),
// this dialog asks for the password or a code, and the action is tried again once. The
// server decides; the dialog only asks. Usage:
//   const stepUp = useStepUp();
//   const result = await stepUp.guard(() => revealKeyAction({ keyId }));
//   ... render {stepUp.dialog}
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import type { ActionResult } from "@/lib/auth/actions";
import { stepUpAction } from "@/lib/auth/step-up-actions";

export function useStepUp(): { guard: <T>(run: () => Promise<ActionResult<T>>) => Promise<ActionResult<T>>; dialog: ReactNode } {
  const [open, setOpen] = useState(false);
  const settle = useRef<((confirmed: boolean) => void) | null>(null);

  async function guard<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
    const first = await run();
    if (first.ok || first.code !== "step_up_required") return first;
    const confirmed = await new Promise<boolean>((resolve) => {
      settle.current = resolve;
      setOpen(true);
    });
    // Cancelled: the original answer explains why nothing happened.
    return confirmed ? run() : first;
  }

  const finish = (confirmed: boolean) => {
    setOpen(false);
    settle.current?.(confirmed);
    settle.current = null;
  };

  return { guard, dialog: <StepUpDialog open={open} onDone={finish} /> };
}

function StepUpDialog({ open, onDone }: { open: boolean; onDone: (confirmed: boolean) => void }) {
  // The shared ui namespace: this dialog opens on keys, team and admin pages alike, and
  // every page sends ui to the browser.
  const t = useTranslations("ui.stepUp");
  const [method, setMethod] = useState<"password" | "code">("password");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  // Focus the field once the dialog is shown (Dialog's own effect opens it first; React's
  // autoFocus would fire while the dialog is still closed and the browser would then
  // focus the close button instead).
  useEffect(() => {
    if (open) field.current?.focus();
  }, [open, method]);

  const reset = () => {
    setValue("");
    setError(null);
    setPending(false);
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!value.trim()) {
      setError(method === "password" ? t("enterPassword") : t("enterCode"));
      return;
    }
    setPending(true);
    setError(null);
    const result = await stepUpAction(method === "password" ? { password: value } : { code: value });
    setPending(false);
    if (result.ok) {
      reset();
      onDone(true);
    } else {
      setError(result.fieldErrors?.password ?? result.fieldErrors?.code ?? result.error);
    }
  };

  return (
    <Dialog
      open={open}
      onClose={() => {
        reset();
        onDone(false);
      }}
      dismissible={!pending}
      title={t("title")}
      description={t("description")}
    >
      <Form onSubmit={submit} className="space-y-4">
        {error && <Alert tone="error">{error}</Alert>}
        {method === "password" ? (
          <TextField key="password" ref={field} label={t("password")} type="password" name="password" autoComplete="current-password" value={value} onChange={(e) => setValue(e.target.value)} />
        ) : (
          <TextField
            key="code"
            ref={field}
            label={t("code")}
            name="code"
            autoComplete="one-time-code"
            inputMode="text"
            hint={t("codeHint")}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-between">
          <Button
            type="button"
            variant="ghost"
            disabled={pending}
            onClick={() => {
              setMethod(method === "password" ? "code" : "password");
              reset();
            }}
          >
            {method === "password" ? t("useCode") : t("usePassword")}
          </Button>
          <Button type="submit" pending={pending}>
            {t("confirm")}
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}
