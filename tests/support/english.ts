// Service refusals are message keys (with their values) that the edges translate
// (lib/i18n/translate-message): tests that call a service directly read them as an
// English reader would.
import { ServiceError } from "@/lib/errors";
import { translateFieldErrors, translateMessage, type MessageValues } from "@/lib/i18n/translate-message";
import { translatorFor } from "@/lib/i18n/translator";

export function english(message: string | null | undefined, values?: MessageValues): string | null | undefined {
  return message == null ? message : translateMessage(translatorFor("en"), message, values);
}

/** The ServiceError a promise rejects with, its message and field errors in English. */
export async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string; fieldErrors?: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    const t = translatorFor("en");
    return { code: error.code, message: translateMessage(t, error.message, error.values), fieldErrors: translateFieldErrors(t, error.fieldErrors, error.values) };
  }
  throw new Error("expected a refusal");
}
