// Finds the key a caller presented and says whether it may be used. One indexed lookup by
// hash, no cache: a revocation is honoured by the very next request in every process.
import { db } from "@/lib/db";
import { hashKey, isWellFormedKey } from "./key-format";
import { keyState } from "./status";

export type KeyRefusal = "malformed" | "not_found" | "revoked" | "expired" | "organization_suspended";

export type UsableKey = {
  id: string;
  organizationId: string;
  organizationName: string;
  name: string;
  type: string;
  environment: string;
  scopes: string;
  expiresAt: Date | null;
  rateLimitHour: number | null;
  rateLimitDay: number | null;
};

export type KeyLookup = { ok: true; key: UsableKey } | { ok: false; reason: KeyRefusal };

export async function lookupKey(presented: string, now = new Date()): Promise<KeyLookup> {
  if (!isWellFormedKey(presented)) return { ok: false, reason: "malformed" };
  const row = await db.apiKey.findUnique({
    where: { hash: hashKey(presented) },
    select: {
      id: true,
      organizationId: true,
      name: true,
      type: true,
      environment: true,
      scopes: true,
      status: true,
      expiresAt: true,
      revokedAt: true,
      rateLimitHour: true,
      rateLimitDay: true,
      organization: { select: { legalName: true, suspendedAt: true } },
    },
  });
  if (!row) return { ok: false, reason: "not_found" };
  const state = keyState(row, now);
  if (state === "revoked") return { ok: false, reason: "revoked" };
  if (state === "expired") return { ok: false, reason: "expired" };
  if (state !== "active") return { ok: false, reason: "not_found" };
  if (row.organization.suspendedAt) return { ok: false, reason: "organization_suspended" };
  return {
    ok: true,
    key: {
      id: row.id,
      organizationId: row.organizationId,
      organizationName: row.organization.legalName,
      name: row.name,
      type: row.type,
      environment: row.environment,
      scopes: row.scopes,
      expiresAt: row.expiresAt,
      rateLimitHour: row.rateLimitHour,
      rateLimitDay: row.rateLimitDay,
    },
  };
}
