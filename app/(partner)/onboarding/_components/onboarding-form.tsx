"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("account.onboarding");
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
          label={t("legalName")}
          autoComplete="organization"
          placeholder={t("legalNamePlaceholder")}
          hint={t("legalNameHint")}
          error={errors.legalName?.message}
          {...register("legalName")}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          <SelectField label={t("kind")} error={errors.kind?.message} defaultValue="" {...register("kind")}>
            <option value="" disabled>
              {t("chooseOne")}
            </option>
            {ORGANIZATION_KINDS.map((k) => (
              <option key={k.id} value={k.id}>
                {t(`kinds.${k.id}`)}
              </option>
            ))}
          </SelectField>
          <SelectField label={t("country")} autoComplete="country" error={errors.country?.message} {...register("country")}>
            <optgroup label={t("eac")}>
              {countries.region.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t("allCountries")}>
              {countries.others.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          </SelectField>
        </div>
        <TextField
          label={t("website")}
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder="https://example.rw"
          error={errors.website?.message}
          {...register("website")}
        />
        <TextField
          label={t("contactEmail")}
          type="email"
          autoComplete="email"
          hint={t("contactEmailHint")}
          error={errors.contactEmail?.message}
          {...register("contactEmail")}
        />
        <div className="flex flex-col-reverse gap-3 border-t border-zinc-200 pt-5 sm:flex-row sm:items-center sm:justify-between dark:border-zinc-800">
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("correctLater")}</p>
          <Button type="submit" pending={isSubmitting}>
            {t("submit")}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
