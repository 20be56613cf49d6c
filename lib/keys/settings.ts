// What a partner sets on a live key besides its scopes: its name and its IP allowlist.
// Both are tenant-scoped, audited in the same transaction, and taken by the API on its
// next call (the allowlist rides on the key row every call already reads).
import { recordAudit } from "@/lib/audit";
import type { PartnerUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ServiceError, notFound } from "@/lib/errors";
import { normalizeAllowlist, parseStoredAllowlist, serializeAllowlist } from "@/lib/net/allowlist";
import { keyState } from "./status";

const actorOf = (user: PartnerUser) => ({ id: user.id, email: user.email });

/**
 * Replaces a key's IP allowlist (an empty text clears it: any address). Refused for a
 * revoked or expired key: nothing can use it any more.
 */
export async function setKeyAllowlist(input: { keyId: string; allowedIps: string }, user: PartnerUser, ip: string | null) {
  const parsed = normalizeAllowlist(input.allowedIps);
  if (!parsed.ok) {
    const field = parsed.reason === "too_many" ? "keys.errors.allowlistTooMany" : parsed.reason === "prefix" ? "keys.errors.allowlistPrefix" : "keys.errors.allowlistInvalid";
    throw new ServiceError("invalid", parsed.reason === "too_many" ? field : "keys.errors.allowlistEntry", { allowedIps: field }, undefined, { entry: parsed.entry.slice(0, 60) });
  }
  const orgId = user.membership.organizationId;
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id: input.keyId, organizationId: orgId },
      select: { id: true, mask: true, status: true, expiresAt: true, revokedAt: true, allowedIps: true },
    });
    if (!key) throw notFound();
    const state = keyState(key);
    if (state === "revoked" || state === "expired") throw new ServiceError("conflict", "keys.errors.allowlistDeadKey");
    const before = parseStoredAllowlist(key.allowedIps);
    const stored = serializeAllowlist(parsed.entries);
    if (stored === key.allowedIps) return { allowedIps: parsed.entries, changed: false };
    await tx.apiKey.update({ where: { id: key.id }, data: { allowedIps: stored } });
    await recordAudit(tx, {
      action: "key.ip_allowlist_changed",
      actor: actorOf(user),
      organizationId: orgId,
      target: { type: "key", id: key.id },
      metadata: { mask: key.mask, before, after: parsed.entries },
      ip,
    });
    return { allowedIps: parsed.entries, changed: true };
  });
}

/** Renames a key (any state: the name is how people find it in lists and the audit log). */
export async function renameKey(input: { keyId: string; name: string }, user: PartnerUser, ip: string | null) {
  const orgId = user.membership.organizationId;
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({ where: { id: input.keyId, organizationId: orgId }, select: { id: true, name: true, mask: true } });
    if (!key) throw notFound();
    if (key.name === input.name) return { name: key.name, changed: false };
    await tx.apiKey.update({ where: { id: key.id }, data: { name: input.name } });
    await recordAudit(tx, {
      action: "key.renamed",
      actor: actorOf(user),
      organizationId: orgId,
      target: { type: "key", id: key.id },
      metadata: { mask: key.mask, from: key.name, to: input.name },
      ip,
    });
    return { name: input.name, changed: true };
  });
}
