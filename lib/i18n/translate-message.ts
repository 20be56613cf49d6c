// Messages that code writes before it knows the reader's language (a zod schema's field
// error, a ServiceError thrown deep in a service) are message keys such as
// "requests.errors.duplicate". The edges translate them: server actions in
// lib/auth/actions.ts, forms in components/ui/field.tsx. Text that is not a known key is
// shown as it is, so nothing is ever lost. Pure.

export type MessageValues = Record<string, string | number>;

/** The part of a next-intl translator this needs (the root one, from getTranslations() or useTranslations()). */
export type AnyTranslator = { has(key: string): boolean; (key: string, values?: MessageValues): string };

const KEY = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9_]+)+$/;

/** Whether a text looks like a message key (a dotted path), not a sentence. */
export const isMessageKey = (text: string) => KEY.test(text);

export function translateMessage(t: AnyTranslator, message: string, values?: MessageValues): string {
  if (!isMessageKey(message) || !t.has(message)) return message;
  return t(message, values);
}

/** Field errors of a ServiceError share its values ("auth.errors.throttled" with {minutes} on the password field). */
export function translateFieldErrors(t: AnyTranslator, fieldErrors: Record<string, string> | undefined, values?: MessageValues): Record<string, string> | undefined {
  if (!fieldErrors) return fieldErrors;
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, message]) => [field, translateMessage(t, message, values)]));
}
