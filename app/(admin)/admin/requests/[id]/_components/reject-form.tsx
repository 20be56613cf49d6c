"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextAreaField } from "@/components/ui/field";
import { rejectRequestSchema } from "@/lib/requests/schemas";
import { rejectRequestAction } from "../actions";
import { useDecisionSubmit } from "./use-decision-submit";

type Input = z.input<typeof rejectRequestSchema>;
type Output = z.output<typeof rejectRequestSchema>;

export function RejectForm({ requestId, locked, onConflict }: { requestId: string; locked: boolean; onConflict: (message: string) => void }) {
  const t = useTranslations("admin.reviewForms");
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(rejectRequestSchema), defaultValues: { requestId, reason: "" } });
  const { register, formState } = form;

  const { error, onSubmit } = useDecisionSubmit(form, rejectRequestAction, onConflict);

  return (
    <Card className="p-4 sm:p-5">
      <form onSubmit={onSubmit} noValidate aria-labelledby="reject-title">
        <fieldset disabled={locked || formState.isSubmitting} className="space-y-4">
          <div>
            <h2 id="reject-title" className="text-lg font-semibold">
              {t("rejectTitle")}
            </h2>
            <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{t("rejectIntro")}</p>
          </div>
          <input type="hidden" {...register("requestId")} />
          <TextAreaField label={t("rejectReason")} hint={t("rejectReasonHint")} rows={3} error={formState.errors.reason?.message} {...register("reason")} />
          {error && <Alert tone="error">{error}</Alert>}
          <Button type="submit" variant="danger" pending={formState.isSubmitting}>
            {t("rejectSubmit")}
          </Button>
        </fieldset>
      </form>
    </Card>
  );
}
