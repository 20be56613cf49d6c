"use client";

// Suspend (with a required reason) or reactivate an organisation. Suspension takes
// effect on the API's very next call with any of its keys, so the form states exactly
// what will stop working before the admin confirms.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
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
  if (suspended) {
    return (
      <ConfirmAction
        label="Reactivate organisation…"
        confirmLabel="Reactivate"
        consequence={
          <>
            {organizationName}&apos;s {activeKeys === 1 ? "active key works" : `${activeKeys} active keys work`} again from the next request, and its members can submit requests again.
          </>
        }
        run={() => reactivateOrganizationAction({ organizationId })}
        done="Reactivated. Its keys are accepted again."
      />
    );
  }
  return <SuspendForm organizationId={organizationId} organizationName={organizationName} activeKeys={activeKeys} />;
}

function SuspendForm({ organizationId, organizationName, activeKeys }: { organizationId: string; organizationName: string; activeKeys: number }) {
  const router = useRouter();
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
        Suspend organisation…
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" {...register("organizationId")} />
      <Alert tone="warning" title={`Suspend ${organizationName}?`}>
        {activeKeys === 0 ? "It has no active keys." : `Its ${activeKeys === 1 ? "active key is" : `${activeKeys} active keys are`} refused by the API from the next request.`} Its members can still sign in but cannot request new keys. Nothing is deleted; you can reactivate it later.
      </Alert>
      <TextAreaField label="Reason" hint="At least 10 characters. At least 10 characters. Kept with the organisation and in the audit trail for other admins." rows={3} error={formState.errors.reason?.message} {...register("reason")} />
      {error && <Alert tone="error">{error}</Alert>}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" pending={formState.isSubmitting}>
          Suspend
        </Button>
        <Button variant="ghost" disabled={formState.isSubmitting} onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
