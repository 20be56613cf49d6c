// The one key decision. The /api/v1 handlers and the gateway's verification service both
// ask it "may this presented key make a call needing this scope, now?" and get back the
// caller, where its limits stand and the answer (valid, or why not). The contract's order
// is fixed here and nowhere else: authentication -> scope -> rate limit.
//
// One indexed lookup by hash and no cache, so a revocation, an expiry, a scope change or an
// IP allowlist edit made by any process is honoured by the very next call in every
// process. The allowlist comes with that same row: checking it costs no query.
//
// A refusal of a known key (revoked, expired, suspended, IP, scope, rate limit) is noted
// for the key's denial explorer (store.recordDenial: no await, written in batches). A
// malformed or unknown key names no key and is not noted anywhere a partner sees.
import { hashKey, isWellFormedKey } from "@/lib/keys/key-format";
import { keyState } from "@/lib/keys/status";
import { isIpAllowed } from "@/lib/net/allowlist";
import { parseScopes } from "@/lib/scopes/enforcement";
import { effectiveLimits, rateLimitState, retryAfterSeconds, throttledState, type Limits, type RateLimitState } from "./rate-limit";
import type { ApiStore, DenialReason, StatusClass, StoredKey, UsageEvent } from "./store/types";

/** Why a key is not valid at all. Every one of them is the same 401 on /api/v1. */
export type KeyRefusal = "malformed" | "not_found" | "revoked" | "expired" | "organization_suspended" | "wrong_environment";

export type KeyDecision =
  | { valid: true; key: StoredKey; limits: Limits; state: RateLimitState }
  | { valid: false; reason: KeyRefusal }
  | { valid: false; reason: "ip_not_allowed"; key: StoredKey }
  | { valid: false; reason: "insufficient_scope"; key: StoredKey; limits: Limits; state: RateLimitState }
  | { valid: false; reason: "rate_limited"; key: StoredKey; limits: Limits; state: RateLimitState; retryAfter: number };

export type DecideInput = {
  presented: string | null;
  /** The scope the call needs, or null for a call that needs none (see `count`). */
  scope: string | null;
  now: Date;
  /**
   * The caller's address from lib/net/client-ip: the key's "last used from", and checked
   * against its IP allowlist (a key with a list is refused when this is null).
   */
  ip: string | null;
  /** The endpoint called, for the denial explorer (absent: a gateway verification). */
  endpoint?: { method: string; path: string };
  /** Only keys of this environment are valid (the sandbox API takes sandbox keys only). */
  environment?: "sandbox" | "production";
  /**
   * Whether a call without a scope is counted against the limits (a method a path does
   * not serve still costs a request, as in Django REST Framework). A call with a scope is
   * always counted; without one and without `count` it is a pure lookup.
   */
  count?: boolean;
};

/**
 * The key from `Authorization: Bearer <key>` (preferred) or `X-API-Key: <key>`. An
 * Authorization header of another scheme (Basic, Token) is not a key; X-API-Key is then
 * still read. Returns "" for a header that is present but empty, null when none is.
 */
export function presentedKey(headers: { get(name: string): string | null | undefined }): string | null {
  const authorization = headers.get("authorization") ?? null;
  if (authorization !== null) {
    const match = /^\s*Bearer\s+(\S*)\s*$/i.exec(authorization);
    if (match) return match[1];
  }
  const apiKey = headers.get("x-api-key") ?? null;
  if (apiKey !== null) return apiKey.trim();
  return authorization !== null ? "" : null;
}

async function findUsableKey(
  store: ApiStore,
  presented: string | null,
  now: Date,
): Promise<{ ok: true; key: StoredKey } | { ok: false; reason: KeyRefusal; key?: StoredKey }> {
  // The format check costs nothing and keeps junk away from the database.
  if (!presented || !isWellFormedKey(presented)) return { ok: false, reason: "malformed" };
  const key = await store.findKeyByHash(hashKey(presented));
  if (!key) return { ok: false, reason: "not_found" };
  const state = keyState(key, now);
  if (state === "revoked") return { ok: false, reason: "revoked", key };
  if (state === "expired") return { ok: false, reason: "expired", key };
  // A pending key has no hash yet, so it cannot be found; this guards the invariant.
  if (state !== "active") return { ok: false, reason: "not_found" };
  if (key.organizationSuspended) return { ok: false, reason: "organization_suspended", key };
  return { ok: true, key };
}

/** The status each refusal answers on /api/v1 (the gateway's caller would answer the same). */
const DENIAL_STATUS: Record<DenialReason, number> = {
  revoked: 401,
  expired: 401,
  organization_suspended: 401,
  ip_not_allowed: 403,
  insufficient_scope: 403,
  rate_limited: 429,
};

function noteDenial(store: ApiStore, key: StoredKey, reason: DenialReason, input: DecideInput) {
  store.recordDenial({
    keyId: key.id,
    at: input.now,
    method: input.endpoint?.method ?? null,
    path: input.endpoint?.path ?? null,
    status: DENIAL_STATUS[reason],
    reason,
    scope: reason === "insufficient_scope" ? input.scope : null,
    ip: input.ip,
  });
}

export async function decideKey(store: ApiStore, input: DecideInput): Promise<KeyDecision> {
  const found = await findUsableKey(store, input.presented, input.now);
  if (!found.ok) {
    if (found.key && found.reason !== "malformed" && found.reason !== "not_found" && found.reason !== "wrong_environment") noteDenial(store, found.key, found.reason, input);
    return { valid: false, reason: found.reason };
  }
  const key = found.key;
  if (input.environment && key.environment !== input.environment) return { valid: false, reason: "wrong_environment" };
  // Before the scope check: a caller outside the list learns nothing about the key's
  // scopes or limits, and consumes none of its quota.
  if (!isIpAllowed(key.allowedIps, input.ip)) {
    noteDenial(store, key, "ip_not_allowed", input);
    return { valid: false, reason: "ip_not_allowed", key };
  }
  const limits = effectiveLimits(key);
  const at = input.now.getTime();

  if (input.scope !== null && !parseScopes(key.scopes).includes(input.scope)) {
    // Refused before the rate limit, so it consumes no quota; the answer still reports
    // where the key stands, and the refusal shows in the key's usage.
    const usage = await store.peekRateLimit(key.id, at);
    await store.recordUsage(usageEvent(key, "4xx", input.ip, input.now, null));
    noteDenial(store, key, "insufficient_scope", input);
    return { valid: false, reason: "insufficient_scope", key, limits, state: rateLimitState(usage, limits, at) };
  }

  if (input.scope === null && !input.count) {
    const usage = await store.peekRateLimit(key.id, at);
    return { valid: true, key, limits, state: rateLimitState(usage, limits, at) };
  }

  // Counted in usage (2xx, or 429 when refused) in the same transaction as the limit.
  const decision = await store.consumeRateLimit(key.id, limits, at, usageEvent(key, "2xx", input.ip, input.now, input.scope));
  if (!decision.allowed) {
    noteDenial(store, key, "rate_limited", input);
    const retryAfter = retryAfterSeconds(decision.buckets, limits, at);
    return { valid: false, reason: "rate_limited", key, limits, state: throttledState(decision.usage, limits, at, retryAfter), retryAfter };
  }
  return { valid: true, key, limits, state: rateLimitState(decision.usage, limits, at) };
}

export function statusClass(status: number): StatusClass {
  if (status === 429) return "429";
  if (status >= 500) return "5xx";
  if (status >= 400) return "4xx";
  return "2xx";
}

/** Last-used is written at most once a minute per key, unless the address changes. */
const TOUCH_INTERVAL_MS = 60_000;

/** `scope`: the scope the call needs, recorded as used when the call is admitted (null: none). */
export function usageEvent(key: Pick<StoredKey, "id" | "lastUsedAt" | "lastUsedIp">, status: number | StatusClass, ip: string | null, now: Date, scope: string | null = null): UsageEvent {
  const stale = !key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS || (ip !== null && ip !== key.lastUsedIp);
  return {
    keyId: key.id,
    day: now.toISOString().slice(0, 10),
    statusClass: typeof status === "number" ? statusClass(status) : status,
    touch: stale ? { at: now, ip: ip ?? key.lastUsedIp } : null,
    call: { at: now, ip, scope },
  };
}
