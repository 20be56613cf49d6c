"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState } from "react";
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
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
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
    const signedIn = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    const onboarding = callbackPath ? `/onboarding?callbackUrl=${encodeURIComponent(callbackPath)}` : "/onboarding";
    if (!signedIn || signedIn.error) {
      // Sign-up answers the same for a taken address; signing in is then up to the user.
      router.replace(`/sign-in?callbackUrl=${encodeURIComponent(onboarding)}`);
      return;
    }
    router.replace(onboarding);
    router.refresh();
  });

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Create your COPA developer account</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Next you&apos;ll register your organisation, then request a sandbox key for a COPA admin to review.
      </p>
      <Card className="mt-6 p-6">
        <Form onSubmit={onSubmit} className="space-y-4">
          {error && <Alert tone="error">{error}</Alert>}
          <TextField label="Full name" autoComplete="name" autoFocus error={errors.name?.message} {...register("name")} />
          <TextField label="Work e-mail" type="email" autoComplete="email" hint="COPA reviews requests against your organisation, so use your work address." error={errors.email?.message} {...register("email")} />
          <TextField
            label="Password"
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters, and not a common or breached password. A few unrelated words make a strong, memorable passphrase."
            error={errors.password?.message}
            {...register("password")}
          />
          <Button type="submit" className="w-full" pending={isSubmitting}>
            Create account
          </Button>
        </Form>
      </Card>
      <p className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">
        Already have an account?{" "}
        <Link
          href={callbackPath ? `/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}` : "/sign-in"}
          className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100"
        >
          Sign in
        </Link>
      </p>
    </>
  );
}
