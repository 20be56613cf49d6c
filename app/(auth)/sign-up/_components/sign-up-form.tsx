"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import { signUpSchema, type SignUpInput } from "@/lib/auth/schemas";
import { signUpAction } from "../actions";

type Props = { callbackPath: string | null };

export function SignUpForm({ callbackPath }: Props) {
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
  } = useForm({ resolver: zodResolver(signUpSchema), defaultValues: { name: "", email: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await signUpAction(values);
    if (!result.ok) {
      if (!applyFieldErrors(setFieldError, result.fieldErrors, fieldsNamed<SignUpInput>("name", "email", "password"))) setError(result.error);
      return;
    }
    // The same answer for a taken address (its owner gets a mail instead): sign-up must
    // not tell a visitor who has an account, so nobody is signed in here.
    setSentTo(values.email);
  });

  // An invitation's link comes back to the invitation; anything else goes through onboarding.
  const signInHref = callbackPath?.startsWith("/invitations/")
    ? `/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`
    : callbackPath
      ? `/sign-in?callbackUrl=${encodeURIComponent(`/onboarding?callbackUrl=${encodeURIComponent(callbackPath)}`)}`
      : "/sign-in?callbackUrl=%2Fonboarding";
  if (sentTo) {
    return (
      <>
        <h1 ref={doneRef} tabIndex={-1} className="text-2xl font-semibold tracking-tight outline-none">
          {t("signUp.checkInbox")}
        </h1>
        <Card className="mt-6 space-y-3 p-6 text-sm">
          <p>{t.rich("signUp.sent", { email: sentTo, strong: (chunks) => <strong>{chunks}</strong> })}</p>
          <p className="text-zinc-600 dark:text-zinc-400">{t("signUp.nothingYet")}</p>
          <Link href={signInHref} className="inline-block font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
            {t("signUp.signIn")}
          </Link>
        </Card>
      </>
    );
  }
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t("signUp.title")}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {t("signUp.intro")}
      </p>
      <Card className="mt-6 p-6">
        <Form onSubmit={onSubmit} className="space-y-4">
          {error && <Alert tone="error">{error}</Alert>}
          <TextField label={t("fields.fullName")} autoComplete="name" autoFocus error={errors.name?.message} {...register("name")} />
          <TextField label={t("fields.workEmail")} type="email" autoComplete="email" hint={t("fields.workEmailHint")} error={errors.email?.message} {...register("email")} />
          <TextField
            label={t("fields.password")}
            type="password"
            autoComplete="new-password"
            hint={t("fields.passphraseHint")}
            error={errors.password?.message}
            {...register("password")}
          />
          <Button type="submit" className="w-full" pending={isSubmitting}>
            {t("signUp.submit")}
          </Button>
        </Form>
      </Card>
      <p className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">
        {t("signUp.haveAccount")}{" "}
        <Link
          href={callbackPath ? `/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}` : "/sign-in"}
          className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
        >
          {t("signUp.signIn")}
        </Link>
      </p>
    </>
  );
}
