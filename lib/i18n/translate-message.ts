// Messages that code writes before it knows the reader's language (a zod schema's field
// error, a ServiceError thrown deep in a service) are message keys such as
// "requests.errors.duplicate". The edges translate them: server actions in
// lib/auth/actions.ts, forms in components/ui/field.tsx. Text that is not a known key is
// shown as it is, so nothing is ever lost. Pure.
//
// A message that crosses a boundary carrying only text (a zod issue, one of several field
// errors of one ServiceError) can carry its own values after the key, as a query string:
// "keys.policy.scopes?type=mobile&scopes=members%3Awrite" (messageWithValues). Several
// such messages joined by MESSAGE_SEPARATOR are translated one by one (a policy refusal
// naming each rule a request breaks).

export type MessageValues = Record<string, string | number>;

/** The part of a next-intl translator this needs (the root one, from getTranslations() or useTranslations()). */
export type AnyTranslator = { has(key: string): boolean; (key: string, values?: MessageValues): string };

const KEY = /^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9_]+)+$/;

/** Whether a text looks like a message key (a dotted path), not a sentence. */
export const isMessageKey = (text: string) => KEY.test(text);

/** Joins messages that are each translated on their own (see translateMessage). */
export const MESSAGE_SEPARATOR = "\n";

/** A message key with its own values, in one string: "keys.policy.lifetime?type=mobile&max=90". */
export function messageWithValues(key: string, values: MessageValues): string {
  const query = new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString();
  return query ? `${key}?${query}` : key;
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** The key and the values carried in a message (none when it carries none). */
function splitMessage(message: string): { key: string; inline?: MessageValues } {
  const at = message.indexOf("?");
  if (at <= 0) return { key: message };
  const key = message.slice(0, at);
  if (!isMessageKey(key)) return { key: message };
  const inline: MessageValues = {};
  // Numbers go back to numbers, so that plural and number formats apply.
  for (const [k, v] of new URLSearchParams(message.slice(at + 1))) inline[k] = NUMBER.test(v) ? Number(v) : v;
  return { key, inline };
}

/** A known key (with or without its own values) translated; anything else as it is. */
function translateOne(t: AnyTranslator, message: string, values?: MessageValues, nested = true): string {
  const { key, inline } = splitMessage(message);
  if (!isMessageKey(key) || !t.has(key)) return message;
  const all = inline ? { ...values, ...inline } : values;
  // A value may itself be a message ("review.errors.needsFirstApproval" with {rule} a review.twoPerson.* key): one level deep.
  const resolved = nested && all ? Object.fromEntries(Object.entries(all).map(([k, v]) => [k, typeof v === "string" ? translateAll(t, v, undefined, false) : v])) : all;
  return t(key, resolved);
}

function translateAll(t: AnyTranslator, message: string, values: MessageValues | undefined, nested: boolean): string {
  if (message.includes(MESSAGE_SEPARATOR)) return message.split(MESSAGE_SEPARATOR).map((part) => translateOne(t, part, values, nested)).join(" ");
  return translateOne(t, message, values, nested);
}

export function translateMessage(t: AnyTranslator, message: string, values?: MessageValues): string {
  return translateAll(t, message, values, true);
}

/** Field errors of a ServiceError share its values ("auth.errors.throttled" with {minutes} on the password field). */
export function translateFieldErrors(t: AnyTranslator, fieldErrors: Record<string, string> | undefined, values?: MessageValues): Record<string, string> | undefined {
  if (!fieldErrors) return fieldErrors;
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, message]) => [field, translateMessage(t, message, values)]));
}
