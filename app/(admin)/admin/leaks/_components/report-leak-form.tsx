"use client";

// An admin's report of a key found somewhere. The key is sent once to the action and
// cleared from the form at once; the answer only says whether anything was done.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import { reportLeakAction } from "@/lib/leaks/actions";
import { reportLeakSchema, type ReportLeakInput } from "@/lib/leaks/schemas";

export function ReportLeakForm() {
  const t = useTranslations("leaks.report");
  const router = useRouter();
  const stepUp = useStepUp();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ tone: "success" | "info" | "error"; message: string } | null>(null);
  const form = useForm<ReportLeakInput>({ resolver: zodResolver(reportLeakSchema), defaultValues: { key: "", location: "" } });

  const submit = form.handleSubmit((values) => {
    setResult(null);
    startTransition(async () => {
      const r = await stepUp.guard(() => reportLeakAction(values));
      if (!r.ok) {
        if (!applyFieldErrors(form.setError, r.fieldErrors, fieldsNamed<ReportLeakInput>("key", "location"))) setResult({ tone: "error", message: r.error });
        return;
      }
      form.reset();
      setResult(r.data.recorded > 0 ? { tone: "success", message: t("recorded") } : { tone: "info", message: t("nothing") });
      router.refresh();
    });
  });

  return (
    <>
      <form onSubmit={submit} noValidate className="grid gap-3 md:grid-cols-2">
        <TextField label={t("key")} autoComplete="off" spellCheck={false} className="font-mono" error={form.formState.errors.key?.message} {...form.register("key")} />
        <TextField label={t("location")} hint={t("locationHint")} error={form.formState.errors.location?.message} {...form.register("location")} />
        <div className="md:col-span-2">
          <Button type="submit" variant="danger" pending={pending}>
            {t("submit")}
          </Button>
        </div>
      </form>
      {result && (
        <div className="mt-3">
          <Alert tone={result.tone} focusOnMount>
            {result.message}
          </Alert>
        </div>
      )}
      {stepUp.dialog}
    </>
  );
}
