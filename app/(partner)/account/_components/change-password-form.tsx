"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
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
    <Form onSubmit={onSubmit} className="space-y-4" aria-label="Change password">
      {error && <Alert tone="error">{error}</Alert>}
      {done && <Alert tone="success" focusOnMount>Password changed. Every other session of your account has ended; you stay signed in here.</Alert>}
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword?.message} {...register("currentPassword")} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters, and not a common or breached password. A few unrelated words make a strong, memorable passphrase."
        error={errors.newPassword?.message}
        {...register("newPassword")}
      />
      <TextField label="Confirm new password" type="password" autoComplete="new-password" error={errors.confirmPassword?.message} {...register("confirmPassword")} />
      <div className="flex justify-end">
        <Button type="submit" pending={isSubmitting}>
          Change password
        </Button>
      </div>
    </Form>
  );
}
