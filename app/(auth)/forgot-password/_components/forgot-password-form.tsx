"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import { Form } from "@/components/ui/form";
import { forgotPasswordSchema, type ForgotPasswordInput } from "@/lib/auth/schemas";
import { requestPasswordResetAction } from "../actions";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  const [error, setError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (sentTo) doneRef.current?.focus();
  }, [sentTo]);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(forgotPasswordSchema), defaultValues: { email: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await requestPasswordResetAction(values);
    if (!result.ok) {
      if (!applyFieldErrors(setFieldError, result.fieldErrors, fieldsNamed<ForgotPasswordInput>("email"))) setError(result.error);
      return;
    }
    setSentTo(values.email);
  });

  if (sentTo) {
    return (
      <>
        <h1 ref={doneRef} tabIndex={-1} className="text-2xl font-semibold tracking-tight outline-none">
          {t("forgotPassword.checkInbox")}
        </h1>
        <Card className="mt-6 space-y-3 p-6 text-sm">
          {/* The same words whether or not the address has an account. */}
          <p>{t.rich("forgotPassword.sent", { email: sentTo, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <p className="text-zinc-600 dark:text-zinc-400">{t("forgotPassword.nothingYet")}</p>
          <Link href="/sign-in" className="inline-block font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
            {t("forgotPassword.back")}
          </Link>
        </Card>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t("forgotPassword.title")}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("forgotPassword.intro")}</p>
      <Card className="mt-6 p-6">
        <Form onSubmit={onSubmit} aria-label={t("forgotPassword.formLabel")} className="space-y-4">
          {error && <Alert tone="error">{error}</Alert>}
          <TextField label={t("fields.email")} type="email" autoComplete="email" autoFocus error={errors.email?.message} {...register("email")} />
          <Button type="submit" className="w-full" pending={isSubmitting}>
            {t("forgotPassword.submit")}
          </Button>
        </Form>
      </Card>
      <p className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">
        {t("forgotPassword.remembered")}{" "}
        <Link href="/sign-in" className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
          {t("forgotPassword.signIn")}
        </Link>
      </p>
    </>
  );
}
