// An organisation's team: who may see and manage its keys. People join only by accepting
// an invitation (./invitations.ts). Owners manage the team; every
// query is scoped to the caller's own organisation, and an organisation always keeps at
// least one owner (otherwise nobody could manage it any more). Each change writes its
// audit event in the same transaction.
import { recordAudit } from "@/lib/audit";
import type { PartnerUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { paged, pageWindow } from "@/lib/paging";
import type { MemberRole } from "./member-schemas";

const actorOf = (user: PartnerUser) => ({ id: user.id, email: user.email });

/** One page of the team, earliest members first (stable on equal timestamps). */
export async function listOrganizationMembers(organizationId: string, page = 1) {
  const where = { organizationId };
  const [rows, total] = await Promise.all([
    db.membership.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true, lastSignInAt: true } } },
      ...pageWindow(page),
    }),
    db.membership.count({ where }),
  ]);
  return paged(rows, total, page);
}

async function assertAnotherOwner(tx: Tx, organizationId: string, exceptMembershipId: string) {
  const owners = await tx.membership.count({ where: { organizationId, role: "owner", id: { not: exceptMembershipId } } });
  if (owners === 0) throw conflict("team.errors.needsOwner");
}

export async function changeMemberRole(input: { membershipId: string; role: MemberRole }, owner: PartnerUser, ip: string | null) {
  const orgId = owner.membership.organizationId;
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: input.membershipId, organizationId: orgId }, select: { id: true, role: true, userId: true } });
    if (!membership) throw notFound();
    if (membership.role === input.role) return;
    if (membership.role === "owner") await assertAnotherOwner(tx, orgId, membership.id);
    await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } });
    await recordAudit(tx, {
      action: "member.role_changed",
      actor: actorOf(owner),
      organizationId: orgId,
      target: { type: "membership", id: membership.id },
      metadata: { userId: membership.userId, from: membership.role, to: input.role },
      ip,
    });
  });
}

/** Removes a member; their access ends on their next request (membership is re-read each time). */
export async function removeMember(input: { membershipId: string }, owner: PartnerUser, ip: string | null) {
  const orgId = owner.membership.organizationId;
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: input.membershipId, organizationId: orgId }, select: { id: true, role: true, userId: true } });
    if (!membership) throw notFound();
    if (membership.role === "owner") await assertAnotherOwner(tx, orgId, membership.id);
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, {
      action: "member.removed",
      actor: actorOf(owner),
      organizationId: orgId,
      target: { type: "membership", id: membership.id },
      metadata: { userId: membership.userId, role: membership.role },
      ip,
    });
  });
}
