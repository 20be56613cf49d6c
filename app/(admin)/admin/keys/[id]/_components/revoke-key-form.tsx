"use client";

// Revoking a partner's key breaks their integration at once, so the admin types the key's
// name (the same confirmation partners use) and gives a reason the partner will read.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import { adminRevokeKeySchema } from "@/lib/admin/schemas";
import { adminRevokeKeyAction } from "../actions";

type Input = z.input<typeof adminRevokeKeySchema>;
type Output = z.output<typeof adminRevokeKeySchema>;

export function RevokeKeyForm({ keyId, keyName, organizationName, isPending }: { keyId: string; keyName: string; organizationName: string; isPending: boolean }) {
  const router = useRouter();
  const t = useTranslations("admin.revokeKey");
  // Reveal, rotate, revoke and credentials need a recent sign-in (lib/auth/step-up).
  const stepUp = useStepUp();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(adminRevokeKeySchema), defaultValues: { keyId, confirmName: "", reason: "" } });
  const { register, handleSubmit, formState, control } = form;
  const typed = useWatch({ control, name: "confirmName" }) ?? "";

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await stepUp.guard(() => adminRevokeKeyAction(values));
    if (!result.ok) {
      setError(result.error);
      applyFieldErrors(form.setError, result.fieldErrors, fieldsNamed<Input>("confirmName", "reason"));
      return;
    }
    router.refresh();
  });

  if (!open) {
    return (
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {isPending ? t("introPending") : t("intro", { name: organizationName })}
        </p>
        <Button variant="danger" onClick={() => setOpen(true)}>
          {t("open")}
        </Button>
      </div>
    );
  }
  return (
    <>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <input type="hidden" {...register("keyId")} />
        <Alert tone="warning" title={t("warningTitle")}>
          {isPending ? t("warningPending") : t("warning", { name: organizationName })}
        </Alert>
        <TextField
          label={t.rich("typeName", { name: keyName, mono: (chunks) => <span className="font-mono">{chunks}</span> })}
          autoComplete="off"
          spellCheck={false}
          error={formState.errors.confirmName?.message}
          {...register("confirmName")}
        />
        <TextAreaField label={t("reason")} hint={t("reasonHint")} rows={3} error={formState.errors.reason?.message} {...register("reason")} />
        {error && <Alert tone="error">{error}</Alert>}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" variant="danger" pending={formState.isSubmitting} disabled={typed.trim() !== keyName}>
            {t("confirm")}
          </Button>
          <Button variant="ghost" disabled={formState.isSubmitting} onClick={() => setOpen(false)}>
            {t("cancel")}
          </Button>
        </div>
      </form>
      {stepUp.dialog}
    </>
  );
}
