// Notifications (issue 10, item 7): an in-app entry plus, unless the user's preference
// turns that kind off, a mail, written in the transaction of the change; recipients are
// exactly the organisation's owners and developers (admins for new requests); the
// admins' daily digest is sent once across concurrent scheduler passes; a user marks
// only their own notifications read.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { actAs } = await import("../support/request");
const { createDb, db } = await import("@/lib/db");
const { makeAdmin, makePartner } = await import("../support/factories");
const { submitAccessRequest, approveAccessRequest, rejectAccessRequest } = await import("@/lib/requests/service");
const { accessRequestSchema, approveRequestSchema } = await import("@/lib/requests/schemas");
const { revokeKey } = await import("@/lib/keys/service");
const { setKeyRateLimits } = await import("@/lib/usage/limits");
const { suspendOrganization, reactivateOrganization } = await import("@/lib/admin/organizations");
const { notify, organizationRecipients } = await import("@/lib/notifications");
const { savePreferences, listNotifications, countUnread } = await import("@/lib/notifications/service");
const { sendDueDigests } = await import("@/lib/notifications/digest");
const { markNotificationReadAction, markAllNotificationsReadAction } = await import("@/app/(partner)/notifications/actions");
const { saveNotificationPreferencesAction } = await import("@/app/(partner)/account/actions");
const { requestChanges, resubmitAccessRequest, approveOrRecordFirstApproval, confirmAccessRequest } = await import("@/lib/requests/service");
const { requestChangesSchema, resubmitRequestSchema } = await import("@/lib/requests/schemas");
const { requestScopeChange, decideScopeChange } = await import("@/lib/keys/scope-changes");
const { scopeChangeDecisionSchema, scopeChangeRequestSchema } = await import("@/lib/keys/schemas");

const DAY = 24 * 3600_000;

const notes = (userId: string, kind: string) => db.notification.findMany({ where: { userId, kind } });
const mails = (to: string, template: string) => db.mailMessage.findMany({ where: { to, template } });

async function team() {
  const owner = await makePartner("owner");
  const developer = await makePartner("developer", { organizationId: owner.membership.organizationId });
  const viewer = await makePartner("viewer", { organizationId: owner.membership.organizationId });
  const stranger = await makePartner("owner"); // another organisation
  return { owner, developer, viewer, stranger };
}

async function submit(partner: Awaited<ReturnType<typeof makePartner>>, keyName = "Notified key") {
  const input = accessRequestSchema.parse({
    keyName,
    keyType: "partner",
    environment: "sandbox",
    useCase: "Integration tests of notifications: approvals, rejections and digests.",
    scopes: ["cooperatives:read", "members:read"],
    justifications: {},
  });
  return submitAccessRequest(input, partner, null);
}

describe("notifications", () => {
  it("an approval notifies exactly the organisation's owners and developers, in-app and by mail, with granted versus requested scopes and expiry", async () => {
    const { owner, developer, viewer, stranger } = await team();
    const admin = await makeAdmin();
    const { id } = await submit(owner);
    // Admins hear of the new request (instant mail by default).
    expect(await notes(admin.id, "request_submitted")).toHaveLength(1);
    expect((await mails(admin.email, "request_submitted"))[0].subject).toContain(owner.membership.organization.legalName);

    const { keyId } = await approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read"], expiry: "90" }), admin, null);
    for (const user of [owner, developer]) {
      const [note] = await notes(user.id, "request_approved");
      expect(note.link).toBe(`/keys/${keyId}`);
      expect(note.body).toContain("Granted: cooperatives:read (requested: cooperatives:read, members:read)");
      expect(note.readAt).toBeNull();
      const [mail] = await mails(user.email, "request_approved");
      expect(mail.subject).toBe('Your request for "Notified key" was approved');
      const params = JSON.parse(mail.params);
      expect(params).toMatchObject({ grantedScopes: "cooperatives:read", requestedScopes: "cooperatives:read, members:read" });
      // Stored as data (ISO, UTC); the mail shows it in its reader's language and Rwanda's time zone.
      expect(params.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    expect(await db.notification.count({ where: { userId: { in: [viewer.id, stranger.id] } } })).toBe(0);
    expect(await db.mailMessage.count({ where: { to: { in: [viewer.email, stranger.email] }, template: { not: "verify_email" } } })).toBe(0);
    expect((await organizationRecipients(db as never, owner.membership.organizationId)).map((r) => r.id).sort()).toEqual([owner.id, developer.id].sort());
  });

  it("a rejection carries the reason; an admin's revocation, limit change, suspension and reactivation notify; a partner's own revocation does not", async () => {
    const { owner, developer, viewer } = await team();
    const admin = await makeAdmin();
    const rejected = await submit(owner, "Rejected key");
    await rejectAccessRequest({ requestId: rejected.id, reason: "Production needs a signed data-sharing agreement." }, admin, null);
    expect((await notes(developer.id, "request_rejected"))[0].body).toBe("Reason: Production needs a signed data-sharing agreement.");
    expect(JSON.parse((await mails(owner.email, "request_rejected"))[0].params).reason).toBe("Production needs a signed data-sharing agreement.");

    const { id } = await submit(owner);
    const { keyId } = await approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read"] }), admin, null);
    await setKeyRateLimits({ keyId, rateLimitHour: 500, rateLimitDay: null }, admin, null);
    expect((await notes(owner.id, "key_limits_changed"))[0].body).toBe("500 per hour, the default per day.");
    await revokeKey({ keyId, confirmName: "Notified key", reason: "Leaked in a public repository" }, admin, { admin: true }, null);
    expect((await notes(developer.id, "key_revoked"))[0].body).toContain("Leaked in a public repository");
    expect(await mails(owner.email, "key_revoked")).toHaveLength(1);

    const own = await submit(owner, "Own key");
    const ownKey = await approveAccessRequest(approveRequestSchema.parse({ requestId: own.id, grantedScopes: ["cooperatives:read"] }), admin, null);
    await revokeKey({ keyId: ownKey.keyId, confirmName: "Own key" }, owner, { organizationId: owner.membership.organizationId }, null);
    expect(await notes(owner.id, "key_revoked")).toHaveLength(1); // still only COPA's

    const orgId = owner.membership.organizationId;
    await suspendOrganization({ organizationId: orgId, reason: "Unpaid invoices for three months" }, admin, null);
    await reactivateOrganization({ organizationId: orgId }, admin, null);
    for (const kind of ["organization_suspended", "organization_reactivated"]) {
      expect(await notes(owner.id, kind)).toHaveLength(1);
      expect(await mails(developer.email, kind)).toHaveLength(1);
      expect(await notes(viewer.id, kind)).toHaveLength(0);
    }
  });

  it("notification and mail are written in the change's transaction and roll back with it", async () => {
    const { owner } = await team();
    const before = { n: await db.notification.count(), m: await db.mailMessage.count() };
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, await organizationRecipients(tx, owner.membership.organizationId), "organization_reactivated", { organizationName: "X" });
        expect(await tx.notification.count({ where: { userId: owner.id } })).toBe(1);
        throw new Error("the change fails after notifying");
      }),
    ).rejects.toThrow("the change fails");
    expect({ n: await db.notification.count(), m: await db.mailMessage.count() }).toEqual(before);

    // A real refused change: rejecting an already-decided request notifies nobody again.
    const admin = await makeAdmin();
    const { id } = await submit(owner);
    await rejectAccessRequest({ requestId: id, reason: "Not for this use case, sorry." }, admin, null);
    await expect(rejectAccessRequest({ requestId: id, reason: "A second decision that must fail." }, admin, null)).rejects.toThrow(/already/);
    expect(await notes(owner.id, "request_rejected")).toHaveLength(1);
    expect(await mails(owner.email, "request_rejected")).toHaveLength(1);
  });

  it("a kind turned off by mail still appears in-app; an admin on the digest gets no instant mail", async () => {
    const { owner, developer } = await team();
    await savePreferences(developer, { mail: ["request_approved"] }); // everything else off
    await savePreferences(owner, { mail: ["request_rejected", "request_approved"] });
    const admin = await makeAdmin();
    await savePreferences(admin, { mail: ["request_submitted"], newRequestMail: "digest" });
    const { id } = await submit(owner);
    expect(await notes(admin.id, "request_submitted")).toHaveLength(1);
    expect(await mails(admin.email, "request_submitted")).toHaveLength(0);
    await rejectAccessRequest({ requestId: id, reason: "Please describe the integration." }, admin, null);
    expect(await notes(developer.id, "request_rejected")).toHaveLength(1);
    expect(await mails(developer.email, "request_rejected")).toHaveLength(0);
    expect(await mails(owner.email, "request_rejected")).toHaveLength(1);
    // A partner cannot choose the admins' digest: the field is ignored for them.
    const saved = await savePreferences(owner, { mail: [], newRequestMail: "digest" });
    expect(saved.newRequestMail).toBe("instant");
  });

  it("the daily digest goes once per admin and day, across two concurrent passes, listing the new requests", async () => {
    const { owner } = await team();
    const admin = await makeAdmin();
    await savePreferences(admin, { mail: ["request_submitted"], newRequestMail: "digest" });
    const at = new Date(Date.now() + 3 * DAY);
    at.setUTCHours(7, 0, 0, 0);
    const { id } = await submit(owner, "Digest key");
    await db.accessRequest.update({ where: { id }, data: { createdAt: new Date(at.getTime() - 3600_000) } });

    const early = new Date(at);
    early.setUTCHours(5, 0, 0, 0);
    expect(await sendDueDigests(early)).toBe(0);

    const isPostgres = process.env.DATABASE_URL!.startsWith("postgres");
    const second = isPostgres ? createDb(process.env.DATABASE_URL!) : db;
    await Promise.all([sendDueDigests(at), sendDueDigests(at, second), sendDueDigests(new Date(at.getTime() + 60_000))]);
    if (isPostgres) await second.$disconnect();
    const digests = await mails(admin.email, "request_digest");
    expect(digests).toHaveLength(1);
    expect(JSON.parse(digests[0].params).items).toContainEqual({ organizationName: owner.membership.organization.legalName, keyName: "Digest key", environment: "sandbox" });

    // The next day: nothing new since the last digest, so the day is recorded without a mail.
    await sendDueDigests(new Date(at.getTime() + DAY));
    expect(await mails(admin.email, "request_digest")).toHaveLength(1);
    expect(await db.requestDigest.count({ where: { userId: admin.id } })).toBe(2);
  });

  it("the list pages newest first; mark one and all as read act only on the caller's own notifications", async () => {
    const { owner, developer } = await team();
    for (let i = 0; i < 23; i++) {
      await db.notification.create({ data: { userId: owner.id, kind: "request_approved", title: `n${i}`, body: "b", link: "/keys", createdAt: new Date(Date.now() + i * 1000) } });
    }
    const first = await listNotifications(owner.id, 1);
    expect(first.total).toBe(23);
    expect(first.rows).toHaveLength(20);
    expect(first.rows[0].title).toBe("n22");
    expect((await listNotifications(owner.id, 2)).rows.map((r) => r.title)).toEqual(["n2", "n1", "n0"]);
    expect(await countUnread(owner.id)).toBe(23);

    const target = first.rows[0].id;
    await actAs(developer); // same organisation, another user
    const refused = await markNotificationReadAction({ notificationId: target });
    expect(refused).toMatchObject({ ok: false });
    expect((await markAllNotificationsReadAction({})) as unknown).toEqual({ ok: true, data: { marked: 0 } });
    expect(await countUnread(owner.id)).toBe(23);

    await actAs(null);
    expect(await markNotificationReadAction({ notificationId: target })).toMatchObject({ ok: false, error: expect.stringMatching(/sign in/) });

    await actAs(owner);
    expect(await markNotificationReadAction({ notificationId: target })).toEqual({ ok: true, data: { link: "/keys" } });
    expect(await countUnread(owner.id)).toBe(22);
    expect(await markAllNotificationsReadAction({})).toEqual({ ok: true, data: { marked: 22 } });
    expect(await countUnread(owner.id)).toBe(0);

    // Preferences are the caller's own, and validated.
    expect(await saveNotificationPreferencesAction({ mail: ["not_a_kind"] } as never)).toMatchObject({ ok: false });
    expect(await saveNotificationPreferencesAction({ mail: ["key_revoked"] })).toMatchObject({ ok: true });
    expect(JSON.parse((await db.notificationPreference.findUniqueOrThrow({ where: { userId: owner.id } })).mailOff)).not.toContain("key_revoked");
    expect(await db.notificationPreference.findUnique({ where: { userId: developer.id } })).toBeNull();
  });

  it("the review workflow: changes requested and scope-change decisions to the organisation; resubmissions, scope changes and second approvals to admins (not the first approver)", async () => {
    const { owner, developer, viewer } = await team();
    const [first, second] = [await makeAdmin(), await makeAdmin()];
    const raw = { keyName: "Reviewed key", keyType: "partner", environment: "sandbox", useCase: "Integration tests of notifications: approvals, rejections and digests.", scopes: ["cooperatives:read"], justifications: {} } as const;
    const { id } = await submit(owner, "Reviewed key");
    await requestChanges(requestChangesSchema.parse({ requestId: id, message: "Which branches will use this key?" }), first, null);
    expect((await notes(developer.id, "request_changes_requested"))[0]).toMatchObject({ body: "Which branches will use this key?", link: `/requests/${id}` });
    expect(await mails(owner.email, "request_changes_requested")).toHaveLength(1);
    expect(await notes(viewer.id, "request_changes_requested")).toHaveLength(0);

    await resubmitAccessRequest(resubmitRequestSchema.parse({ requestId: id, message: "All branches.", request: raw }), owner, null);
    for (const admin of [first, second]) expect(await notes(admin.id, "request_resubmitted")).toHaveLength(1);

    // Two-person rule: a production write grant waits for a second admin, who is told; the first is not.
    const prod = await submitAccessRequest(
      accessRequestSchema.parse({ ...raw, keyName: "Payments key", environment: "production", scopes: ["cooperatives:read", "payments:write"], justifications: { "payments:write": "Branch agents record repayments collected in cash." } }),
      owner,
      null,
    );
    await approveOrRecordFirstApproval(approveRequestSchema.parse({ requestId: prod.id, grantedScopes: ["cooperatives:read", "payments:write"] }), first, null);
    expect(await notes(second.id, "second_approval_needed")).toHaveLength(1);
    expect(await notes(first.id, "second_approval_needed")).toHaveLength(0);
    expect(await notes(owner.id, "request_approved")).toHaveLength(0);
    const { keyId } = await confirmAccessRequest(prod.id, second, null);
    expect((await notes(owner.id, "request_approved"))[0].link).toBe(`/keys/${keyId}`);

    // A scope change on a live sandbox key: admins are told, then the organisation.
    const { id: sandboxId } = await submit(owner, "Scoped key");
    const sandbox = await approveAccessRequest(approveRequestSchema.parse({ requestId: sandboxId, grantedScopes: ["cooperatives:read"] }), first, null);
    await db.apiKey.update({ where: { id: sandbox.keyId }, data: { status: "active", hash: "h".repeat(64), mask: "sk_copa_test_…test" } });
    const { changeId } = await requestScopeChange(scopeChangeRequestSchema.parse({ keyId: sandbox.keyId, add: ["members:read"], remove: [], reason: "Our loan officers now check membership too." }), owner, null);
    expect((await notes(second.id, "scope_change_requested"))[0].body).toContain("Add: members:read");
    await decideScopeChange(scopeChangeDecisionSchema.parse({ changeId, decision: "approve" }), second, null);
    expect((await notes(developer.id, "scope_change_decided"))[0].title).toBe('Scope change approved for "Scoped key"');
    expect(await notes(viewer.id, "scope_change_decided")).toHaveLength(0);
  });
});
