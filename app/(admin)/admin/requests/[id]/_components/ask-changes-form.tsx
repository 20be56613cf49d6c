"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextAreaField } from "@/components/ui/field";
import { requestChangesSchema } from "@/lib/requests/schemas";
import { requestChangesAction } from "../actions";
import { useDecisionSubmit } from "./use-decision-submit";

type Input = z.input<typeof requestChangesSchema>;
type Output = z.output<typeof requestChangesSchema>;

/** Send the request back to the partner with a message, instead of deciding now. */
export function AskChangesForm({ requestId, locked, onConflict }: { requestId: string; locked: boolean; onConflict: (message: string) => void }) {
  const t = useTranslations("admin.reviewForms");
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(requestChangesSchema), defaultValues: { requestId, message: "" } });
  const { register, formState } = form;
  const { error, onSubmit } = useDecisionSubmit(form, requestChangesAction, onConflict);

  return (
    <Card className="p-4 sm:p-5">
      <form onSubmit={onSubmit} noValidate aria-labelledby="ask-changes-title">
        <fieldset disabled={locked || formState.isSubmitting} className="space-y-4">
          <div>
            <h2 id="ask-changes-title" className="text-lg font-semibold">
              {t("changesTitle")}
            </h2>
            <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
              {t("changesIntro")}
            </p>
          </div>
          <input type="hidden" {...register("requestId")} />
          <TextAreaField label={t("changesMessage")} hint={t("changesMessageHint")} rows={3} error={formState.errors.message?.message} {...register("message")} />
          {error && <Alert tone="error">{error}</Alert>}
          <Button type="submit" variant="secondary" pending={formState.isSubmitting}>
            {t("changesSubmit")}
          </Button>
        </fieldset>
      </form>
    </Card>
  );
}
