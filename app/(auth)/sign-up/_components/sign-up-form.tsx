"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
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
          Check your inbox
        </h1>
        <Card className="mt-6 space-y-3 p-6 text-sm">
          <p>
            We sent a mail to <strong>{sentTo}</strong>. Follow its link to confirm your address (it works for 24 hours), then sign in to register your organisation.
          </p>
          <p className="text-zinc-600 dark:text-zinc-400">Nothing after a few minutes? Check your spam folder. You can also sign in and ask for a new link.</p>
          <Link href={signInHref} className="inline-block font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
            Sign in
          </Link>
        </Card>
      </>
    );
  }
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
