// Invitations with consent: the only way into an existing organisation. An owner invites
// an address with a role; the mail's one-time link (7 days, stored as SHA-256) lets the
// person at that address accept, after signing up if they have no account. Owners see
// pending invitations, resend (a new link; the old one stops working) or revoke them.
// Creating an invitation answers the same for every address (new, existing, in another
// organisation, COPA staff), so the team form tells an owner nothing about who has an
// account; the reasons someone cannot join are told to that person when they accept.
// Messages are keys (team.errors.*); the action wrapper translates them.
import { randomBytes } from "node:crypto";
import { hashToken } from "@/lib/accounts/tokens";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser, PartnerUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { ServiceError, conflict, notFound } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { MEMBER_ROLES, type MemberRole } from "./member-schemas";

export const INVITATION_LIFETIME_MS = 7 * 24 * 3600_000;
/** Pending invitations an organisation may have at once (the team page lists them all). */
export const MAX_PENDING_INVITATIONS = 50;

const actorOf = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });
const roleLabel = (role: string) => MEMBER_ROLES.find((r) => r.id === role)?.label ?? role;
const pendingWhere = (now: Date) => ({ acceptedAt: null, revokedAt: null, expiresAt: { gt: now } });

async function mailInvitation(tx: Tx, invitation: { id: string; email: string; role: string; expiresAt: Date }, organizationName: string, inviter: { name: string }, token: string) {
  await enqueueMail(tx, {
    to: invitation.email,
    template: "invitation",
    params: { organizationName, inviterName: inviter.name, role: roleLabel(invitation.role), expiresOn: invitation.expiresAt.toISOString().slice(0, 10) },
    secret: token,
  });
}

/** Invites an address (again: a pending invitation to it is replaced, with a fresh link). */
export async function inviteMember(input: { email: string; role: MemberRole }, owner: PartnerUser, ip: string | null, now = new Date()) {
  const orgId = owner.membership.organizationId;
  if (input.email === owner.email.toLowerCase()) throw new ServiceError("invalid", "team.errors.alreadyInTeam", { email: "team.errors.ownAddress" });
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { organizationId: orgId, user: { email: input.email } }, select: { id: true } });
    if (member) throw new ServiceError("conflict", "team.errors.alreadyMember", { email: "team.errors.alreadyMemberField" });
    await tx.invitation.updateMany({ where: { organizationId: orgId, email: input.email, ...pendingWhere(now) }, data: { revokedAt: now } });
    const pending = await tx.invitation.count({ where: { organizationId: orgId, ...pendingWhere(now) } });
    if (pending >= MAX_PENDING_INVITATIONS) throw new ServiceError("conflict", "team.errors.tooManyInvitations", undefined, undefined, { max: MAX_PENDING_INVITATIONS });
    const token = randomBytes(32).toString("base64url");
    const invitation = await tx.invitation.create({
      data: { organizationId: orgId, email: input.email, role: input.role, tokenHash: hashToken(token), invitedById: owner.id, expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS) },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    await mailInvitation(tx, invitation, owner.membership.organization.legalName, owner, token);
    await recordAudit(tx, { action: "invitation.created", actor: actorOf(owner), organizationId: orgId, target: { type: "invitation", id: invitation.id }, metadata: { email: input.email, role: input.role }, ip });
    return { id: invitation.id };
  });
}

/** A new link for a pending invitation, valid 7 days from now; the old link stops working. */
export async function resendInvitation(input: { invitationId: string }, owner: PartnerUser, ip: string | null, now = new Date()) {
  const orgId = owner.membership.organizationId;
  await db.$transaction(async (tx) => {
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
    // Pending or expired (not accepted, not revoked) invitations of this organisation only.
    const updated = await tx.invitation.updateMany({ where: { id: input.invitationId, organizationId: orgId, acceptedAt: null, revokedAt: null }, data: { tokenHash: hashToken(token), expiresAt } });
    if (updated.count !== 1) throw notFound("team.errors.invitationNotPending");
    const invitation = await tx.invitation.findUniqueOrThrow({ where: { id: input.invitationId }, select: { id: true, email: true, role: true, expiresAt: true } });
    await mailInvitation(tx, invitation, owner.membership.organization.legalName, owner, token);
    await recordAudit(tx, { action: "invitation.resent", actor: actorOf(owner), organizationId: orgId, target: { type: "invitation", id: invitation.id }, metadata: { email: invitation.email }, ip });
  });
}

export async function revokeInvitation(input: { invitationId: string }, owner: PartnerUser, ip: string | null, now = new Date()) {
  const orgId = owner.membership.organizationId;
  await db.$transaction(async (tx) => {
    const updated = await tx.invitation.updateMany({ where: { id: input.invitationId, organizationId: orgId, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    if (updated.count !== 1) throw notFound("team.errors.invitationNotPending");
    await recordAudit(tx, { action: "invitation.revoked", actor: actorOf(owner), organizationId: orgId, target: { type: "invitation", id: input.invitationId }, ip });
  });
}

/** The organisation's pending (or expired, not yet cleaned up) invitations, newest first; bounded by MAX_PENDING_INVITATIONS. */
export async function listPendingInvitations(organizationId: string, now = new Date()) {
  const rows = await db.invitation.findMany({
    where: { organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date(now.getTime() - INVITATION_LIFETIME_MS) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_PENDING_INVITATIONS,
    select: { id: true, email: true, role: true, createdAt: true, expiresAt: true },
  });
  return rows.map((r) => ({ ...r, expired: r.expiresAt <= now }));
}

const UNUSABLE = "team.errors.invitationUnusable";

/** What the accept page shows about a link (nothing when it is not usable). */
export async function describeInvitation(token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = await db.invitation.findFirst({
    where: { tokenHash: hashToken(token), ...pendingWhere(now) },
    select: { email: true, role: true, expiresAt: true, organization: { select: { legalName: true } } },
  });
  return row ? { email: row.email, role: roleLabel(row.role), expiresAt: row.expiresAt, organizationName: row.organization.legalName } : null;
}

/**
 * Accepts an invitation as the signed-in user. The link must be pending, sent to this
 * user's address, and the user must not be in an organisation already (accounts belong
 * to one; leave the other first) nor be COPA staff. Accepting also confirms the address:
 * the link could only be read in its mailbox.
 */
export async function acceptInvitation(token: string, user: CurrentUser, ip: string | null, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new ServiceError("invalid", UNUSABLE);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { tokenHash: hashToken(token), ...pendingWhere(now) }, select: { id: true, organizationId: true, email: true, role: true } });
    if (!invitation) throw new ServiceError("invalid", UNUSABLE);
    if (invitation.email !== user.email.toLowerCase()) {
      throw new ServiceError("forbidden", "team.errors.otherAddress");
    }
    if (user.role === "admin") throw new ServiceError("forbidden", "team.errors.staffCannotJoin");
    const current = await tx.membership.findFirst({ where: { userId: user.id }, select: { organization: { select: { legalName: true } } } });
    if (current) {
      throw new ServiceError("conflict", "team.errors.alreadyInOrganisation", undefined, undefined, { organization: current.organization.legalName });
    }
    // Conditional: two accepts of the same link at once cannot both win.
    const used = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null }, data: { acceptedAt: now, acceptedById: user.id } });
    if (used.count !== 1) throw new ServiceError("invalid", UNUSABLE);
    const membership = await tx.membership.create({ data: { userId: user.id, organizationId: invitation.organizationId, role: invitation.role }, select: { id: true } });
    await tx.user.updateMany({ where: { id: user.id, emailVerifiedAt: null }, data: { emailVerifiedAt: now } });
    await recordAudit(tx, {
      action: "member.added",
      actor: actorOf(user),
      organizationId: invitation.organizationId,
      target: { type: "membership", id: membership.id },
      metadata: { userId: user.id, role: invitation.role, invitationId: invitation.id },
      ip,
    });
    return { organizationId: invitation.organizationId };
  });
}

/** Leaves the caller's organisation. The last owner cannot: the organisation needs one. */
export async function leaveOrganization(user: PartnerUser, ip: string | null) {
  const orgId = user.membership.organizationId;
  await db.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({ where: { id: user.membership.id, userId: user.id, organizationId: orgId }, select: { id: true, role: true } });
    if (!membership) throw notFound();
    if (membership.role === "owner") {
      const owners = await tx.membership.count({ where: { organizationId: orgId, role: "owner", id: { not: membership.id } } });
      if (owners === 0) throw conflict("team.errors.onlyOwner");
    }
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(tx, { action: "member.left", actor: actorOf(user), organizationId: orgId, target: { type: "membership", id: membership.id }, metadata: { userId: user.id, role: membership.role }, ip });
  });
}
