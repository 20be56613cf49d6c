// One schema per input, shared by the react-hook-form resolvers and the server actions.
import { z } from "zod";
import { ENVIRONMENT_IDS, KEY_TYPE_IDS, type Environment, type KeyType } from "@/lib/keys/key-types";
import { DEFAULT_KEY_POLICY, lifetimeMessage, lifetimeViolation, maxLifetimeDays, scopeViolation, type EditableKeyPolicy } from "@/lib/keys/policy";
import { SCOPE_IDS, getScope } from "@/lib/scopes/catalog";

export const USE_CASE_MIN = 40;
export const JUSTIFICATION_MIN = 20;

// Messages are keys, translated by the form and the action wrapper: the partner's in
// requests.errors.*, the admin decision forms' in admin.errors.* (the console's namespace).
const scopeList = (messages: { unknown: string; empty: string; twice: string }) =>
  z
    .array(z.enum(SCOPE_IDS, { message: messages.unknown }))
    .min(1, messages.empty)
    .refine((list) => new Set(list).size === list.length, messages.twice);
const scopeListSchema = scopeList({ unknown: "requests.errors.unknownScope", empty: "requests.errors.scopesEmpty", twice: "requests.errors.scopeTwice" });
const grantedScopeListSchema = scopeList({ unknown: "admin.errors.unknownScope", empty: "admin.errors.scopesEmpty", twice: "admin.errors.scopeTwice" });

export const accessRequestSchema = z
  .object({
    keyName: z
      .string()
      .trim()
      .min(3, "requests.errors.keyNameShort")
      .max(60, "requests.errors.keyNameLong")
      .regex(/^[\p{L}\p{N} ._()-]+$/u, "requests.errors.keyNameCharacters"),
    keyType: z.enum(KEY_TYPE_IDS, { message: "requests.errors.keyType" }),
    environment: z.enum(ENVIRONMENT_IDS, { message: "requests.errors.environment" }),
    useCase: z
      .string()
      .trim()
      // The message says 40: keep it in step with USE_CASE_MIN in each language.
      .min(USE_CASE_MIN, "requests.errors.useCaseShort")
      .max(2000, "requests.errors.useCaseLong"),
    scopes: scopeListSchema,
    justifications: z.record(z.string(), z.string().trim().max(1000, "requests.errors.justificationLong")).default({}),
  })
  .superRefine((value, ctx) => {
    // The key policy's scope rule, here so the form shows it before submitting; the
    // service checks the whole policy again (including the organisation's COPA-run status).
    const refused = scopeViolation(value.keyType, value.scopes);
    if (refused) ctx.addIssue({ code: "custom", path: ["scopes"], message: refused });
    for (const scope of value.scopes) {
      if (!getScope(scope)?.requiresJustification) continue;
      const text = value.justifications[scope]?.trim() ?? "";
      if (text.length < JUSTIFICATION_MIN) {
        ctx.addIssue({
          code: "custom",
          path: ["justifications", scope],
          // A key without its values (the scope): the edges translate it; the scope is in the path.
          message: "requests.errors.justificationShort",
        });
      }
    }
  })
  .transform((value) => ({
    ...value,
    // Keep only the justifications of requested write scopes.
    justifications: Object.fromEntries(
      value.scopes.filter((s) => getScope(s)?.requiresJustification).map((s) => [s, value.justifications[s]?.trim() ?? ""]),
    ),
  }));
export type AccessRequestInput = z.input<typeof accessRequestSchema>;
export type AccessRequestData = z.output<typeof accessRequestSchema>;

export const requestIdSchema = z.object({ requestId: z.string().uuid("requests.errors.unknownRequest") });

export const EXPIRY_CHOICES = [
  { id: "never", days: null },
  { id: "30", days: 30 },
  { id: "90", days: 90 },
  { id: "180", days: 180 },
  { id: "365", days: 365 },
] as const;

/** An expiry choice's label as a message ("No expiry", "90 days", "1 year" in English), for translateMessage. */
export function expiryChoiceMessage(choice: { days: number | null }): string {
  return choice.days === null ? "keys.noExpiry" : lifetimeMessage(choice.days);
}
const EXPIRY_IDS = EXPIRY_CHOICES.map((c) => c.id) as [string, ...string[]];

export const approveRequestSchema = z.object({
  requestId: z.string().uuid("admin.errors.unknownRequest"),
  grantedScopes: grantedScopeListSchema,
  // Absent: the longest lifetime the key policy allows for the request's type and
  // environment. The service refuses a choice beyond it (lib/keys/policy.ts).
  expiry: z.enum(EXPIRY_IDS, { message: "admin.errors.chooseExpiry" }).optional(),
  note: z.string().trim().max(1000, "admin.errors.noteLong").optional().default(""),
});
export type ApproveRequestInput = z.input<typeof approveRequestSchema>;

export const rejectRequestSchema = z.object({
  requestId: z.string().uuid("admin.errors.unknownRequest"),
  reason: z.string().trim().min(10, "admin.errors.rejectReasonShort").max(1000, "admin.errors.rejectReasonLong"),
});
export type RejectRequestInput = z.input<typeof rejectRequestSchema>;

export function expiryDays(id: string): number | null {
  return EXPIRY_CHOICES.find((c) => c.id === id)?.days ?? null;
}

/** The expiry choices within the key policy for this type and environment, longest last. */
export function allowedExpiryChoices(type: KeyType, environment: Environment, policy: EditableKeyPolicy = DEFAULT_KEY_POLICY) {
  return EXPIRY_CHOICES.filter((c) => lifetimeViolation(type, environment, c.days, policy) === null);
}

/** The longest choice within the policy: its maximum lifetime ("never" where there is none). */
export function defaultExpiryChoice(type: KeyType, environment: Environment, policy: EditableKeyPolicy = DEFAULT_KEY_POLICY): string {
  if (maxLifetimeDays(type, environment, policy) === null) return "never";
  return allowedExpiryChoices(type, environment, policy).filter((c) => c.days !== null).at(-1)?.id ?? "never";
}

export const requestChangesSchema = z.object({
  requestId: z.string().uuid("admin.errors.unknownRequest"),
  message: z.string().trim().min(10, "admin.errors.changesMessageShort").max(2000, "admin.errors.changesMessageLong"),
});
export type RequestChangesInput = z.input<typeof requestChangesSchema>;

/**
 * A partner's edit of a request COPA asked to change: the use case, scopes and
 * justifications (checked exactly like a new request's), and an optional message. The key
 * name, type and environment are the stored request's; what the client sends for them is
 * checked against it, never applied.
 */
export const resubmitRequestSchema = z.object({
  requestId: z.string().uuid("requests.errors.unknownRequest"),
  message: z.string().trim().max(2000, "requests.errors.messageLong").optional().default(""),
  request: accessRequestSchema,
});
export type ResubmitRequestInput = z.input<typeof resubmitRequestSchema>;
export type ResubmitRequestData = z.output<typeof resubmitRequestSchema>;
