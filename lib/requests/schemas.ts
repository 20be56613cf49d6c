// One schema per input, shared by the react-hook-form resolvers and the server actions.
import { z } from "zod";
import { ENVIRONMENT_IDS, KEY_TYPE_IDS, type Environment, type KeyType } from "@/lib/keys/key-types";
import { lifetimeViolation, maxLifetimeDays, scopeViolation } from "@/lib/keys/policy";
import { SCOPE_IDS, getScope } from "@/lib/scopes/catalog";

export const USE_CASE_MIN = 40;
export const JUSTIFICATION_MIN = 20;

// The partner's messages are keys (requests.errors.*, translated by the form and the
// action wrapper); the admin forms' stay English until the review area converts them.
const scopeList = (messages: { unknown: string; empty: string; twice: string }) =>
  z
    .array(z.enum(SCOPE_IDS, { message: messages.unknown }))
    .min(1, messages.empty)
    .refine((list) => new Set(list).size === list.length, messages.twice);
const scopeListSchema = scopeList({ unknown: "requests.errors.unknownScope", empty: "requests.errors.scopesEmpty", twice: "requests.errors.scopeTwice" });
const grantedScopeListSchema = scopeList({ unknown: "Unknown scope", empty: "Choose at least one scope", twice: "A scope is listed twice" });

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
  { id: "never", label: "No expiry", days: null },
  { id: "30", label: "30 days", days: 30 },
  { id: "90", label: "90 days", days: 90 },
  { id: "180", label: "180 days", days: 180 },
  { id: "365", label: "1 year", days: 365 },
] as const;
const EXPIRY_IDS = EXPIRY_CHOICES.map((c) => c.id) as [string, ...string[]];

export const approveRequestSchema = z.object({
  requestId: z.string().uuid("Unknown request"),
  grantedScopes: grantedScopeListSchema,
  // Absent: the longest lifetime the key policy allows for the request's type and
  // environment. The service refuses a choice beyond it (lib/keys/policy.ts).
  expiry: z.enum(EXPIRY_IDS, { message: "Choose an expiry" }).optional(),
  note: z.string().trim().max(1000, "Use at most 1,000 characters").optional().default(""),
});
export type ApproveRequestInput = z.input<typeof approveRequestSchema>;

export const rejectRequestSchema = z.object({
  requestId: z.string().uuid("Unknown request"),
  reason: z.string().trim().min(10, "Give the partner a reason (at least 10 characters)").max(1000, "Use at most 1,000 characters"),
});
export type RejectRequestInput = z.input<typeof rejectRequestSchema>;

export function expiryDays(id: string): number | null {
  return EXPIRY_CHOICES.find((c) => c.id === id)?.days ?? null;
}

/** The expiry choices within the key policy for this type and environment, longest last. */
export function allowedExpiryChoices(type: KeyType, environment: Environment) {
  return EXPIRY_CHOICES.filter((c) => lifetimeViolation(type, environment, c.days) === null);
}

/** The choice matching the policy's maximum lifetime ("never" where there is none). */
export function defaultExpiryChoice(type: KeyType, environment: Environment): string {
  const max = maxLifetimeDays(type, environment);
  return EXPIRY_CHOICES.find((c) => c.days === max)?.id ?? "never";
}

export const requestChangesSchema = z.object({
  requestId: z.string().uuid("Unknown request"),
  message: z.string().trim().min(10, "Tell the partner what to change (at least 10 characters)").max(2000, "Use at most 2,000 characters"),
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
