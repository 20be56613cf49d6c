"use client";

// An admin's form for one key's rate limits. Empty means "use the default"; the server
// action parses the same schema (lib/keys/schemas keyLimitsSchema) and returns field
// errors shown under each input.
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import { keyLimitsSchema } from "@/lib/keys/schemas";
import { updateKeyRateLimitsAction } from "@/lib/usage/actions";

// The inputs hold text; blank becomes null (default) before the shared schema sees it.
const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const formSchema = z.object({
  keyId: keyLimitsSchema.shape.keyId,
  rateLimitHour: z.preprocess(blankToNull, keyLimitsSchema.shape.rateLimitHour),
  rateLimitDay: z.preprocess(blankToNull, keyLimitsSchema.shape.rateLimitDay),
});
type FormValues = { keyId: string; rateLimitHour: string; rateLimitDay: string };

export type RateLimitFormProps = {
  keyId: string;
  /** The key's own limits; null = it uses the default. */
  rateLimitHour: number | null;
  rateLimitDay: number | null;
  defaults: { hour: number; day: number };
};

export function RateLimitForm({ keyId, rateLimitHour, rateLimitDay, defaults }: RateLimitFormProps) {
  const router = useRouter();
  const t = useTranslations("usage.limits");
  const format = useFormatter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<FormValues>({
    // The resolver validates the text inputs through the same rules the server applies.
    resolver: zodResolver(formSchema) as never,
    defaultValues: { keyId, rateLimitHour: rateLimitHour?.toString() ?? "", rateLimitDay: rateLimitDay?.toString() ?? "" },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => {
    setResult(null);
    const input = formSchema.parse(values);
    startTransition(async () => {
      const outcome = await updateKeyRateLimitsAction(input);
      if (!outcome.ok) {
        applyFieldErrors(form.setError, outcome.fieldErrors, fieldsNamed<FormValues>("rateLimitHour", "rateLimitDay"));
        setResult({ tone: "error", text: outcome.error });
        return;
      }
      setResult({ tone: "success", text: t("saved") });
      router.refresh();
    });
  });

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-label={t("formLabel")}>
      <input type="hidden" {...form.register("keyId")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("perHour")}
          inputMode="numeric"
          placeholder={t("placeholder", { value: format.number(defaults.hour) })}
          hint={t("hint")}
          error={errors.rateLimitHour?.message}
          {...form.register("rateLimitHour")}
        />
        <TextField
          label={t("perDay")}
          inputMode="numeric"
          placeholder={t("placeholder", { value: format.number(defaults.day) })}
          hint={t("hint")}
          error={errors.rateLimitDay?.message}
          {...form.register("rateLimitDay")}
        />
      </div>
      {result && <Alert tone={result.tone}>{result.text}</Alert>}
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}
