// Two-person approval (issue 11, part 3): the riskiest grants (by default production keys
// with a write scope and every system key) need a second, different admin before a key
// exists; the first admin cannot confirm their own; both are in the audit log and the
// thread. The rule is configurable (audited). Races give one outcome.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AccessRequestInput } from "@/lib/requests/schemas";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
const { actAs, cookieJar } = await import("../support/request");

const { approveRequestAction, confirmRequestAction, rejectRequestAction } = await import("@/app/(admin)/admin/requests/[id]/actions");
const { updateKeyPolicyAction } = await import("@/lib/review/actions");
const { getKeyPolicy, updateKeyPolicy } = await import("@/lib/keys/policy-store");
const { db } = await import("@/lib/db");
const { accessRequestSchema, approveRequestSchema } = await import("@/lib/requests/schemas");
const { approveAccessRequest, approveOrRecordFirstApproval, confirmAccessRequest, submitAccessRequest } = await import("@/lib/requests/service");
const { getRequestThread } = await import("@/lib/requests/thread");
const { getReviewSettings, secondApprovalReason } = await import("@/lib/review/settings");
const { makeAdmin, makePartner } = await import("../support/factories");
const { english } = await import("../support/english");

afterEach(() => cookieJar.clear());

const raw = (patch: Partial<AccessRequestInput> = {}): AccessRequestInput => ({
  keyName: `Payments ${Math.random().toString(36).slice(2, 8)}`,
  keyType: "partner",
  environment: "production",
  useCase: "We record loan repayments collected at our branches into the cooperative ledger.",
  scopes: ["cooperatives:read", "payments:write"],
  justifications: { "payments:write": "Branch agents record repayments collected in cash." },
  ...patch,
});

async function productionWriteRequest() {
  const partner = await makePartner();
  const { id } = await submitAccessRequest(accessRequestSchema.parse(raw()), partner, null);
  return { partner, requestId: id };
}

describe("the rule", () => {
  it("by default: production with a write scope and every system key; not sandbox, not production read-only", () => {
    const d = { twoPersonProductionWrite: true, twoPersonSystem: true };
    expect(english(secondApprovalReason(d, { type: "partner", environment: "production", scopes: ["payments:write"] }))).toBe("A production key with a write scope (payments:write) needs a second admin's confirmation.");
    expect(english(secondApprovalReason(d, { type: "system", environment: "sandbox", scopes: ["cooperatives:read"] }))).toMatch(/System keys/);
    expect(secondApprovalReason(d, { type: "partner", environment: "sandbox", scopes: ["payments:write"] })).toBeNull();
    expect(secondApprovalReason(d, { type: "partner", environment: "production", scopes: ["cooperatives:read", "webhooks:receive"] })).toBeNull();
    expect(secondApprovalReason({ twoPersonProductionWrite: false, twoPersonSystem: true }, { type: "partner", environment: "production", scopes: ["payments:write"] })).toBeNull();
  });
});

describe("two admins before a key exists", () => {
  it("the first approval issues no key; the same admin cannot confirm; a different admin does; both audited and in the thread", async () => {
    const { requestId } = await productionWriteRequest();
    const [first, second] = [await makeAdmin(), await makeAdmin()];
    await actAs(first);
    expect(await approveRequestAction({ requestId, grantedScopes: ["cooperatives:read", "payments:write"], note: "Agreement signed." })).toEqual({ ok: true, data: { outcome: "decided" } });
    expect(await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "awaiting_second_approval", firstApprovedById: first.id, grantedScopes: null });
    expect(await db.apiKey.count({ where: { requestId } })).toBe(0);

    // The first admin, by the confirm action and by approving again.
    expect(await confirmRequestAction({ requestId })).toMatchObject({ ok: false, code: "forbidden", error: /different admin must confirm/ });
    expect(await approveRequestAction({ requestId, grantedScopes: ["cooperatives:read", "payments:write"] })).toMatchObject({ ok: true, data: { outcome: "conflict" } });
    expect(await db.apiKey.count({ where: { requestId } })).toBe(0);

    await actAs(second);
    expect(await confirmRequestAction({ requestId })).toEqual({ ok: true, data: { outcome: "decided" } });
    const row = await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row).toMatchObject({ status: "approved", decidedById: second.id, grantedScopes: "cooperatives:read payments:write", decisionNote: "Agreement signed." });
    expect(await db.apiKey.count({ where: { requestId } })).toBe(1);

    const audit = await db.auditEvent.findMany({ where: { targetId: requestId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });
    expect(audit).toEqual([
      { action: "request.submitted", actorId: expect.any(String) },
      { action: "request.first_approval", actorId: first.id },
      { action: "request.approved", actorId: second.id },
    ]);
    expect((await getRequestThread(requestId, "admin")).map((e) => [e.kind, e.actor?.email])).toEqual([
      ["first_approval", first.email],
      ["approved", second.email],
    ]);
  });

  it("a system key needs two admins too", async () => {
    const partner = await makePartner();
    const admin = await makeAdmin();
    await db.organization.update({ where: { id: partner.membership.organizationId }, data: { copaRun: true } });
    const { id } = await submitAccessRequest(accessRequestSchema.parse(raw({ keyType: "system", environment: "sandbox", scopes: ["cooperatives:read"], justifications: {} })), partner, null);
    await expect(approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read"] }), admin, null)).rejects.toMatchObject({ code: "forbidden" });
    expect(await approveOrRecordFirstApproval(approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read"] }), admin, null)).toEqual({ keyId: null, awaitingSecondApproval: true });
    const { keyId } = await confirmAccessRequest(id, await makeAdmin(), null);
    expect(keyId).toEqual(expect.any(String));
  });

  it("granting only read scopes of a production request needs one admin", async () => {
    const { requestId } = await productionWriteRequest();
    const result = await approveAccessRequest(approveRequestSchema.parse({ requestId, grantedScopes: ["cooperatives:read"] }), await makeAdmin(), null);
    expect(result.keyId).toEqual(expect.any(String));
  });

  it("either admin can reject a grant waiting for confirmation; then nothing can confirm it", async () => {
    const { requestId } = await productionWriteRequest();
    const [first, second] = [await makeAdmin(), await makeAdmin()];
    await approveOrRecordFirstApproval(approveRequestSchema.parse({ requestId, grantedScopes: ["payments:write"] }), first, null);
    await actAs(first);
    expect(await rejectRequestAction({ requestId, reason: "On second thought, the agreement is not signed." })).toEqual({ ok: true, data: { outcome: "decided" } });
    await actAs(second);
    expect(await confirmRequestAction({ requestId })).toMatchObject({ ok: true, data: { outcome: "conflict" } });
    expect(await db.apiKey.count({ where: { requestId } })).toBe(0);
  });

  it("a partner cannot confirm", async () => {
    const { partner, requestId } = await productionWriteRequest();
    await approveOrRecordFirstApproval(approveRequestSchema.parse({ requestId, grantedScopes: ["payments:write"] }), await makeAdmin(), null);
    await actAs(partner);
    expect(await confirmRequestAction({ requestId })).toEqual({ ok: false, error: "Not found." });
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("awaiting_second_approval");
  });
});

describe("configurable, audited", () => {
  it("an admin turns the production rule off: one admin then suffices; the change is audited; partners cannot change it", async () => {
    const admin = await makeAdmin();
    const partner = await makePartner();
    // The rules are part of the key policy (/admin/policy, lib/keys/policy-store.ts).
    const original = await getKeyPolicy();
    const relaxed = { ...original, twoPerson: { productionWrite: false, system: true } };
    await actAs(partner);
    expect(await updateKeyPolicyAction(relaxed)).toMatchObject({ ok: false });
    await actAs(admin);
    expect(await updateKeyPolicyAction(relaxed)).toEqual({ ok: true, data: { changed: ["twoPerson.productionWrite"] } });
    try {
      expect(await getReviewSettings()).toEqual({ twoPersonProductionWrite: false, twoPersonSystem: true });
      const event = await db.auditEvent.findFirstOrThrow({ where: { action: "key_policy.changed" }, orderBy: { createdAt: "desc" } });
      expect(JSON.parse(event.metadata)).toMatchObject({ changed: ["twoPerson.productionWrite"] });
      const { requestId } = await productionWriteRequest();
      expect((await approveAccessRequest(approveRequestSchema.parse({ requestId, grantedScopes: ["payments:write"] }), admin, null)).keyId).toEqual(expect.any(String));
    } finally {
      await updateKeyPolicy(original, admin, null);
    }
  });
});

describe("races: one outcome", () => {
  it("two admins confirming at once: one key", async () => {
    const { requestId } = await productionWriteRequest();
    await approveOrRecordFirstApproval(approveRequestSchema.parse({ requestId, grantedScopes: ["payments:write"] }), await makeAdmin(), null);
    const [b, c] = [await makeAdmin(), await makeAdmin()];
    const results = await Promise.allSettled([confirmAccessRequest(requestId, b, null), confirmAccessRequest(requestId, c, null), confirmAccessRequest(requestId, b, null)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.apiKey.count({ where: { requestId } })).toBe(1);
  });

  it("two admins giving the first approval at once: one first approval", async () => {
    const { requestId } = await productionWriteRequest();
    const [a, b] = [await makeAdmin(), await makeAdmin()];
    const input = approveRequestSchema.parse({ requestId, grantedScopes: ["payments:write"] });
    const results = await Promise.allSettled([approveOrRecordFirstApproval(input, a, null), approveOrRecordFirstApproval(input, b, null)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { targetId: requestId, action: "request.first_approval" } })).toBe(1);
  });
});
