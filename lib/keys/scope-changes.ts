// Scope changes on a live key (issue 11, part 2). A partner asks to add and/or remove
// scopes with a reason. Removals apply at once: a key only narrows, so there is nothing to
// review. Additions wait for COPA's review like a request; on approval the same key (same
// secret, same hash) holds the new scopes, and the API sees them on its next call
// (lib/api/authenticate.ts reads the key's scopes on every call; nothing caches them).
// Every transition is conditional on the current status, in one transaction with its audit
// events, so two admins deciding at once (or a decision racing a withdrawal) give one outcome.
import { notifyScopeChangeRequested, notifyScopeChangeDecided, notifySecondApprovalNeeded } from "@/lib/notifications/events";
import type { z } from "zod";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser, PartnerUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { ServiceError, notFound } from "@/lib/errors";
import { paged, pageWindow } from "@/lib/paging";
import { parseScopes, serializeScopes } from "@/lib/scopes/enforcement";
import type { Environment, KeyType } from "./key-types";
import { assertKeyPolicy } from "./policy";
import type { scopeChangeDecisionSchema, scopeChangeRequestSchema } from "./schemas";
import { keyState } from "./status";
import { getReviewSettings, secondApprovalReason } from "@/lib/review/settings";
import { getKeyPolicy } from "./policy-store";

const actorOf = (user: CurrentUser) => ({ id: user.id, email: user.email });

const SUSPENDED = "keys.errors.suspendedScopes";

/** Locks the key's row for this transaction (PostgreSQL) or takes SQLite's write lock. */
async function lockKey(tx: Tx, keyId: string) {
  await tx.$executeRaw`UPDATE "ApiKey" SET "name" = "name" WHERE "id" = ${keyId}`;
}

function usableOrThrow(key: { status: string; expiresAt: Date | null; revokedAt: Date | null; rotatedTo: { id: string } | null }) {
  const state = keyState(key);
  if (state === "revoked" || state === "expired") throw new ServiceError("conflict", "keys.errors.scopesDeadKey", undefined, undefined, { state });
  if (key.rotatedTo) throw new ServiceError("conflict", "keys.errors.scopesRotated");
}

export async function requestScopeChange(input: z.output<typeof scopeChangeRequestSchema>, user: PartnerUser, ip: string | null) {
  const orgId = user.membership.organizationId;
  return db.$transaction(async (tx) => {
    await lockKey(tx, input.keyId);
    const key = await tx.apiKey.findFirst({
      where: { id: input.keyId, organizationId: orgId },
      select: { id: true, type: true, environment: true, scopes: true, status: true, expiresAt: true, revokedAt: true, rotatedTo: { select: { id: true } }, organization: { select: { copaRun: true, suspendedAt: true } } },
    });
    if (!key) throw notFound();
    usableOrThrow(key);
    if (input.add.length && key.organization.suspendedAt) throw new ServiceError("forbidden", SUSPENDED);
    const current = parseScopes(key.scopes);
    const alreadyHeld = input.add.filter((s) => current.includes(s));
    if (alreadyHeld.length) throw new ServiceError("invalid", "keys.errors.alreadyHeld", { add: "keys.errors.alreadyHeldField" }, undefined, { scopes: alreadyHeld.join(", ") });
    const notHeld = input.remove.filter((s) => !current.includes(s));
    if (notHeld.length) throw new ServiceError("invalid", "keys.errors.notHeld", { remove: "keys.errors.notHeldField" }, undefined, { scopes: notHeld.join(", ") });
    const afterRemoval = current.filter((s) => !(input.remove as string[]).includes(s));
    if (afterRemoval.length === 0 && input.add.length === 0) {
      throw new ServiceError("invalid", "keys.errors.keepOneScope", { remove: "keys.errors.keepOneScopeField" });
    }
    const pending = await tx.scopeChange.findFirst({ where: { keyId: key.id, status: { in: ["pending", "awaiting_second_approval"] } }, select: { id: true } });
    if (pending && input.add.length) {
      throw new ServiceError("conflict", "keys.errors.scopeChangeWaiting");
    }
    // The key policy applies to what the key would hold once approved.
    assertKeyPolicy({ type: key.type as KeyType, environment: key.environment as Environment, scopes: [...afterRemoval, ...input.add], organization: key.organization, policy: await getKeyPolicy(tx) }, { scopes: "add" });

    const change = await tx.scopeChange.create({
      data: {
        keyId: key.id,
        organizationId: orgId,
        requesterId: user.id,
        addScopes: serializeScopes(input.add),
        removeScopes: serializeScopes(input.remove),
        reason: input.reason,
        status: input.add.length ? "pending" : "applied",
        ...(input.add.length ? {} : { decidedAt: new Date() }),
      },
    });
    if (input.remove.length) {
      await tx.apiKey.update({ where: { id: key.id }, data: { scopes: serializeScopes(afterRemoval) } });
      await recordAudit(tx, {
        action: "key.scopes_changed",
        actor: actorOf(user),
        organizationId: orgId,
        target: { type: "key", id: key.id },
        metadata: { changeId: change.id, removed: input.remove, added: [], scopes: afterRemoval, reason: input.reason },
        ip,
      });
    }
    if (input.add.length) {
      await recordAudit(tx, {
        action: "key.scope_change_requested",
        actor: actorOf(user),
        organizationId: orgId,
        target: { type: "key", id: key.id },
        metadata: { changeId: change.id, add: input.add, remove: input.remove, reason: input.reason },
        ip,
      });
      await notifyScopeChangeRequested(tx, { changeId: change.id });
    }
    return { changeId: change.id, status: change.status as "pending" | "applied" };
  });
}

export async function withdrawScopeChange(changeId: string, user: PartnerUser, ip: string | null) {
  const orgId = user.membership.organizationId;
  await db.$transaction(async (tx) => {
    const change = await tx.scopeChange.findFirst({ where: { id: changeId, organizationId: orgId }, select: { id: true, keyId: true, status: true } });
    if (!change) throw notFound();
    const updated = await tx.scopeChange.updateMany({ where: { id: change.id, status: { in: ["pending", "awaiting_second_approval"] } }, data: { status: "withdrawn", decidedAt: new Date(), decidedById: user.id } });
    if (updated.count !== 1) throw new ServiceError("conflict", "admin.errors.scopeChangeAlready", undefined, undefined, { status: change.status });
    await recordAudit(tx, { action: "key.scope_change_withdrawn", actor: actorOf(user), organizationId: orgId, target: { type: "key", id: change.keyId }, metadata: { changeId }, ip });
  });
}

/**
 * An admin approves (the additions join the key's scopes, checked against the key policy
 * again) or rejects (with a reason) a pending scope change.
 */
export async function decideScopeChange(
  input: z.output<typeof scopeChangeDecisionSchema>,
  admin: CurrentUser,
  ip: string | null,
): Promise<{ keyId: string; scopes: string[] | null; awaitingSecondApproval?: boolean }> {
  return db.$transaction(async (tx) => {
    const change = await tx.scopeChange.findUnique({ where: { id: input.changeId } });
    if (!change) throw notFound();
    await lockKey(tx, change.keyId);
    const approve = input.decision === "approve";
    if (approve && change.status === "awaiting_second_approval" && change.firstApprovedById === admin.id) {
      throw new ServiceError("forbidden", "admin.errors.scopeChangeOwnFirstApproval");
    }
    if (approve && change.status === "pending") {
      // Two-person rule on what the change adds (a write scope on a production key, any
      // scope on a system key): the first approval only records itself.
      const key = await tx.apiKey.findUniqueOrThrow({ where: { id: change.keyId }, select: { type: true, environment: true } });
      const needsSecond = secondApprovalReason(await getReviewSettings(tx), { type: key.type, environment: key.environment, scopes: parseScopes(change.addScopes) });
      if (needsSecond) {
        const first = await tx.scopeChange.updateMany({ where: { id: change.id, status: "pending" }, data: { status: "awaiting_second_approval", firstApprovedById: admin.id, firstApprovedAt: new Date() } });
        if (first.count !== 1) throw new ServiceError("conflict", "admin.errors.scopeChangeDecided");
        await recordAudit(tx, {
          action: "key.scope_change_first_approval",
          actor: actorOf(admin),
          organizationId: change.organizationId,
          target: { type: "key", id: change.keyId },
          metadata: { changeId: change.id, add: parseScopes(change.addScopes), rule: needsSecond },
          ip,
        });
        await notifySecondApprovalNeeded(tx, { scopeChangeId: change.id }, admin);
        return { keyId: change.keyId, scopes: null, awaitingSecondApproval: true };
      }
    }
    const updated = await tx.scopeChange.updateMany({
      // Approving: from pending (one admin suffices) or from a first approval by another
      // admin; rejecting: from either.
      where: { id: change.id, status: approve ? change.status === "awaiting_second_approval" ? "awaiting_second_approval" : "pending" : { in: ["pending", "awaiting_second_approval"] } },
      data: { status: approve ? "approved" : "rejected", decidedById: admin.id, decidedAt: new Date(), decisionNote: input.note || null },
    });
    if (updated.count !== 1) {
      const now = await tx.scopeChange.findUnique({ where: { id: change.id }, select: { status: true } });
      throw new ServiceError("conflict", "admin.errors.scopeChangeAlready", undefined, undefined, { status: now?.status ?? change.status });
    }
    const add = parseScopes(change.addScopes);
    let scopes: string[] | null = null;
    if (approve) {
      const key = await tx.apiKey.findUniqueOrThrow({
        where: { id: change.keyId },
        select: { id: true, type: true, environment: true, scopes: true, status: true, expiresAt: true, revokedAt: true, rotatedTo: { select: { id: true } }, organization: { select: { copaRun: true, suspendedAt: true } } },
      });
      usableOrThrow(key);
      if (key.organization.suspendedAt) throw new ServiceError("conflict", "admin.errors.scopeChangeSuspended");
      scopes = [...new Set([...parseScopes(key.scopes), ...add])];
      assertKeyPolicy({ type: key.type as KeyType, environment: key.environment as Environment, scopes, organization: key.organization, policy: await getKeyPolicy(tx) });
      await tx.apiKey.update({ where: { id: key.id }, data: { scopes: serializeScopes(scopes) } });
    }
    await recordAudit(tx, {
      action: approve ? "key.scope_change_approved" : "key.scope_change_rejected",
      actor: actorOf(admin),
      organizationId: change.organizationId,
      target: { type: "key", id: change.keyId },
      metadata: { changeId: change.id, add, note: input.note || null, firstApprovedById: change.firstApprovedById ?? null },
      ip,
    });
    if (scopes) {
      await recordAudit(tx, {
        action: "key.scopes_changed",
        actor: actorOf(admin),
        organizationId: change.organizationId,
        target: { type: "key", id: change.keyId },
        metadata: { changeId: change.id, added: add, removed: [], scopes: parseScopes(serializeScopes(scopes)) },
        ip,
      });
    }
    await notifyScopeChangeDecided(tx, { changeId: change.id });
    return { keyId: change.keyId, scopes };
  });
}

// ---- reads -----------------------------------------------------------------------------

const changeSelect = {
  id: true,
  keyId: true,
  organizationId: true,
  addScopes: true,
  removeScopes: true,
  reason: true,
  status: true,
  decisionNote: true,
  decidedAt: true,
  createdAt: true,
} as const;

/** The open scope change of a key (pending, or approved once and awaiting a second admin), if any. */
export function getPendingScopeChange(keyId: string) {
  return db.scopeChange.findFirst({ where: { keyId, status: { in: ["pending", "awaiting_second_approval"] } }, select: { ...changeSelect, firstApprovedById: true } });
}

/** One page of pending scope changes, oldest first, for the admin queue. */
export async function listPendingScopeChanges(page = 1) {
  const where = { status: { in: ["pending", "awaiting_second_approval"] } };
  const [rows, total] = await Promise.all([
    db.scopeChange.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { ...changeSelect, key: { select: { name: true, type: true, environment: true, scopes: true, organization: { select: { id: true, legalName: true } } } } },
      ...pageWindow(page),
    }),
    db.scopeChange.count({ where }),
  ]);
  return paged(rows, total, page);
}

export const KEY_HISTORY_ACTIONS = [
  "key.issued",
  "key.rotated",
  "key.revoked",
  "key.limits_changed",
  "key.scope_change_requested",
  "key.scope_change_first_approval",
  "key.scope_change_approved",
  "key.scope_change_rejected",
  "key.scope_change_withdrawn",
  "key.scopes_changed",
  "key.renamed",
  "key.ip_allowlist_changed",
  "key.grace_ended",
] as const;

/** Who acted, when no person did (the page words these in the reader's language). */
export const HISTORY_BY_SYSTEM = "keys.history.automatic";
export const HISTORY_BY_UNKNOWN = "keys.history.unknown";

/** How many history entries a key page shows (newest first); the audit log has them all. */
export const KEY_HISTORY_TAKE = 50;

/**
 * A key's history from the audit log, newest first: issue, every scope change asked,
 * decided and applied, rotation, limits, revocation. Callers have checked access. For
 * partners, an admin's entries read "COPA" (partners deal with the COPA review team).
 */
export async function getKeyHistory(keyId: string, audience: "partner" | "admin") {
  const rows = await db.auditEvent.findMany({
    where: { targetId: keyId, targetType: "key", action: { in: [...KEY_HISTORY_ACTIONS] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, action: true, actorId: true, actorEmail: true, metadata: true, createdAt: true },
    take: KEY_HISTORY_TAKE,
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
  const admins = actorIds.length ? new Set((await db.user.findMany({ where: { id: { in: actorIds }, role: "admin" }, select: { id: true } })).map((u) => u.id)) : new Set<string>();
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    metadata: r.metadata,
    createdAt: r.createdAt,
    by: !r.actorId ? HISTORY_BY_SYSTEM : audience === "partner" && admins.has(r.actorId) ? "COPA" : (r.actorEmail ?? HISTORY_BY_UNKNOWN),
  }));
}
