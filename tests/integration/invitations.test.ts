// Invitations with consent and leaving an organisation, through the real services, the
// outbox and the actions called directly: nobody joins without accepting, links are
// hashed, one-time and expire after 7 days, and the wrong person changes nothing.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());

const { actAs } = await import("../support/request");
const { db } = await import("@/lib/db");
const { makePartner } = await import("../support/factories");
const { signUp } = await import("@/lib/accounts/service");
const { hashToken } = await import("@/lib/accounts/tokens");
const { acceptInvitation, inviteMember, leaveOrganization, resendInvitation, revokeInvitation, INVITATION_LIFETIME_MS, listPendingInvitations } = await import("@/lib/organizations/invitations");
const teamActions = await import("@/app/(partner)/team/actions");
const acceptActions = await import("@/app/(auth)/invitations/accept/actions");

const address = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 8)}@bank.test`;
type Partner = Awaited<ReturnType<typeof makePartner>>;

async function invite(owner: Partner, email: string, role: "owner" | "developer" | "viewer" = "developer") {
  const { id } = await inviteMember({ email, role }, owner, null);
  const mail = await db.mailMessage.findFirstOrThrow({ where: { to: email, template: "invitation" }, orderBy: { createdAt: "desc" } });
  return { id, token: mail.secret!, mail };
}

async function newUser(email: string) {
  const { id } = await signUp({ name: "Invitee", email, password: "correct horse battery" });
  return { id, email, name: "Invitee", role: "partner" as const, membership: null };
}

describe("invitations", () => {
  it("an invitation is a mail with a hashed one-time link, not a membership", async () => {
    const owner = await makePartner();
    const email = address("invitee");
    const { id, token, mail } = await invite(owner, email, "viewer");
    expect(mail.subject).toBe(`Test Partner invited you to ${owner.membership.organization.legalName} on the COPA Developer Portal`);
    expect(JSON.parse(mail.params)).toMatchObject({ role: "Viewer", organizationName: owner.membership.organization.legalName });
    const row = await db.invitation.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(Math.abs(row.expiresAt.getTime() - Date.now() - INVITATION_LIFETIME_MS)).toBeLessThan(10_000);
    expect(await db.membership.count({ where: { organizationId: owner.membership.organizationId } })).toBe(1);
    expect((await listPendingInvitations(owner.membership.organizationId)).map((i) => i.email)).toEqual([email]);
  });

  it("a new user signs up and accepts: member with the invited role, address confirmed, link spent", async () => {
    const owner = await makePartner();
    const email = address("newbie");
    const { token } = await invite(owner, email, "viewer");
    const user = await newUser(email);
    await acceptInvitation(token, user, null);
    const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id } });
    expect(membership).toMatchObject({ organizationId: owner.membership.organizationId, role: "viewer" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeInstanceOf(Date);
    expect(await db.auditEvent.count({ where: { targetId: membership.id, action: "member.added" } })).toBe(1);
    await expect(acceptInvitation(token, user, null)).rejects.toThrow(/team.errors.invitationUnusable/);
    expect(await listPendingInvitations(owner.membership.organizationId)).toEqual([]);
  });

  it("someone signed in with another address cannot accept, and nothing changes", async () => {
    const owner = await makePartner();
    const { token, id } = await invite(owner, address("intended"));
    const other = await newUser(address("other"));
    await expect(acceptInvitation(token, other, null)).rejects.toThrow(/team.errors.otherAddress/);
    expect(await db.membership.count({ where: { userId: other.id } })).toBe(0);
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).acceptedAt).toBeNull();
  });

  it("a member of another organisation is told to leave it first; after leaving, the same link works", async () => {
    const owner = await makePartner();
    const otherOwner = await makePartner();
    const member = await makePartner("developer", { organizationId: otherOwner.membership.organizationId });
    const { token } = await invite(owner, member.email);
    await expect(acceptInvitation(token, member, null)).rejects.toMatchObject({ message: "team.errors.alreadyInOrganisation", values: { organization: otherOwner.membership.organization.legalName } });
    expect(await db.membership.count({ where: { userId: member.id } })).toBe(1);
    await leaveOrganization(member, null);
    expect(await db.membership.count({ where: { userId: member.id } })).toBe(0);
    await acceptInvitation(token, { ...member, membership: null }, null);
    expect((await db.membership.findFirstOrThrow({ where: { userId: member.id } })).organizationId).toBe(owner.membership.organizationId);
  });

  it("an expired or revoked link is refused; resending gives a new link and kills the old one", async () => {
    const owner = await makePartner();
    const email = address("late");
    const first = await invite(owner, email);
    const user = await newUser(email);
    await expect(acceptInvitation(first.token, user, null, new Date(Date.now() + INVITATION_LIFETIME_MS + 60_000))).rejects.toThrow(/team.errors.invitationUnusable/);

    await resendInvitation({ invitationId: first.id }, owner, null);
    const second = (await db.mailMessage.findFirstOrThrow({ where: { to: email, template: "invitation" }, orderBy: { createdAt: "desc" } })).secret!;
    expect(second).not.toBe(first.token);
    await expect(acceptInvitation(first.token, user, null)).rejects.toThrow(/team.errors.invitationUnusable/);

    await revokeInvitation({ invitationId: first.id }, owner, null);
    await expect(acceptInvitation(second, user, null)).rejects.toThrow(/team.errors.invitationUnusable/);
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("another organisation's owner cannot resend or revoke, even with the id", async () => {
    const owner = await makePartner();
    const stranger = await makePartner();
    const { id } = await invite(owner, address("target"));
    await expect(resendInvitation({ invitationId: id }, stranger, null)).rejects.toThrow(/team.errors.invitationNotPending/);
    await expect(revokeInvitation({ invitationId: id }, stranger, null)).rejects.toThrow(/team.errors.invitationNotPending/);
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
  });

  it("inviting a current member or oneself is a field error that writes nothing", async () => {
    const owner = await makePartner();
    const dev = await makePartner("developer", { organizationId: owner.membership.organizationId });
    await expect(inviteMember({ email: dev.email, role: "viewer" }, owner, null)).rejects.toThrow(/team.errors.alreadyMember/);
    await expect(inviteMember({ email: owner.email, role: "viewer" }, owner, null)).rejects.toThrow(/team.errors.alreadyInTeam/);
    expect(await db.invitation.count({ where: { organizationId: owner.membership.organizationId } })).toBe(0);
  });
});

describe("leaving an organisation", () => {
  it("the last owner cannot leave; a developer can, and may then create their own", async () => {
    const owner = await makePartner();
    const dev = await makePartner("developer", { organizationId: owner.membership.organizationId });
    await expect(leaveOrganization(owner, null)).rejects.toThrow(/team.errors.onlyOwner/);
    await leaveOrganization(dev, null);
    expect(await db.membership.count({ where: { userId: dev.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "member.left", organizationId: owner.membership.organizationId } })).toBe(1);
  });
});

describe("actions called directly", () => {
  it("refuse the wrong caller and change nothing", async () => {
    const owner = await makePartner();
    const dev = await makePartner("developer", { organizationId: owner.membership.organizationId });
    const email = address("direct");
    const { id, token } = await invite(owner, email);

    await actAs(null);
    expect(await acceptActions.acceptInvitationAction({ token })).toMatchObject({ ok: false, error: expect.stringMatching(/session has ended/) });
    expect(await teamActions.leaveOrganizationAction({})).toMatchObject({ ok: false, error: expect.stringMatching(/session has ended/) });

    await actAs(dev);
    expect(await teamActions.revokeInvitationAction({ invitationId: id })).toMatchObject({ ok: false, error: expect.stringContaining("cannot do this") });
    expect(await teamActions.resendInvitationAction({ invitationId: id })).toMatchObject({ ok: false, error: expect.stringContaining("cannot do this") });
    expect(await acceptActions.acceptInvitationAction({ token })).toMatchObject({ ok: false, error: expect.stringMatching(/sent to another address/) });
    expect((await db.invitation.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();

    const invitee = await newUser(email);
    await actAs(invitee);
    expect(await acceptActions.acceptInvitationAction({ token })).toEqual({ ok: true, data: null });
    expect(await db.membership.count({ where: { userId: invitee.id, organizationId: owner.membership.organizationId } })).toBe(1);
  });
});
