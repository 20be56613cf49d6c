"use client";

// The leak policy and GitHub's signing keys. Saving needs a recent sign-in (step-up):
// whoever holds these keys decides whose reports revoke partners' keys.
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import { updateLeakSettingsAction } from "@/lib/leaks/actions";
import { leakSettingsSchema, type LeakAction, type LeakSettingsInput } from "@/lib/leaks/schemas";

export function LeakSettingsForm({ action, githubKeys }: { action: LeakAction; githubKeys: string }) {
  const t = useTranslations("leaks.settings");
  const router = useRouter();
  const stepUp = useStepUp();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const form = useForm<LeakSettingsInput>({ resolver: zodResolver(leakSettingsSchema), defaultValues: { action, githubKeys } });

  const submit = form.handleSubmit((values) => {
    setResult(null);
    startTransition(async () => {
      const r = await stepUp.guard(() => updateLeakSettingsAction({ ...values, githubKeys: values.githubKeys.trim() || "[]" }));
      if (!r.ok) {
        if (!applyFieldErrors(form.setError, r.fieldErrors, fieldsNamed<LeakSettingsInput>("action", "githubKeys"))) setResult({ ok: false, message: r.error });
        return;
      }
      setResult({ ok: true, message: t("saved") });
      router.refresh();
    });
  });

  const choice = (value: LeakAction, hint: string) => (
    <label className="flex min-h-6 gap-3 rounded-md border border-zinc-200 p-3 text-sm has-[:checked]:border-brand-600 dark:border-zinc-700">
      <input type="radio" value={value} className="mt-0.5 h-4 w-4" {...form.register("action")} />
      <span>
        <span className="font-medium">{t(value)}</span>
        <span className="block text-zinc-600 dark:text-zinc-400">{hint}</span>
      </span>
    </label>
  );

  return (
    <>
      <form onSubmit={submit} noValidate className="space-y-4">
        <fieldset className="space-y-2">
          <legend className="mb-1 text-sm font-medium text-zinc-800 dark:text-zinc-200">{t("action")}</legend>
          {choice("revoke", t("revokeHint"))}
          {choice("quarantine", t("quarantineHint"))}
        </fieldset>
        <TextAreaField
          label={t("githubKeys")}
          hint={t("githubKeysHint")}
          rows={6}
          spellCheck={false}
          className="font-mono text-xs"
          placeholder='{"public_keys": [{"key_identifier": "…", "key": "-----BEGIN PUBLIC KEY-----…"}]}'
          error={form.formState.errors.githubKeys?.message}
          {...form.register("githubKeys")}
        />
        <Button type="submit" pending={pending}>
          {t("save")}
        </Button>
      </form>
      {result && (
        <div className="mt-3">
          <Alert tone={result.ok ? "success" : "error"} focusOnMount>
            {result.message}
          </Alert>
        </div>
      )}
      {stepUp.dialog}
    </>
  );
}
