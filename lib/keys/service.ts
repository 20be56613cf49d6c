// Key lifecycle: reveal (mint the secret once), rotate with a grace period, revoke.
// A key's secret exists in memory only for the response that shows it; the database
// holds its SHA-256 and a mask. Reads go through explicit selects without the hash.
import { assertEmailVerified } from "@/lib/accounts/recovery";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser, PartnerUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { ServiceError, notFound } from "@/lib/errors";
import { notify, organizationRecipients } from "@/lib/notifications";
import { paged, pageWindow } from "@/lib/paging";
import { parseScopes, serializeScopes } from "@/lib/scopes/enforcement";
import { generateKey, hashKey, maskKey } from "./key-format";
import type { Environment, KeyType } from "./key-types";
import { assertKeyPolicy, capExpiry, maxLifetimeDays, type EditableKeyPolicy } from "./policy";
import { getKeyPolicy } from "./policy-store";
import { ROTATION_GRACE, keyState, type RotationGrace } from "./status";
import { keyStateWhere } from "./where";

export const keyPublicSelect = {
  id: true,
  name: true,
  type: true,
  environment: true,
  mask: true,
  scopes: true,
  status: true,
  createdAt: true,
  revealedAt: true,
  expiresAt: true,
  revokedAt: true,
  revokedReason: true,
  lastUsedAt: true,
  lastUsedIp: true,
  rotatedFromId: true,
  requestId: true,
  rateLimitHour: true,
  rateLimitDay: true,
  allowedIps: true,
  organizationId: true,
  rotatedTo: { select: { id: true, name: true, mask: true } },
} as const;

const actorOf = (user: CurrentUser) => ({ id: user.id, email: user.email });

/** One page of an organisation's keys, newest first (stable on equal timestamps). */
export async function listOrganizationKeys(organizationId: string, page = 1) {
  const where = { organizationId };
  const [rows, total] = await Promise.all([
    db.apiKey.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: keyPublicSelect, ...pageWindow(page) }),
    db.apiKey.count({ where }),
  ]);
  return paged(rows, total, page);
}

/** Approved keys of the organisation that nobody has revealed yet. */
export function countKeysAwaitingReveal(organizationId: string, environment?: string) {
  return db.apiKey.count({ where: { organizationId, ...(environment ? { environment } : {}), ...keyStateWhere("pending") } });
}

/** The organisation's usable sandbox keys (the docs personalise with a few), and how many there are. */
export async function listActiveSandboxKeys(organizationId: string, take: number, now = new Date()) {
  const where = { AND: [{ organizationId, environment: "sandbox" }, keyStateWhere("active", now), { mask: { not: null } }] };
  const [rows, total] = await Promise.all([
    db.apiKey.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true, name: true, mask: true, type: true, scopes: true }, take }),
    db.apiKey.count({ where }),
  ]);
  return { rows, total };
}

export function getOrganizationKey(organizationId: string, keyId: string) {
  return db.apiKey.findFirst({ where: { id: keyId, organizationId }, select: keyPublicSelect });
}

/** Mints a fresh secret for a key row inside `tx`; returns the plaintext exactly once. */
async function mintSecret(tx: Tx, keyId: string, type: KeyType): Promise<{ secret: string; mask: string }> {
  const secret = generateKey(type);
  const mask = maskKey(secret);
  await tx.apiKey.update({ where: { id: keyId }, data: { hash: hashKey(secret), mask } });
  return { secret, mask };
}

// Message keys (keys.errors.*), translated at the edge.
const ALREADY_REVEALED = "keys.errors.alreadyRevealed";
const SUSPENDED = "keys.errors.suspended";

/** What the key policy needs to know about a key's organisation, read inside the transaction. */
const organizationPolicySelect = { organization: { select: { suspendedAt: true, copaRun: true } } } as const;

/**
 * An existing key about to get a (new) secret must still be one the policy lets exist: a
 * key approved before the policy, or whose organisation lost COPA-run status, is not.
 */
function assertExistingKeyPolicy(
  key: { type: string; environment: string; scopes: string; organization: { copaRun: boolean } },
  verb: "revealed" | "rotated",
  policy: EditableKeyPolicy,
) {
  try {
    assertKeyPolicy({ type: key.type as KeyType, environment: key.environment as Environment, scopes: parseScopes(key.scopes), organization: key.organization, policy });
  } catch (error) {
    // keys.policy.existing wraps the policy's refusals (message keys, translated at the edge).
    if (error instanceof ServiceError) throw new ServiceError("invalid", "keys.policy.existing", undefined, undefined, { verb, reason: error.message });
    throw error;
  }
}

/**
 * The one place a key row is created for an approved request. The key policy is checked
 * here as well as by the approval, so no caller can issue a key outside it. `lifetimeDays`
 * undefined means the policy's maximum for the type and environment (null: never expires).
 */
export async function createIssuedKey(
  tx: Tx,
  input: {
    organizationId: string;
    requestId: string;
    name: string;
    type: KeyType;
    environment: Environment;
    scopes: readonly string[];
    lifetimeDays?: number | null;
    /** Null: issued by the system (an instant sandbox key). */
    createdById: string | null;
  },
) {
  const org = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { copaRun: true } });
  if (!org) throw notFound();
  // The policy in force (admins edit it), read in this transaction.
  const policy = await getKeyPolicy(tx);
  const lifetimeDays = input.lifetimeDays === undefined ? maxLifetimeDays(input.type, input.environment, policy) : input.lifetimeDays;
  assertKeyPolicy({ type: input.type, environment: input.environment, scopes: input.scopes, organization: org, lifetimeDays, policy }, { scopes: "grantedScopes" });
  const expiresAt = lifetimeDays === null ? null : new Date(Date.now() + lifetimeDays * 86_400_000);
  return tx.apiKey.create({
    data: {
      organizationId: input.organizationId,
      requestId: input.requestId,
      name: input.name,
      type: input.type,
      environment: input.environment,
      scopes: serializeScopes(input.scopes),
      status: "pending",
      createdById: input.createdById,
      expiresAt,
    },
    select: { id: true, type: true, environment: true, expiresAt: true },
  });
}

/**
 * Reveals an approved key: the secret is generated now, shown in this response only, and
 * stored as a hash. A key can be revealed once; a lost key is rotated, not re-shown.
 */
export async function revealKey(keyId: string, user: PartnerUser, ip: string | null): Promise<{ keyId: string; secret: string; mask: string }> {
  const orgId = user.membership.organizationId;
  await assertEmailVerified(user.id);
  return db.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id: keyId, organizationId: orgId },
      select: { id: true, status: true, type: true, environment: true, scopes: true, ...organizationPolicySelect },
    });
    if (!key) throw notFound();
    // Read in this transaction, not from the session: a suspension takes effect at once.
    if (key.organization.suspendedAt) throw new ServiceError("forbidden", SUSPENDED);
    if (key.status !== "pending") throw new ServiceError("conflict", ALREADY_REVEALED);
    assertExistingKeyPolicy(key, "revealed", await getKeyPolicy(tx));
    const flipped = await tx.apiKey.updateMany({ where: { id: keyId, organizationId: orgId, status: "pending" }, data: { status: "active", revealedAt: new Date() } });
    if (flipped.count !== 1) throw new ServiceError("conflict", ALREADY_REVEALED);
    const minted = await mintSecret(tx, key.id, key.type as KeyType);
    await recordAudit(tx, { action: "key.issued", actor: actorOf(user), organizationId: orgId, target: { type: "key", id: key.id }, metadata: { revealed: true, mask: minted.mask }, ip });
    return { keyId: key.id, ...minted };
  });
}

/**
 * Replaces a key with a new one of the same organisation, type, environment and scopes.
 * The old key keeps working for the chosen grace (never beyond its own expiry), or stops
 * at once. A key can be rotated once; its successor carries on the chain.
 */
export async function rotateKey(keyId: string, grace: RotationGrace, user: PartnerUser, ip: string | null) {
  const orgId = user.membership.organizationId;
  const graceMs = ROTATION_GRACE.find((g) => g.id === grace)?.ms ?? 0;
  return db.$transaction(async (tx) => {
    const old = await tx.apiKey.findFirst({ where: { id: keyId, organizationId: orgId }, select: { ...keyPublicSelect, rotatedTo: { select: { id: true } }, ...organizationPolicySelect } });
    if (!old) throw notFound();
    if (old.organization.suspendedAt) throw new ServiceError("forbidden", SUSPENDED);
    const state = keyState(old);
    if (state !== "active") throw new ServiceError("conflict", "keys.errors.rotateNotActive", undefined, undefined, { state });
    if (old.rotatedTo) throw new ServiceError("conflict", "keys.errors.alreadyRotated");
    const type = old.type as KeyType;
    const environment = old.environment as Environment;
    // The successor is a new key: it must be one the policy lets exist today.
    const policy = await getKeyPolicy(tx);
    assertExistingKeyPolicy(old, "rotated", policy);
    const now = Date.now();
    // Keeps the old expiry, capped at the policy's maximum from today (a key from before
    // the policy may have none, or a later one).
    const freshExpiresAt = capExpiry(type, environment, old.expiresAt, new Date(now), policy);
    const graceEnd = new Date(now + graceMs);
    const oldEnd = old.expiresAt && old.expiresAt < graceEnd ? old.expiresAt : graceEnd;
    const fresh = await tx.apiKey.create({
      data: {
        organizationId: orgId,
        name: old.name,
        type: old.type,
        environment: old.environment,
        scopes: old.scopes,
        status: "active",
        revealedAt: new Date(now),
        createdById: user.id,
        expiresAt: freshExpiresAt,
        rotatedFromId: old.id,
        rateLimitHour: old.rateLimitHour,
        rateLimitDay: old.rateLimitDay,
        // The replacement is used from the same places: a rotation must not lift the restriction.
        allowedIps: old.allowedIps,
      },
      select: { id: true },
    });
    const minted = await mintSecret(tx, fresh.id, type);
    await tx.apiKey.update({
      where: { id: old.id },
      data:
        graceMs === 0
          ? { status: "revoked", revokedAt: new Date(now), revokedReason: "Rotated", revokedById: user.id }
          : { expiresAt: oldEnd },
    });
    await recordAudit(tx, {
      action: "key.rotated",
      actor: actorOf(user),
      organizationId: orgId,
      target: { type: "key", id: old.id },
      metadata: {
        newKeyId: fresh.id,
        newMask: minted.mask,
        oldMask: old.mask,
        grace,
        oldKeyWorksUntil: graceMs === 0 ? null : oldEnd.toISOString(),
        newKeyExpiresAt: freshExpiresAt?.toISOString() ?? null,
      },
      ip,
    });
    return { keyId: fresh.id, secret: minted.secret, mask: minted.mask, oldKeyWorksUntil: graceMs === 0 ? null : oldEnd };
  });
}

/** Revokes a key (confirmed by its name). Takes effect on the very next request. */
export async function revokeKey(
  input: { keyId: string; confirmName: string; reason?: string },
  actor: CurrentUser,
  scope: { organizationId: string } | { admin: true },
  ip: string | null,
) {
  await db.$transaction(async (tx) => {
    const where = "admin" in scope ? { id: input.keyId } : { id: input.keyId, organizationId: scope.organizationId };
    const key = await tx.apiKey.findFirst({ where, select: { id: true, name: true, status: true, mask: true, organizationId: true, organization: { select: { legalName: true } } } });
    if (!key) throw notFound();
    if (input.confirmName.trim() !== key.name) {
      throw new ServiceError("invalid", "keys.errors.nameMismatch", { confirmName: "keys.errors.nameMismatchField" }, undefined, { name: key.name });
    }
    const updated = await tx.apiKey.updateMany({
      where: { id: key.id, status: { not: "revoked" } },
      data: { status: "revoked", revokedAt: new Date(), revokedReason: input.reason || null, revokedById: actor.id },
    });
    if (updated.count !== 1) throw new ServiceError("conflict", "keys.errors.alreadyRevoked");
    await recordAudit(tx, {
      action: "key.revoked",
      actor: actorOf(actor),
      organizationId: key.organizationId,
      target: { type: "key", id: key.id },
      metadata: { mask: key.mask, reason: input.reason || null, by: "admin" in scope ? "admin" : "partner" },
      ip,
    });
    // A partner's own revocation is theirs to know; COPA's is told to the organisation.
    if ("admin" in scope) {
      await notify(tx, await organizationRecipients(tx, key.organizationId), "key_revoked", {
        organizationName: key.organization.legalName,
        keyName: key.name,
        mask: key.mask ?? "no secret yet",
        reason: input.reason || "none given",
        keyPath: `/keys/${key.id}`,
      });
    }
  });
}
