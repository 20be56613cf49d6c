"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import { MEMBER_ROLES, addMemberSchema, type AddMemberInput } from "@/lib/organizations/member-schemas";
import { addMemberAction } from "../actions";

export function AddMemberForm() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError: setFieldError,
    formState: { errors, isSubmitting },
  } = useForm<AddMemberInput>({ resolver: zodResolver(addMemberSchema), defaultValues: { email: "", role: "developer" } });

  const onSubmit = handleSubmit(async (values) => {
    setError(null);
    setAdded(null);
    const result = await addMemberAction(values);
    if (!result.ok) {
      if (!applyFieldErrors(setFieldError, result.fieldErrors, fieldsNamed<AddMemberInput>("email", "role"))) setError(result.error);
      return;
    }
    setAdded(values.email);
    reset();
    router.refresh();
  });

  return (
    <Form onSubmit={onSubmit} className="space-y-4">
      {error && <Alert tone="error">{error}</Alert>}
      {added && <Alert tone="success" focusOnMount>{added} can now sign in and see your organisation.</Alert>}
      <div className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem]">
        <TextField label="Colleague's e-mail" type="email" autoComplete="off" placeholder="name@your-organisation.rw" error={errors.email?.message} {...register("email")} />
        <SelectField label="Role" error={errors.role?.message} {...register("role")}>
          {MEMBER_ROLES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-xs text-zinc-500 dark:text-zinc-400">They need a COPA developer account first: send them to /sign-up.</p>
        <Button type="submit" pending={isSubmitting}>
          Add to team
        </Button>
      </div>
    </Form>
  );
}
