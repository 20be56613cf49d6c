"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import { MEMBER_ROLES, inviteMemberSchema, type InviteMemberInput } from "@/lib/organizations/member-schemas";
import { inviteMemberAction } from "../actions";

export function InviteMemberForm() {
  const router = useRouter();
  const t = useTranslations("team");
  const [error, setError] = useState<string | null>(null);
  const [invited, setInvited] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<InviteMemberInput>({ resolver: zodResolver(inviteMemberSchema), defaultValues: { email: "", role: "developer" } });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setInvited(null);
    const result = await inviteMemberAction(values);
    if (!result.ok) {
      if (!applyFieldErrors(setFieldError, result.fieldErrors, fieldsNamed<InviteMemberInput>("email", "role"))) setError(result.error);
      return;
    }
    setInvited(values.email);
    reset();
    router.refresh();
  });

  return (
    <Form onSubmit={onSubmit} aria-label={t("invite.formLabel")} className="space-y-4">
      {error && (
        <Alert tone="error" focusOnMount>
          {error}
        </Alert>
      )}
      {invited && (
        // Keyed by the address, so a second invitation is a new result that takes focus again.
        <Alert key={invited} tone="success" focusOnMount>
          {t("invite.sent", { email: invited })}
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem]">
        <TextField label={t("invite.email")} type="email" autoComplete="off" placeholder={t("invite.emailPlaceholder")} error={errors.email?.message} {...register("email")} />
        <SelectField label={t("invite.role")} error={errors.role?.message} {...register("role")}>
          {MEMBER_ROLES.map((r) => (
            <option key={r.id} value={r.id}>
              {t(`roles.${r.id}.label`)}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-xs text-zinc-600 dark:text-zinc-400">{t("invite.note")}</p>
        <Button type="submit" pending={isSubmitting}>
          {t("invite.submit")}
        </Button>
      </div>
    </Form>
  );
}
