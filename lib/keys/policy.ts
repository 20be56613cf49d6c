// THE key policy: which scopes each key type may hold, how long a key of each type and
// environment may live, and who may hold system keys. KEY_POLICY below is the ceiling and
// the default; admins narrow or change the editable part at /admin/policy (stored in the
// database, lib/keys/policy-store.ts), and the server passes the stored policy to these
// functions. Without one they apply the defaults (today's behaviour), which is what the
// forms use before the server checks again. The request schema and form, the
// admin approval, key creation, reveal and rotation all ask these functions, so a key
// outside the policy can be neither requested, granted, issued nor carried on by a
// rotation. Pure data and functions: safe on client and server.
//
// Which scopes a type may hold comes from the scope catalogue (`keyTypes` of each scope,
// lib/scopes/catalog.ts), the one list the docs and the API also read. The table below
// adds each type's ceiling by access level (mobile: read only, webhook: receive only);
// enforcement takes both, and policy.test.ts fails if the catalogue ever lists a type on
// a scope whose access level the type's ceiling forbids, so the two cannot drift apart.
import { ServiceError } from "@/lib/errors";
import { MESSAGE_SEPARATOR, messageWithValues } from "@/lib/i18n/translate-message";
import { SCOPES, type ScopeAccess, type ScopeId } from "@/lib/scopes/catalog";
import { KEY_TYPES, type Environment, type KeyType } from "./key-types";

export type KeyTypeRule = {
  /** Access levels a key of this type may hold at most. */
  access: readonly ScopeAccess[];
  /** Why, in one sentence a partner or an admin reads next to a refusal. */
  why: string;
  /** Longest lifetime in days per environment; null: no maximum (the key may not expire). */
  maxLifetimeDays: Readonly<Record<Environment, number | null>>;
  /**
   * Only for organisations run by COPA itself (Organization.copaRun, set by an admin).
   * Until two-person approval exists, this is the only way to a system key.
   */
  copaRunOnly: boolean;
};

export const KEY_POLICY = {
  partner: {
    access: ["read", "write"],
    why: "Partner keys read and, when justified, change cooperative data; they do not receive webhooks.",
    maxLifetimeDays: { sandbox: null, production: 365 },
    copaRunOnly: false,
  },
  webhook: {
    access: ["receive"],
    why: "Webhook keys only receive COPA's event deliveries: they hold webhooks:receive and no data scope.",
    maxLifetimeDays: { sandbox: null, production: 365 },
    copaRunOnly: false,
  },
  mobile: {
    access: ["read"],
    why: "Mobile keys are read-only: an app's back end reads data for its users and never changes COPA records.",
    maxLifetimeDays: { sandbox: 180, production: 90 },
    copaRunOnly: false,
  },
  system: {
    access: ["read", "write"],
    why: "System keys are for COPA's own services: only organisations run by COPA may hold them.",
    maxLifetimeDays: { sandbox: null, production: 180 },
    copaRunOnly: true,
  },
} as const satisfies Record<KeyType, KeyTypeRule>;

/**
 * The part of the policy admins edit (lib/keys/policy-store.ts keeps it in the database).
 * Scopes per type can only be narrowed within the ceiling (catalogue + access levels),
 * never widened beyond it.
 */
export type EditableKeyPolicy = {
  /** The scopes each key type may hold: a subset of ceilingScopes(type). */
  scopes: Record<KeyType, ScopeId[]>;
  /** Longest lifetime in days per type and environment; null: no maximum. */
  maxLifetimeDays: Record<KeyType, Record<Environment, number | null>>;
  /** Which grants need a second, different admin (lib/review/settings.ts). */
  twoPerson: { productionWrite: boolean; system: boolean };
  /** Sandbox requests whose scopes are all in `scopes` (read-only) are approved at once by the system. */
  instantSandbox: { enabled: boolean; scopes: ScopeId[] };
};

/** The most a key of this type could ever hold: the catalogue's keyTypes within the type's access ceiling. */
export function ceilingScopes(type: KeyType): ScopeId[] {
  const rule: KeyTypeRule = KEY_POLICY[type];
  return SCOPES.filter((s) => (s.keyTypes as readonly string[]).includes(type) && rule.access.includes(s.access)).map((s) => s.id);
}

/** Read-only scopes: the only ones an instant sandbox key may hold. */
export const READ_SCOPES: ScopeId[] = SCOPES.filter((s) => s.access === "read").map((s) => s.id);

const TYPE_IDS = KEY_TYPES.map((t) => t.id) as KeyType[];
const perType = <T,>(f: (type: KeyType) => T) => Object.fromEntries(TYPE_IDS.map((t) => [t, f(t)])) as Record<KeyType, T>;

/** Today's behaviour: every scope the ceiling allows, the lifetimes above, both two-person rules, instant sandbox keys on. */
export const DEFAULT_KEY_POLICY: EditableKeyPolicy = {
  scopes: perType(ceilingScopes),
  maxLifetimeDays: perType((t) => ({ ...KEY_POLICY[t].maxLifetimeDays })),
  twoPerson: { productionWrite: true, system: true },
  instantSandbox: { enabled: true, scopes: [...READ_SCOPES] },
};

/** The scopes a key of this type may hold under `policy`, in catalogue order. */
export function allowedScopes(type: KeyType, policy: EditableKeyPolicy = DEFAULT_KEY_POLICY): ScopeId[] {
  const chosen = policy.scopes[type] ?? [];
  return ceilingScopes(type).filter((s) => chosen.includes(s));
}

export function isScopeAllowed(type: KeyType, scope: string, policy: EditableKeyPolicy = DEFAULT_KEY_POLICY): boolean {
  return (allowedScopes(type, policy) as string[]).includes(scope);
}

/**
 * A lifetime for a reader: the keys.lifetime message with its values ("1 year", "90 days",
 * "no limit" in English), put into the reader's language at the edge (translateMessage).
 */
export function lifetimeMessage(days: number | null): string {
  return messageWithValues("keys.lifetime", days === null ? { unit: "none", count: 0 } : { unit: days % 365 === 0 ? "year" : "day", count: days % 365 === 0 ? days / 365 : days });
}

/**
 * "1 year", "90 days", or "no limit", in English only: the wording of describeKeyTypePolicy,
 * the English reference the translated policy texts are tested against. Readers get
 * lifetimeMessage; policy.test.ts checks that its English says the same.
 */
export function describeLifetime(days: number | null): string {
  if (days === null) return "no limit";
  if (days % 365 === 0) return days === 365 ? "1 year" : `${days / 365} years`;
  return days === 1 ? "1 day" : `${days} days`;
}

export function maxLifetimeDays(type: KeyType, environment: Environment, policy: EditableKeyPolicy = DEFAULT_KEY_POLICY): number | null {
  return policy.maxLifetimeDays[type]?.[environment] ?? null;
}

// The refusals below are message keys with their values (keys.policy.*, lib/i18n/translate-message):
// the edges (actions, forms) put them into the reader's language.

/** A lifetime as the refusals word it: whole years when it is a multiple of 365 days. */
const lifetimeValues = (days: number) => (days % 365 === 0 ? { unit: "year", max: days / 365 } : { unit: "day", max: days });

/** The scopes of `scopes` a key of this type may not hold, with the reason (null: none): a keys.policy.* message. */
export function scopeViolation(type: KeyType, scopes: readonly string[], policy: EditableKeyPolicy = DEFAULT_KEY_POLICY): string | null {
  const refused = scopes.filter((s) => !isScopeAllowed(type, s, policy));
  if (refused.length === 0) return null;
  const allowed = allowedScopes(type, policy);
  const values = { type, scopes: refused.join(", "), allowed: allowed.join(", "), allowedCount: allowed.length };
  const ceiling = ceilingScopes(type) as string[];
  // Beyond the ceiling: the type itself cannot hold them (the message says why, KEY_POLICY[type].why).
  // Within it: COPA's policy of the moment does not allow them.
  return messageWithValues(refused.every((s) => ceiling.includes(s)) ? "keys.policy.scopesNotNow" : "keys.policy.scopesNever", values);
}

/** Null when a lifetime of `days` (null: never expires) is within the policy. */
export function lifetimeViolation(type: KeyType, environment: Environment, days: number | null, policy: EditableKeyPolicy = DEFAULT_KEY_POLICY): string | null {
  const max = maxLifetimeDays(type, environment, policy);
  if (max === null || (days !== null && days <= max)) return null;
  return messageWithValues("keys.policy.lifetime", { type, environment, ...lifetimeValues(max) });
}

/** Null when the organisation may hold a key of this type; else a keys.policy.* message. */
export function organizationViolation(type: KeyType, organization: { copaRun: boolean }): string | null {
  if (!KEY_POLICY[type].copaRunOnly || organization.copaRun) return null;
  return messageWithValues("keys.policy.organization", { type });
}

export type KeyPolicyField = "keyType" | "scopes" | "expiry";
export type KeyPolicyViolation = { field: KeyPolicyField; message: string };

export type KeyPolicyInput = {
  type: KeyType;
  environment: Environment;
  scopes: readonly string[];
  organization: { copaRun: boolean };
  /** Lifetime in days (null: never expires); undefined: not being decided here. */
  lifetimeDays?: number | null;
  /** The policy in force (the server reads it from the database); the defaults when absent. */
  policy?: EditableKeyPolicy;
};

/** Every way `input` falls outside the policy (empty: within it). */
export function keyPolicyViolations(input: KeyPolicyInput): KeyPolicyViolation[] {
  const policy = input.policy ?? DEFAULT_KEY_POLICY;
  const out: KeyPolicyViolation[] = [];
  const org = organizationViolation(input.type, input.organization);
  if (org) out.push({ field: "keyType", message: org });
  const scopes = scopeViolation(input.type, input.scopes, policy);
  if (scopes) out.push({ field: "scopes", message: scopes });
  if (input.lifetimeDays !== undefined) {
    const lifetime = lifetimeViolation(input.type, input.environment, input.lifetimeDays, policy);
    if (lifetime) out.push({ field: "expiry", message: lifetime });
  }
  return out;
}

/**
 * Throws a ServiceError ("invalid") naming every violation, with field errors under the
 * caller's field names (e.g. scopes -> grantedScopes on the approval form).
 */
export function assertKeyPolicy(input: KeyPolicyInput, fields: Partial<Record<KeyPolicyField, string>> = {}): void {
  const violations = keyPolicyViolations(input);
  if (violations.length === 0) return;
  const fieldErrors = Object.fromEntries(violations.map((v) => [fields[v.field] ?? v.field, v.message]));
  // Each violation is translated on its own at the edge (MESSAGE_SEPARATOR).
  throw new ServiceError("invalid", violations.map((v) => v.message).join(MESSAGE_SEPARATOR), fieldErrors);
}

/**
 * The expiry of a key created at `now` that may live at most the policy's maximum:
 * `wanted` (null: never) when within it, else now + maximum. Rotation uses it so a
 * successor never outlives the policy, even when its predecessor predates it.
 */
export function capExpiry(type: KeyType, environment: Environment, wanted: Date | null, now: Date, policy: EditableKeyPolicy = DEFAULT_KEY_POLICY): Date | null {
  const max = maxLifetimeDays(type, environment, policy);
  if (max === null) return wanted;
  const latest = new Date(now.getTime() + max * 86_400_000);
  return wanted && wanted.getTime() <= latest.getTime() ? wanted : latest;
}

/** One line for a key type's choice in the request form: what it may hold, how long, who. */
export function describeKeyTypePolicy(type: KeyType, policy: EditableKeyPolicy = DEFAULT_KEY_POLICY): string {
  const rule: KeyTypeRule = KEY_POLICY[type];
  const parts: string[] = [];
  if (rule.access.includes("receive")) parts.push(`Holds only ${allowedScopes(type, policy).join(", ")}`);
  else parts.push(rule.access.includes("write") ? "Read and write scopes" : "Read-only scopes");
  const { sandbox, production } = policy.maxLifetimeDays[type];
  if (sandbox === null && production !== null) parts.push(`production keys expire within ${describeLifetime(production)}`);
  else if (sandbox !== null && sandbox === production) parts.push(`expires within ${describeLifetime(sandbox)}`);
  else if (sandbox !== null && production !== null) parts.push(`expires within ${describeLifetime(sandbox)} (${describeLifetime(production)} in production)`);
  if (rule.copaRunOnly) parts.push("COPA-run organisations only");
  return `${parts.join("; ")}.`;
}
