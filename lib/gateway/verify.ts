// The verification service behind POST /api/keys/verify: COPA's production gateway asks
// "is this key valid, and may it make this call?" before forwarding each request.
//
// Decisions:
// - The caller authenticates with a gateway credential (gw_copa_..., issued at
//   /admin/gateway), never with an API key: a partner's key, whatever its type, must not
//   be able to probe other keys.
// - With a scope, a verification IS the API call as far as limits go: the key is checked
//   in the contract's order (valid -> scope -> rate limit), the request is counted against
//   the key's hourly and daily windows (a refusal counts nothing), it appears in the key's
//   usage by the outcome the gateway will return (2xx / 4xx / 429) and updates last used.
//   Without a scope it is a pure lookup: nothing is counted and the rate-limit state is
//   reported as it stands.
// - A key with an IP allowlist is checked against client_ip before its scope, as on
//   /api/v1; without client_ip it is refused (ip_not_allowed): a restriction the gateway
//   gives us no way to check is not waived.
// - No cache anywhere: the key row is read on every call, so a revocation made in any
//   process is refused by the very next verification.
import { decideKey } from "@/lib/api/authenticate";
import type { RateLimitState } from "@/lib/api/rate-limit";
import type { ApiStore, StoredKey } from "@/lib/api/store/types";
import { normalizeIp } from "@/lib/net/client-ip";
import { parseScopes } from "@/lib/scopes/enforcement";
import type { VerifyRequest, VerifyResponse } from "./schemas";
import { hashGatewayToken, isWellFormedGatewayToken } from "./token";

/** Last-used of a gateway credential is written at most once a minute. */
const TOUCH_INTERVAL_MS = 60_000;

/** Whether the request carries a live gateway credential (`Authorization: Bearer gw_copa_...`). */
export async function authenticateGateway(store: ApiStore, authorization: string | null | undefined, now: Date): Promise<boolean> {
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match || !isWellFormedGatewayToken(match[1])) return false;
  const credential = await store.findGatewayCredential(hashGatewayToken(match[1]));
  if (!credential || credential.revokedAt) return false;
  if (!credential.lastUsedAt || now.getTime() - credential.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
    await store.touchGatewayCredential(credential.id, now);
  }
  return true;
}

function stateJson(state: RateLimitState, retryAfter?: number) {
  return {
    limit: state.limit,
    remaining: state.remaining,
    reset: state.reset,
    window: state.window,
    hour: state.hour,
    day: state.day,
    ...(retryAfter ? { retry_after: retryAfter } : {}),
  };
}

function keyJson(key: StoredKey) {
  return {
    id: key.id,
    name: key.name,
    organization: { id: key.organizationId, name: key.organizationName },
    type: key.type as "partner" | "webhook" | "mobile" | "system",
    environment: key.environment as "sandbox" | "production",
    scopes: parseScopes(key.scopes) as Extract<VerifyResponse, { valid: true }>["key"]["scopes"],
    expires_at: key.expiresAt ? key.expiresAt.toISOString() : null,
  };
}

export async function verifyKey(store: ApiStore, input: VerifyRequest, now: Date): Promise<VerifyResponse> {
  const decision = await decideKey(store, { presented: input.key, scope: input.scope ?? null, now, ip: normalizeIp(input.client_ip) });
  if (decision.valid) return { valid: true, key: keyJson(decision.key), rate_limit: stateJson(decision.state) };
  if (decision.reason === "rate_limited") return { valid: false, reason: "rate_limited", rate_limit: stateJson(decision.state, decision.retryAfter) };
  // No environment is asked for here, so "wrong_environment" cannot occur; it would be a not_found.
  return { valid: false, reason: decision.reason === "wrong_environment" ? "not_found" : decision.reason };
}
