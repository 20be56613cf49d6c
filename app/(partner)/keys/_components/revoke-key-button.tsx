"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { announce, focusNext } from "@/components/ui/focus";
import { TextField } from "@/components/ui/field";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import { revokeKeySchema, type RevokeKeyInput } from "@/lib/keys/schemas";
import { revokeKeyAction } from "../actions";

type Props = { keyId: string; keyName: string; mask: string | null; inGrace?: boolean };

/**
 * Revocation is immediate and final, so it is confirmed by typing the key's name (the
 * GitHub pattern): a mis-click cannot break a partner's production integration.
 */
export function RevokeKeyButton({ keyId, keyName, mask, inGrace }: Props) {
  const t = useTranslations("keys.revoke");
  const router = useRouter();
  // Reveal, rotate, revoke and credentials need a recent sign-in (lib/auth/step-up).
  const stepUp = useStepUp();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    watch,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<RevokeKeyInput>({ resolver: zodResolver(revokeKeySchema), defaultValues: { keyId, confirmName: "", reason: "" } });
  const matches = (watch("confirmName") ?? "").trim() === keyName;

  const close = () => {
    setOpen(false);
    setError(null);
    reset();
  };

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await stepUp.guard(() => revokeKeyAction(values));
    if (!result.ok) {
      if (!applyFieldErrors(setFieldError, result.fieldErrors, fieldsNamed<RevokeKeyInput>("confirmName", "reason"))) setError(result.error);
      return;
    }
    close();
    router.refresh();
    // The Revoke button goes away: continue at the key's link (the list) or the heading.
    focusNext(`a[href="/keys/${keyId}"]`);
    announce(t("done", { name: keyName }));
  });

  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t("button")}
      </Button>
      <Dialog
        open={open}
        onClose={() => !isSubmitting && close()}
        tone="danger"
        title={t("title", { name: keyName })}
        description={t.rich(inGrace ? "descriptionGrace" : "description", {
          mask: () => (mask ? <span className="font-mono">{mask}</span> : t("thisKey")),
        })}
      >
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {error && <Alert tone="error">{error}</Alert>}
          <input type="hidden" {...register("keyId")} />
          <TextField
            label={t.rich("confirmLabel", { name: () => <span className="select-all font-mono">{keyName}</span> })}
            autoComplete="off"
            spellCheck={false}
            error={errors.confirmName?.message}
            {...register("confirmName")}
          />
          <TextField
            label={t("reason")}
            placeholder={t("reasonPlaceholder")}
            hint={t("reasonHint")}
            autoComplete="off"
            error={errors.reason?.message}
            {...register("reason")}
          />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={close} disabled={isSubmitting}>
              {t("cancel")}
            </Button>
            <Button type="submit" variant="danger" disabled={!matches} pending={isSubmitting}>
              {t("submit")}
            </Button>
          </div>
        </form>
      </Dialog>
      {stepUp.dialog}
    </>
  );
}
