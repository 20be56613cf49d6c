// Who is calling /api/v1 (and whose key the gateway asks about): the presented key, its
// stored record, and whether it may be used now. One indexed lookup by hash and no cache,
// so a revocation is honoured by the very next request in every process.
import { hashKey, isWellFormedKey } from "@/lib/keys/key-format";
import { keyState } from "@/lib/keys/status";
import type { HeaderReader } from "./http";
import type { ApiStore, StatusClass, StoredKey, UsageEvent } from "./store/types";

export type KeyRefusal = "malformed" | "not_found" | "revoked" | "expired" | "organization_suspended";

export type KeyCheck = { ok: true; key: StoredKey } | { ok: false; reason: KeyRefusal };

/**
 * The key from `Authorization: Bearer <key>` (preferred) or `X-API-Key: <key>`. An
 * Authorization header of another scheme (Basic, Token) is not a key; X-API-Key is then
 * still read. Returns "" for a header that is present but empty, null when none is.
 */
export function presentedKey(headers: HeaderReader): string | null {
  const authorization = headers.get("authorization");
  if (authorization !== null) {
    const match = /^\s*Bearer\s+(\S*)\s*$/i.exec(authorization);
    if (match) return match[1];
  }
  const apiKey = headers.get("x-api-key");
  if (apiKey !== null) return apiKey.trim();
  return authorization !== null ? "" : null;
}

export async function checkKey(store: ApiStore, presented: string | null, now: Date): Promise<KeyCheck> {
  // The format check costs nothing and keeps junk away from the database.
  if (!presented || !isWellFormedKey(presented)) return { ok: false, reason: "malformed" };
  const key = await store.findKeyByHash(hashKey(presented));
  if (!key) return { ok: false, reason: "not_found" };
  const state = keyState(key, now);
  if (state === "revoked") return { ok: false, reason: "revoked" };
  if (state === "expired") return { ok: false, reason: "expired" };
  // A pending key has no hash yet, so it cannot be found; this guards the invariant.
  if (state !== "active") return { ok: false, reason: "not_found" };
  if (key.organizationSuspended) return { ok: false, reason: "organization_suspended" };
  return { ok: true, key };
}

/**
 * The caller's address for "last used from". Both servers (Next.js and the API front)
 * fill X-Forwarded-For with the socket's address when the request has none, and keep an
 * incoming one; the last entry
 * is therefore the nearest hop (the proxy's view of the client behind a proxy). It is
 * informational only, never used to authorise.
 */
export function clientIp(headers: HeaderReader): string | null {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").pop()?.trim() || headers.get("x-real-ip")?.trim() || "";
  const ip = last.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, "");
  return /^[0-9a-fA-F:.]{2,45}$/.test(ip) ? ip : null;
}

export function statusClass(status: number): StatusClass {
  if (status === 429) return "429";
  if (status >= 500) return "5xx";
  if (status >= 400) return "4xx";
  return "2xx";
}

/** Last-used is written at most once a minute per key, unless the address changes. */
const TOUCH_INTERVAL_MS = 60_000;

export function usageEvent(key: Pick<StoredKey, "id" | "lastUsedAt" | "lastUsedIp">, status: number | StatusClass, ip: string | null, now: Date): UsageEvent {
  const stale = !key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= TOUCH_INTERVAL_MS || (ip !== null && ip !== key.lastUsedIp);
  return {
    keyId: key.id,
    day: now.toISOString().slice(0, 10),
    statusClass: typeof status === "number" ? statusClass(status) : status,
    touch: stale ? { at: now, ip: ip ?? key.lastUsedIp } : null,
  };
}
