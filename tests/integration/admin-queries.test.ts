import { describe, expect, it } from "vitest";
import { parseAuditFilters, parseKeyFilters } from "@/lib/admin/filters";
import { getRotationChain, listAuditEvents, listKeysForAdmin, listRequestsForAdmin } from "@/lib/admin/queries";
import { describeDecision } from "@/lib/admin/requests";
import { db } from "@/lib/db";
import { revealKey, revokeKey, rotateKey } from "@/lib/keys/service";
import { keyState } from "@/lib/keys/status";
import { accessRequestSchema, approveRequestSchema } from "@/lib/requests/schemas";
import { approveAccessRequest, rejectAccessRequest, submitAccessRequest, withdrawAccessRequest } from "@/lib/requests/service";
import { makeAdmin, makePartner } from "../support/factories";

const request = (keyName: string) =>
  accessRequestSchema.parse({
    keyName,
    keyType: "partner",
    environment: "sandbox",
    useCase: "We check cooperative membership before granting agricultural loans to members.",
    scopes: ["cooperatives:read"],
  });

describe("admin key list", () => {
  it("filters by the same state rule the API applies, within one organisation", async () => {
    const partner = await makePartner();
    const admin = await makeAdmin();
    const org = partner.membership.organizationId;
    const approve = async (name: string) => {
      const { id } = await submitAccessRequest(request(name), partner, null);
      return (await approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read"] }), admin, null)).keyId;
    };
    const pending = await approve("Pending key");
    const active = await approve("Active key");
    await revealKey(active, partner, null);
    const revoked = await approve("Revoked key");
    await revealKey(revoked, partner, null);
    await revokeKey({ keyId: revoked, confirmName: "Revoked key", reason: "No longer used" }, admin, { admin: true }, null);
    const expired = await approve("Expired key");
    await revealKey(expired, partner, null);
    await db.apiKey.update({ where: { id: expired }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const ids = async (state?: string) => (await listKeysForAdmin(parseKeyFilters({ org, state }))).rows.map((k) => k.id).sort();
    expect(await ids("pending")).toEqual([pending]);
    expect(await ids("active")).toEqual([active]);
    expect(await ids("revoked")).toEqual([revoked]);
    expect(await ids("expired")).toEqual([expired]);
    expect(await ids()).toEqual([pending, active, revoked, expired].sort());
    // The listing agrees with keyState for every row.
    for (const k of (await listKeysForAdmin(parseKeyFilters({ org }))).rows) {
      const state = keyState(k);
      expect(await ids(state)).toContain(k.id);
    }
    // No hash ever leaves the query.
    expect(JSON.stringify(await listKeysForAdmin(parseKeyFilters({ org })))).not.toMatch(/"hash"/);
  });

  it("follows a rotation chain both ways", async () => {
    const partner = await makePartner();
    const admin = await makeAdmin();
    const { id } = await submitAccessRequest(request("Chain"), partner, null);
    const { keyId } = await approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read"] }), admin, null);
    await revealKey(keyId, partner, null);
    const second = await rotateKey(keyId, "1h", partner, null);
    const third = await rotateKey(second.keyId, "now", partner, null);
    for (const start of [keyId, second.keyId, third.keyId]) {
      expect((await getRotationChain(start)).map((k) => k.id)).toEqual([keyId, second.keyId, third.keyId]);
    }
  });
});

describe("admin request list", () => {
  it("lists pending oldest first, history newest first", async () => {
    const partner = await makePartner();
    const org = partner.membership.organizationId;
    const a = await submitAccessRequest(request("First"), partner, null);
    const b = await submitAccessRequest(request("Second"), partner, null);
    await db.accessRequest.update({ where: { id: a.id }, data: { createdAt: new Date(Date.now() - 86_400_000) } });
    const pending = await listRequestsForAdmin({ status: "pending", org, page: 1 });
    expect(pending.rows.map((r) => r.id)).toEqual([a.id, b.id]);
    const all = await listRequestsForAdmin({ org, page: 1 });
    expect(all.rows.map((r) => r.id)).toEqual([b.id, a.id]);
  });

  it("explains who decided first", async () => {
    const partner = await makePartner();
    const admin = await makeAdmin();
    const colleague = await makeAdmin();
    const approved = await submitAccessRequest(request("Approved"), partner, null);
    await approveAccessRequest(approveRequestSchema.parse({ requestId: approved.id, grantedScopes: ["cooperatives:read"] }), colleague, null);
    expect(await describeDecision(approved.id, admin.id)).toContain(`approved by ${colleague.email}`);
    expect(await describeDecision(approved.id, colleague.id)).toContain("by you");
    const rejected = await submitAccessRequest(request("Rejected"), partner, null);
    await rejectAccessRequest({ requestId: rejected.id, reason: "Not needed for this use case" }, colleague, null);
    expect(await describeDecision(rejected.id, admin.id)).toContain("rejected");
    const withdrawn = await submitAccessRequest(request("Withdrawn"), partner, null);
    await withdrawAccessRequest(withdrawn.id, partner, null);
    expect(await describeDecision(withdrawn.id, admin.id)).toContain("withdrew");
  });
});

describe("audit trail", () => {
  it("pages newest first with stable cursors both ways, and filters", async () => {
    const partner = await makePartner();
    const org = partner.membership.organizationId;
    const actor = { id: partner.id, email: partner.email };
    // 7 events one second apart, plus the organisation.created from the factory. Written
    // with their timestamps: the audit log is append-only, so none can be moved afterwards.
    for (let i = 0; i < 7; i++) {
      await db.auditEvent.create({
        data: { action: "member.added", actorId: actor.id, actorEmail: actor.email, organizationId: org, metadata: JSON.stringify({ i }), createdAt: new Date(Date.UTC(2030, 0, 1, 0, 0, i)) },
      });
    }
    const filters = parseAuditFilters({ org, action: "member.added" });
    const order = (page: { events: { metadata: string }[] }) => page.events.map((e) => (JSON.parse(e.metadata) as { i: number }).i);

    const p1 = await listAuditEvents(filters, 3);
    expect(order(p1)).toEqual([6, 5, 4]);
    expect(p1.newerCursor).toBeNull();
    const p2 = await listAuditEvents({ ...filters, after: p1.olderCursor! }, 3);
    expect(order(p2)).toEqual([3, 2, 1]);
    const p3 = await listAuditEvents({ ...filters, after: p2.olderCursor! }, 3);
    expect(order(p3)).toEqual([0]);
    expect(p3.olderCursor).toBeNull();
    const back = await listAuditEvents({ ...filters, before: p2.newerCursor! }, 3);
    expect(order(back)).toEqual([6, 5, 4]);
    expect(back.newerCursor).toBeNull();

    expect((await listAuditEvents(parseAuditFilters({ org, actor: partner.email.toUpperCase() }), 50)).events.length).toBe(8);
    expect((await listAuditEvents(parseAuditFilters({ org, actor: "nobody@example.org" }), 50)).events.length).toBe(0);
    expect((await listAuditEvents(parseAuditFilters({ org }), 50)).events[0].organizationName).toBe(partner.membership.organization.legalName);
  });

  it("ignores malformed filters instead of failing", () => {
    expect(parseAuditFilters({ action: "drop.table", org: "x", after: "1 OR 1=1", actor: ["A@B.C", "z"] })).toEqual({ actor: "a@b.c" });
  });
});
