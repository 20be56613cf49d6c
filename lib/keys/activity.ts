// A key's recent activity as the API recorded it (lib/api/store/activity.ts): calls per
// hour and the client addresses still calling it, for the rotation view; and ending a
// rotation's grace period early, once the old key's callers have moved to the new one.
// Tenant-scoped: a key of another organisation is simply not found.
import { recordAudit } from "@/lib/audit";
import type { PartnerUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { ServiceError, notFound } from "@/lib/errors";
import { CALL_HOURS_RETENTION_DAYS, CLIENT_IP_RETENTION_DAYS, hourStart } from "@/lib/api/store/activity";
import { keyState } from "./status";

export { CALL_HOURS_RETENTION_DAYS, CLIENT_IP_RETENTION_DAYS };

/** Hours the rotation view shows, newest first. */
export const ROTATION_HOURS = 24;
/** Client addresses it lists at most, most recent first. */
export const ROTATION_IPS = 20;

const HOUR_MS = 3_600_000;

export type RotationActivity = {
  /** The old key, in its grace period. */
  oldKey: { id: string; name: string; mask: string | null; expiresAt: Date | null; lastUsedAt: Date | null };
  /** One entry per hour of the last ROTATION_HOURS hours, newest first (0 when no call). */
  hours: { hour: Date; count: number }[];
  callsLastHour: number;
  ips: { ip: string; lastSeenAt: Date; count: number }[];
  /** Addresses beyond the ones listed. */
  moreIps: number;
};

/**
 * The old key's id of the rotation `keyId` belongs to (`keyId` is the old key or its
 * successor): null when it has none, undefined when the organisation has no such key.
 */
async function oldKeyOfRotation(client: Pick<Tx, "apiKey">, organizationId: string, keyId: string): Promise<string | null | undefined> {
  const key = await client.apiKey.findFirst({
    where: { id: keyId, organizationId },
    select: { id: true, rotatedFromId: true, rotatedTo: { select: { id: true } } },
  });
  if (!key) return undefined;
  return key.rotatedTo ? key.id : key.rotatedFromId;
}

/**
 * The old key of a rotation still in its grace period, seen from either key's page
 * (`keyId` is the old key or its successor), or null when no grace period is running.
 */
export async function getRotationActivity(organizationId: string, keyId: string, now = new Date()): Promise<RotationActivity | null> {
  const oldId = await oldKeyOfRotation(db, organizationId, keyId);
  if (!oldId) return null;
  const old = await db.apiKey.findFirst({
    where: { id: oldId, organizationId },
    select: { id: true, name: true, mask: true, status: true, expiresAt: true, revokedAt: true, lastUsedAt: true },
  });
  if (!old || keyState(old, now) !== "active") return null;
  const newest = hourStart(now.getTime());
  const from = new Date(newest - (ROTATION_HOURS - 1) * HOUR_MS);
  const ipWhere = { keyId: old.id, lastSeenAt: { gte: new Date(now.getTime() - CLIENT_IP_RETENTION_DAYS * 86_400_000) } };
  const [rows, ips, ipCount] = await Promise.all([
    db.keyCallHour.findMany({ where: { keyId: old.id, hour: { gte: from } }, select: { hour: true, count: true } }),
    db.keyClientIp.findMany({ where: ipWhere, orderBy: [{ lastSeenAt: "desc" }, { ip: "asc" }], take: ROTATION_IPS, select: { ip: true, lastSeenAt: true, count: true } }),
    db.keyClientIp.count({ where: ipWhere }),
  ]);
  const byHour = new Map(rows.map((r) => [r.hour.getTime(), r.count]));
  const hours = Array.from({ length: ROTATION_HOURS }, (_, i) => {
    const at = newest - i * HOUR_MS;
    return { hour: new Date(at), count: byHour.get(at) ?? 0 };
  });
  return {
    oldKey: { id: old.id, name: old.name, mask: old.mask, expiresAt: old.expiresAt, lastUsedAt: old.lastUsedAt },
    hours,
    callsLastHour: callsSince(hours, now.getTime() - HOUR_MS),
    ips,
    moreIps: Math.max(0, ipCount - ips.length),
  };
}

/** Calls in the hour buckets that overlap [since, now] (the current and, partly, the previous hour). */
function callsSince(hours: { hour: Date; count: number }[], since: number) {
  return hours.filter((h) => h.hour.getTime() + HOUR_MS > since).reduce((sum, h) => sum + h.count, 0);
}

/**
 * Ends a rotation's grace period now: the old key (`keyId` is the old key or its
 * successor) is revoked at once, and answers 401 from the next call. Audited in the same
 * transaction with the calls it still had in the last hour, so the record shows whether
 * its callers had moved.
 */
export async function endGracePeriod(keyId: string, user: PartnerUser, ip: string | null, now = new Date()) {
  const orgId = user.membership.organizationId;
  return db.$transaction(async (tx) => {
    const oldId = await oldKeyOfRotation(tx, orgId, keyId);
    if (oldId === undefined) throw notFound();
    const old = oldId
      ? await tx.apiKey.findFirst({ where: { id: oldId, organizationId: orgId }, select: { id: true, mask: true, status: true, expiresAt: true, revokedAt: true, rotatedTo: { select: { id: true } } } })
      : null;
    if (!old || !old.rotatedTo || keyState(old, now) !== "active") throw new ServiceError("conflict", "keys.errors.noGracePeriod");
    const since = new Date(hourStart(now.getTime() - 3_600_000));
    const recent = await tx.keyCallHour.findMany({ where: { keyId: old.id, hour: { gte: since } }, select: { hour: true, count: true } });
    const updated = await tx.apiKey.updateMany({
      where: { id: old.id, organizationId: orgId, status: "active", revokedAt: null },
      data: { status: "revoked", revokedAt: now, revokedReason: "Rotation grace period ended", revokedById: user.id },
    });
    if (updated.count !== 1) throw new ServiceError("conflict", "keys.errors.noGracePeriod");
    await recordAudit(tx, {
      action: "key.grace_ended",
      actor: { id: user.id, email: user.email },
      organizationId: orgId,
      target: { type: "key", id: old.id },
      metadata: {
        mask: old.mask,
        newKeyId: old.rotatedTo.id,
        graceWasUntil: old.expiresAt?.toISOString() ?? null,
        callsLastHour: callsSince(recent, now.getTime() - 3_600_000),
      },
      ip,
    });
    return { oldKeyId: old.id };
  });
}
