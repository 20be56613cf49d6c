"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { signInSchema } from "@/lib/auth/schemas";
import { parseThrottledCode, retryMinutes } from "@/lib/auth/throttle-policy";
import { TWO_FACTOR_REQUIRED } from "@/lib/auth/two-factor/schemas";
import { TwoFactorStep } from "./two-factor-step";

type Props = { callbackPath: string; notice?: string | null };

export function SignInForm({ callbackPath, notice }: Props) {
  const router = useRouter();
  const t = useTranslations("auth");
  const [error, setError] = useState<string | null>(null);
  // Two-factor: the password was right and the server wants a code (./two-factor-step).
  const [secondStep, setSecondStep] = useState<{ email: string; password: string } | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    const result = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    const retryAfter = parseThrottledCode(result?.error);
    if (retryAfter !== null) {
      // The same for every address, known or not: the throttle keys on what was typed.
      setError(t("errors.throttled", { minutes: retryMinutes(retryAfter) }));
      return;
    }
    if (result?.error === TWO_FACTOR_REQUIRED) return setSecondStep({ email: values.email, password: values.password });
    if (!result || result.error) {
      // One message for an unknown e-mail and a wrong password: which one it was is
      // exactly what an attacker enumerating accounts wants to learn.
      setError(result?.status === 401 || result?.error === "CredentialsSignin" ? t("signIn.wrongCredentials") : t("signIn.failed"));
      return;
    }
    router.replace(callbackPath);
    router.refresh();
  });

  const signUpHref = callbackPath === "/dashboard" ? "/sign-up" : `/sign-up?callbackUrl=${encodeURIComponent(callbackPath)}`;

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">{t("signIn.title")}</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("signIn.intro")}</p>
      <Card className="mt-6 p-6">
        {secondStep ? (
          <TwoFactorStep
            email={secondStep.email}
            password={secondStep.password}
            onSignedIn={() => {
              router.replace(callbackPath);
              router.refresh();
            }}
            onStartOver={(message) => {
              setSecondStep(null);
              setError(message ?? null);
            }}
          />
        ) : (
          <Form onSubmit={onSubmit} className="space-y-4">
            {notice && !error && <Alert tone="info">{notice}</Alert>}
            {error && <Alert tone="error">{error}</Alert>}
            <TextField label={t("fields.email")} type="email" autoComplete="email" autoFocus error={errors.email?.message} {...register("email")} />
            <TextField label={t("fields.password")} type="password" autoComplete="current-password" error={errors.password?.message} {...register("password")} />
            <p className="-mt-2 text-right text-sm">
              <Link href="/forgot-password" className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                {t("signIn.forgot")}
              </Link>
            </p>
            <Button type="submit" className="w-full" pending={isSubmitting}>
              {t("signIn.submit")}
            </Button>
          </Form>
        )}
      </Card>
      <p className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">
        {t("signIn.newHere")}{" "}
        <Link href={signUpHref} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
          {t("signIn.createAccount")}
        </Link>
      </p>
    </>
  );
}
