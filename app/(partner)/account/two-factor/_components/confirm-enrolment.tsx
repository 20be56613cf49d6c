"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyFieldErrors, fieldsNamed } from "@/components/ui/field-errors";
import { Form } from "@/components/ui/form";
import { confirmTwoFactorSchema } from "@/lib/auth/two-factor/schemas";
import { confirmTwoFactorEnrolmentAction } from "../actions";

type Input = z.input<typeof confirmTwoFactorSchema>;

/**
 * The first code turns two-factor on; the answer carries the recovery codes, shown here
 * once and kept only in this component's memory until the user says they saved them.
 */
export function ConfirmEnrolment({ continueTo }: { continueTo: string }) {
  const router = useRouter();
  const t = useTranslations("account.twoFactor");
  const stepUp = useStepUp();
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const form = useForm<Input>({ resolver: zodResolver(confirmTwoFactorSchema), defaultValues: { code: "" } });

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await stepUp.guard(() => confirmTwoFactorEnrolmentAction(values));
    if (!result.ok) {
      if (!applyFieldErrors(form.setError, result.fieldErrors, fieldsNamed<Input>("code"))) setError(result.error);
      return;
    }
    setCodes(result.data.recoveryCodes);
  });

  if (codes) {
    return (
      <RecoveryCodes
        codes={codes}
        onDone={() => {
          setCodes(null);
          router.push(continueTo);
          router.refresh();
        }}
      />
    );
  }

  return (
    <>
      <Form onSubmit={onSubmit} className="max-w-sm space-y-4">
        {error && <Alert tone="error">{error}</Alert>}
        <TextField
          label={t("codeLabel")}
          autoComplete="one-time-code"
          inputMode="numeric"
          spellCheck={false}
          hint={t("codeHint")}
          error={form.formState.errors.code?.message}
          {...form.register("code")}
        />
        <Button type="submit" pending={form.formState.isSubmitting}>
          {t("turnOn")}
        </Button>
      </Form>
      {stepUp.dialog}
    </>
  );
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useTranslations("account.twoFactor");
  const heading = useRef<HTMLHeadingElement>(null);
  // The form that had focus is gone: move focus to what replaced it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="recovery-codes-heading" className="space-y-4">
      <Alert tone="success">{t("enabled")}</Alert>
      <h3 id="recovery-codes-heading" ref={heading} tabIndex={-1} className="font-semibold outline-none">
        {t("saveCodesTitle")}
      </h3>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("saveCodesIntro")}</p>
      <ol aria-label={t("codesLabel")} className="grid grid-cols-1 gap-2 rounded-md bg-zinc-100 p-4 font-mono text-sm sm:grid-cols-2 dark:bg-zinc-800">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Button onClick={onDone}>{t("saved")}</Button>
    </section>
  );
}
