"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import { Form } from "@/components/ui/form";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/auth/schemas";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const t = useTranslations("auth");
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(resetPasswordSchema), defaultValues: { token, newPassword: "", confirmPassword: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await resetPasswordAction(values);
    if (!result.ok) {
      if (!applyFieldErrors(setFieldError, result.fieldErrors, fieldsNamed<ResetPasswordInput>("newPassword", "confirmPassword"))) setError(result.error);
      return;
    }
    router.replace("/sign-in?reset=1");
  });

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t("resetPassword.title")}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("resetPassword.intro")}</p>
      <Card className="mt-6 p-6">
        <Form onSubmit={onSubmit} aria-label={t("resetPassword.title")} className="space-y-4">
          {error && <Alert tone="error">{error}</Alert>}
          <TextField
            label={t("fields.newPassword")}
            type="password"
            autoComplete="new-password"
            autoFocus
            hint={t("fields.newPasswordHint")}
            error={errors.newPassword?.message}
            {...register("newPassword")}
          />
          <TextField label={t("fields.newPasswordAgain")} type="password" autoComplete="new-password" error={errors.confirmPassword?.message} {...register("confirmPassword")} />
          <Button type="submit" className="w-full" pending={isSubmitting}>
            {t("resetPassword.submit")}
          </Button>
        </Form>
      </Card>
    </>
  );
}
