// Server actions answer a failed submit with field errors keyed by the schema's paths
// (lib/auth/actions.ts). This puts them on the react-hook-form fields they name, the
// first one focused, so every form shows a server-side refusal where it shows its own.
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

/** Maps an action's error key to the form's field path, or null for keys the form lacks. */
export type FieldPathOf<T extends FieldValues> = (key: string) => Path<T> | null;

/** The keys that are exactly these field names. */
export function fieldsNamed<T extends FieldValues>(...names: readonly Path<T>[]): FieldPathOf<T> {
  return (key) => names.find((name) => name === key) ?? null;
}

/**
 * Sets each field error the form has a field for; returns whether any was placed, so the
 * caller can show the action's general error otherwise.
 */
export function applyFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fieldErrors: Readonly<Record<string, string>> | undefined,
  pathOf: FieldPathOf<T>,
): boolean {
  let placed = false;
  for (const [key, message] of Object.entries(fieldErrors ?? {})) {
    const path = pathOf(key);
    if (!path) continue;
    setError(path, { message }, { shouldFocus: !placed });
    placed = true;
  }
  return placed;
}
