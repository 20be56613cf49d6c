"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { Card } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import type { CountryOption } from "@/lib/organizations/countries";
import { ORGANIZATION_KINDS, createOrganizationSchema, type CreateOrganizationInput } from "@/lib/organizations/schemas";
import { createOrganizationAction } from "../actions";

type CreateOrganizationData = z.output<typeof createOrganizationSchema>;

type Props = {
  countries: { region: CountryOption[]; others: CountryOption[] };
  defaultEmail: string;
  /** Where to continue afterwards (a vetted same-origin path), else the request form. */
  next: string | null;
};

const FIELDS = ["legalName", "kind", "country", "website", "contactEmail"] as const;

export function OnboardingForm({ countries, defaultEmail, next }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError: setFieldError,
    formState: { errors, isSubmitting },
    getValues,
  } = useForm<CreateOrganizationInput, unknown, CreateOrganizationData>({
    resolver: zodResolver(createOrganizationSchema),
    defaultValues: { legalName: "", kind: undefined, country: "RW", website: "", contactEmail: defaultEmail },
  });

  // The resolver has validated; the action receives the raw input and parses it again
  // with the same schema (the parsed form is not valid input: website becomes null).
  const onSubmit = handleSubmit(async () => {
    setError(null);
    const result = await createOrganizationAction(getValues());
    if (!result.ok) {
      if (!applyFieldErrors(setFieldError, result.fieldErrors, fieldsNamed<CreateOrganizationInput>(...FIELDS))) setError(result.error);
      return;
    }
    router.replace(next ?? "/requests/new?welcome=1");
    router.refresh();
  });

  return (
    <Card className="mt-6 p-6">
      <Form onSubmit={onSubmit} className="space-y-5">
        {error && <Alert tone="error">{error}</Alert>}
        <TextField
          label="Legal name"
          autoComplete="organization"
          placeholder="e.g. Umurenge SACCO Kigali Ltd"
          hint="As registered with RDB or your regulator."
          error={errors.legalName?.message}
          {...register("legalName")}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <SelectField label="Kind of organisation" error={errors.kind?.message} defaultValue="" {...register("kind")}>
            <option value="" disabled>
              Choose one…
            </option>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k.id} value={k.id}>
                {k.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Country" autoComplete="country" error={errors.country?.message} {...register("country")}>
            <optgroup label="East African Community">
              {countries.region.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </optgroup>
            <optgroup label="All countries">
              {countries.others.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          </SelectField>
        </div>
        <TextField
          label="Website (optional)"
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder="https://example.rw"
          error={errors.website?.message}
          {...register("website")}
        />
        <TextField
          label="Contact e-mail"
          type="email"
          autoComplete="email"
          hint="Where COPA writes about your requests and keys. A shared team address works best."
          error={errors.contactEmail?.message}
          {...register("contactEmail")}
        />
        <div className="flex flex-col-reverse gap-3 border-t border-zinc-200 pt-5 sm:flex-row sm:items-center sm:justify-between dark:border-zinc-800">
          <p className="text-xs text-zinc-500 dark:text-zinc-400">You can ask COPA to correct these details later.</p>
          <Button type="submit" pending={isSubmitting}>
            Create organisation
          </Button>
        </div>
      </Form>
    </Card>
  );
}
