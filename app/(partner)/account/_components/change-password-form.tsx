"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import { Form } from "@/components/ui/form";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/auth/schemas";
import { changePasswordAction } from "../actions";

const EMPTY = { currentPassword: "", newPassword: "", confirmPassword: "" };

export function ChangePasswordForm({ email }: { email: string }) {
  const router = useRouter();
  const t = useTranslations("account.changePassword");
  const fields = useTranslations("auth.fields");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(changePasswordSchema), defaultValues: EMPTY });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setDone(false);
    const result = await changePasswordAction(values);
    if (!result.ok) {
      if (!applyFieldErrors(setFieldError, result.fieldErrors, fieldsNamed<ChangePasswordInput>("currentPassword", "newPassword", "confirmPassword"))) setError(result.error);
      return;
    }
    reset(EMPTY);
    setDone(true);
    router.refresh();
  });

  return (
    <Form onSubmit={onSubmit} className="space-y-4" aria-label={t("formLabel")}>
      {error && <Alert tone="error">{error}</Alert>}
      {done && <Alert tone="success" focusOnMount>{t("done")}</Alert>}
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label={t("current")} type="password" autoComplete="current-password" error={errors.currentPassword?.message} {...register("currentPassword")} />
      <TextField
        label={t("new")}
        type="password"
        autoComplete="new-password"
        hint={fields("passphraseHint")}
        error={errors.newPassword?.message}
        {...register("newPassword")}
      />
      <TextField label={t("confirm")} type="password" autoComplete="new-password" error={errors.confirmPassword?.message} {...register("confirmPassword")} />
      <div className="flex justify-end">
        <Button type="submit" pending={isSubmitting}>
          {t("submit")}
        </Button>
      </div>
    </Form>
  );
}
