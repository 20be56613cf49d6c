// The admin's edit of the key policy (/admin/policy): one zod schema shared by the form
// and the server action, which parses it again. Every choice is bounded by the ceiling
// (lib/keys/policy.ts): scopes per type only within what the catalogue lets the type hold,
// instant sandbox scopes only read-only ones, and production keys always expire (at most
// a year), so no edit can ever let a key exist that the product itself forbids.
import { z } from "zod";
import { ENVIRONMENT_IDS, KEY_TYPE_IDS, type Environment, type KeyType } from "./key-types";
import { READ_SCOPES, ceilingScopes, type EditableKeyPolicy } from "./policy";

/** Production keys expire within a year at most (issue 12); sandbox keys within ten years, or never. */
export const MAX_PRODUCTION_LIFETIME_DAYS = 365;
export const MAX_SANDBOX_LIFETIME_DAYS = 3650;

const lifetime = (environment: Environment) => {
  const max = environment === "production" ? MAX_PRODUCTION_LIFETIME_DAYS : MAX_SANDBOX_LIFETIME_DAYS;
  const days = z
    .number({ message: "review.policy.errors.lifetimeNumber" })
    .int("review.policy.errors.lifetimeNumber")
    .min(1, "review.policy.errors.lifetimeMin")
    .max(max, environment === "production" ? "review.policy.errors.lifetimeMaxProduction" : "review.policy.errors.lifetimeMaxSandbox");
  return environment === "production" ? days : days.nullable();
};

const typeScopes = (type: KeyType) =>
  z
    .array(z.string())
    .refine((list) => list.every((s) => (ceilingScopes(type) as string[]).includes(s)), "review.policy.errors.scopeBeyondType")
    .refine((list) => new Set(list).size === list.length, "review.policy.errors.scopeTwice");

export const keyPolicySchema = z.object({
  scopes: z.object(Object.fromEntries(KEY_TYPE_IDS.map((t) => [t, typeScopes(t)])) as Record<KeyType, ReturnType<typeof typeScopes>>),
  maxLifetimeDays: z.object(
    Object.fromEntries(KEY_TYPE_IDS.map((t) => [t, z.object(Object.fromEntries(ENVIRONMENT_IDS.map((e) => [e, lifetime(e)])) as Record<Environment, ReturnType<typeof lifetime>>)])) as Record<
      KeyType,
      z.ZodObject<Record<Environment, ReturnType<typeof lifetime>>>
    >,
  ),
  twoPerson: z.object({ productionWrite: z.boolean(), system: z.boolean() }),
  instantSandbox: z.object({
    enabled: z.boolean(),
    scopes: z
      .array(z.string())
      .refine((list) => list.every((s) => (READ_SCOPES as string[]).includes(s)), "review.policy.errors.instantReadOnly")
      .refine((list) => new Set(list).size === list.length, "review.policy.errors.scopeTwice"),
  }),
});

export type KeyPolicyInput = z.input<typeof keyPolicySchema>;

/** The parsed document as the policy type (the schema's refinements guarantee the scope ids). */
export function parseKeyPolicy(value: unknown): { ok: true; policy: EditableKeyPolicy } | { ok: false; error: z.ZodError } {
  const parsed = keyPolicySchema.safeParse(value);
  return parsed.success ? { ok: true, policy: parsed.data as unknown as EditableKeyPolicy } : { ok: false, error: parsed.error };
}
