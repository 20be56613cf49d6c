// An organisation's activity log: the audit events about its requests, keys, team and
// standing. Partners see their own members by e-mail; COPA's staff appear as "COPA staff"
// without their address or IP, as a bank's statement names the bank, not the clerk.
import type { Prisma } from "@/lib/generated/sqlite/client";
import { db } from "@/lib/db";

const PREFIXES = ["organization.", "member.", "request.", "key."];

export const COPA_STAFF = "COPA staff";

export function partnerActivityWhere(organizationId: string): Prisma.AuditEventWhereInput {
  return { organizationId, OR: PREFIXES.map((prefix) => ({ action: { startsWith: prefix } })) };
}

type Event = { actorId: string | null; actorEmail: string | null; ip: string | null };

/** Hides COPA admins' identity and address in a batch of events (one query per batch). */
export async function redactStaff<T extends Event>(rows: T[]): Promise<T[]> {
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
  const staff = actorIds.length ? await db.user.findMany({ where: { id: { in: actorIds }, role: "admin" }, select: { id: true } }) : [];
  const staffIds = new Set(staff.map((s) => s.id));
  return rows.map((r) => (r.actorId && staffIds.has(r.actorId) ? { ...r, actorId: null, actorEmail: COPA_STAFF, ip: null } : r));
}
