import { useRouter } from "next/navigation";
import { useState } from "react";
import type { FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { ActionResult } from "@/lib/auth/actions";
import type { DecisionOutcome } from "../actions";

/**
 * The submit of a decision form (approve or reject): field errors go to their fields, a
 * failure to the form's alert, "someone decided first" to `onConflict`; a decision
 * reloads the page.
 */
export function useDecisionSubmit<Input extends FieldValues, Output>(
  form: UseFormReturn<Input, unknown, Output>,
  action: (values: Output) => Promise<ActionResult<DecisionOutcome>>,
  onConflict: (message: string) => void,
) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await action(values);
    if (!result.ok) {
      setError(result.error);
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) form.setError(field as Path<Input>, { message });
      return;
    }
    if (result.data.outcome === "conflict") {
      onConflict(result.data.message);
      return;
    }
    router.refresh();
  });

  return { error, onSubmit };
}
