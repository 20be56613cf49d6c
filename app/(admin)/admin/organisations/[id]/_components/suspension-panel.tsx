"use client";

// Suspend (with a required reason) or reactivate an organisation. Suspension takes
// effect on the API's very next call with any of its keys, so the form states exactly
// what will stop working before the admin confirms.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { ConfirmAction } from "@/components/admin/confirm-action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import { suspendOrganizationSchema } from "@/lib/admin/schemas";
import { reactivateOrganizationAction, suspendOrganizationAction } from "../actions";

type Input = z.input<typeof suspendOrganizationSchema>;
type Output = z.output<typeof suspendOrganizationSchema>;

export function SuspensionPanel({ organizationId, organizationName, suspended, activeKeys }: { organizationId: string; organizationName: string; suspended: boolean; activeKeys: number }) {
  const t = useTranslations("admin.suspension");
  if (suspended) {
    return (
      <ConfirmAction
        label={t("reactivateLabel")}
        confirmLabel={t("reactivateConfirm")}
        consequence={t("reactivateConsequence", { name: organizationName, count: activeKeys })}
        run={() => reactivateOrganizationAction({ organizationId })}
        done={t("reactivateDone")}
      />
    );
  }
  return <SuspendForm organizationId={organizationId} organizationName={organizationName} activeKeys={activeKeys} />;
}

function SuspendForm({ organizationId, organizationName, activeKeys }: { organizationId: string; organizationName: string; activeKeys: number }) {
  const router = useRouter();
  const t = useTranslations("admin.suspension");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(suspendOrganizationSchema), defaultValues: { organizationId, reason: "" } });
  const { register, handleSubmit, formState } = form;

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await suspendOrganizationAction(values);
    if (!result.ok) {
      setError(result.error);
      applyFieldErrors(form.setError, result.fieldErrors, fieldsNamed<Input>("reason"));
      return;
    }
    setOpen(false);
    router.refresh();
  });

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {t("suspendLabel")}
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" {...register("organizationId")} />
      <Alert tone="warning" title={t("suspendTitle", { name: organizationName })}>
        {t("suspendConsequence", { count: activeKeys })}
      </Alert>
      <TextAreaField label={t("reason")} hint={t("reasonHint")} rows={3} error={formState.errors.reason?.message} {...register("reason")} />
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" pending={formState.isSubmitting}>
          {t("suspendConfirm")}
        </Button>
        <Button variant="ghost" disabled={formState.isSubmitting} onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
