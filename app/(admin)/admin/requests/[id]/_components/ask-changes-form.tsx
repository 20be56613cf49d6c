"use client";

import { zodResolver } from "@hookform/resolvers/zod";
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
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(requestChangesSchema), defaultValues: { requestId, message: "" } });
  const { register, formState } = form;
  const { error, onSubmit } = useDecisionSubmit(form, requestChangesAction, onConflict);

  return (
    <Card className="p-4 sm:p-5">
      <form onSubmit={onSubmit} noValidate aria-labelledby="ask-changes-title">
        <fieldset disabled={locked || formState.isSubmitting} className="space-y-4">
          <div>
            <h2 id="ask-changes-title" className="text-lg font-semibold">
              Ask for changes
            </h2>
            <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
              The request goes back to the partner with your message. They edit the use case, scopes or justifications and resubmit; it then returns to this queue.
            </p>
          </div>
          <input type="hidden" {...register("requestId")} />
          <TextAreaField label="Message to the partner" hint="At least 10 characters: what is missing or should change." rows={3} error={formState.errors.message?.message} {...register("message")} />
          {error && <Alert tone="error">{error}</Alert>}
          <Button type="submit" variant="secondary" pending={formState.isSubmitting}>
            Send back for changes
          </Button>
        </fieldset>
      </form>
    </Card>
  );
}
