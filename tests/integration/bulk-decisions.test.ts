// Bulk decisions from the queue (issue 11, part 6): each selected request is decided one
// by one through the same service as a single decision, so each is audited on its own and
// the two-person rule applies to each (a production write grant waits for a second admin);
// a request decided meanwhile fails with why, without stopping the others. Partners and
// lists longer than 50 are refused before anything changes.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AccessRequestInput } from "@/lib/requests/schemas";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
// Outside a Next.js request, next-intl's server getTranslations refuses to run; the
// actions' messages come from the same English messages through createTranslator.
vi.mock("next-intl/server", async (importOriginal) => {
  const { createTranslator } = await import("next-intl");
  const { MESSAGES } = await import("@/lib/i18n/messages");
  return { ...(await importOriginal<object>()), getTranslations: async (namespace?: string) => createTranslator({ locale: "en", messages: MESSAGES.en, namespace: namespace as never }) };
});
const { actAs, cookieJar } = await import("../support/request");

const { bulkApproveAction, bulkRejectAction } = await import("@/app/(admin)/admin/requests/actions");
const { db } = await import("@/lib/db");
const { accessRequestSchema } = await import("@/lib/requests/schemas");
const { submitAccessRequest, withdrawAccessRequest } = await import("@/lib/requests/service");
const { makeAdmin, makePartner } = await import("../support/factories");

afterEach(() => cookieJar.clear());

const raw = (patch: Partial<AccessRequestInput> = {}): AccessRequestInput => ({
  keyName: `Bulk ${Math.random().toString(36).slice(2, 8)}`,
  keyType: "partner",
  environment: "production",
  useCase: "We check that loan applicants are active members of a registered cooperative.",
  scopes: ["cooperatives:read", "members:read"],
  justifications: {},
  ...patch,
});

async function submit(partner: Awaited<ReturnType<typeof makePartner>>, patch: Partial<AccessRequestInput> = {}) {
  return (await submitAccessRequest(accessRequestSchema.parse(raw(patch)), partner, null)).id;
}

const audits = (ids: string[]) =>
  db.auditEvent.findMany({ where: { targetId: { in: ids }, action: { not: "request.submitted" } }, select: { action: true, targetId: true, actorId: true, metadata: true } });

describe("bulk approve as requested", () => {
  it("approves each one by one, sends a two-person grant to a second admin, and reports a request decided meanwhile", async () => {
    const partner = await makePartner();
    const readOnly = [await submit(partner), await submit(partner)];
    const writeGrant = await submit(partner, { scopes: ["cooperatives:read", "payments:write"], justifications: { "payments:write": "Branch agents record repayments collected in cash." } });
    const withdrawn = await submit(partner);
    await withdrawAccessRequest(withdrawn, partner, null);

    const admin = await makeAdmin();
    await actAs(admin);
    const result = await bulkApproveAction({ requestIds: [...readOnly, writeGrant, withdrawn] });
    expect(result).toMatchObject({ ok: true, data: { counts: { approved: 2, awaiting_second_approval: 1, rejected: 0, failed: 1 } } });
    if (!result.ok) return;
    expect(result.data.failures).toEqual([{ id: withdrawn, keyName: expect.any(String), reason: "Not decided: it is no longer pending (now: Withdrawn)." }]);

    // As requested: the requested scopes, one key each, decided by this admin.
    for (const id of readOnly) {
      expect(await db.accessRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "approved", decidedById: admin.id, grantedScopes: "cooperatives:read members:read" });
      expect(await db.apiKey.count({ where: { requestId: id } })).toBe(1);
    }
    // The two-person rule: a first approval, no key.
    expect(await db.accessRequest.findUniqueOrThrow({ where: { id: writeGrant } })).toMatchObject({ status: "awaiting_second_approval", firstApprovedById: admin.id });
    expect(await db.apiKey.count({ where: { requestId: writeGrant } })).toBe(0);
    expect(await db.accessRequest.findUniqueOrThrow({ where: { id: withdrawn } })).toMatchObject({ status: "withdrawn" });

    // Audited one by one, each by this admin.
    const events = await audits([...readOnly, writeGrant]);
    const keys = await db.apiKey.findMany({ where: { requestId: { in: readOnly } }, select: { id: true } });
    const keyEvents = await audits(keys.map((k) => k.id));
    expect(events.filter((e) => e.action === "request.approved").map((e) => e.targetId).sort()).toEqual([...readOnly].sort());
    expect(events.filter((e) => e.action === "request.first_approval").map((e) => e.targetId)).toEqual([writeGrant]);
    expect(keyEvents.filter((e) => e.action === "key.issued")).toHaveLength(2);
    expect([...events, ...keyEvents].every((e) => e.actorId === admin.id)).toBe(true);

    // The same admin cannot complete the two-person approval by bulk-approving again.
    const again = await bulkApproveAction({ requestIds: [writeGrant] });
    expect(again).toMatchObject({ ok: true, data: { counts: { approved: 0, failed: 1 } } });
    expect(await db.apiKey.count({ where: { requestId: writeGrant } })).toBe(0);
  });
});

describe("bulk reject with one reason", () => {
  it("rejects each with the reason, each audited with it", async () => {
    const partner = await makePartner();
    const ids = [await submit(partner), await submit(partner), await submit(partner)];
    const admin = await makeAdmin();
    await actAs(admin);
    const reason = "Please describe which branches will use the key.";
    expect(await bulkRejectAction({ requestIds: ids, reason: "short" })).toMatchObject({ ok: false, fieldErrors: { reason: "Give the partners a reason (at least 10 characters)." } });
    expect(await db.accessRequest.count({ where: { id: { in: ids }, status: "pending" } })).toBe(3);

    const result = await bulkRejectAction({ requestIds: ids, reason });
    expect(result).toMatchObject({ ok: true, data: { counts: { approved: 0, awaiting_second_approval: 0, rejected: 3, failed: 0 }, failures: [] } });
    const rows = await db.accessRequest.findMany({ where: { id: { in: ids } }, select: { status: true, decisionNote: true, decidedById: true } });
    expect(rows).toEqual(ids.map(() => ({ status: "rejected", decisionNote: reason, decidedById: admin.id })));
    const events = await audits(ids);
    expect(events.filter((e) => e.action === "request.rejected")).toHaveLength(3);
    for (const e of events) expect(JSON.parse(String(e.metadata))).toMatchObject({ reason });
  });
});

describe("refusals before anything changes", () => {
  it("refuses a partner, even on their own organisation's requests", async () => {
    const partner = await makePartner();
    const ids = [await submit(partner)];
    await actAs(partner);
    expect(await bulkApproveAction({ requestIds: ids })).toMatchObject({ ok: false });
    expect(await bulkRejectAction({ requestIds: ids, reason: "Rejecting my own request in bulk." })).toMatchObject({ ok: false });
    expect(await db.accessRequest.findUniqueOrThrow({ where: { id: ids[0] } })).toMatchObject({ status: "pending", decidedById: null });
  });

  it("refuses more than 50 ids, none, or repeats", async () => {
    const partner = await makePartner();
    const id = await submit(partner);
    await actAs(await makeAdmin());
    const many = [id, ...Array.from({ length: 50 }, () => crypto.randomUUID())];
    expect(await bulkApproveAction({ requestIds: many })).toMatchObject({ ok: false, fieldErrors: { requestIds: "Select at most 50 requests at once." } });
    expect(await bulkRejectAction({ requestIds: many, reason: "Not enough detail on the use case." })).toMatchObject({ ok: false, fieldErrors: { requestIds: "Select at most 50 requests at once." } });
    expect(await bulkApproveAction({ requestIds: [] })).toMatchObject({ ok: false, fieldErrors: { requestIds: "Select at least one request." } });
    expect(await bulkApproveAction({ requestIds: [id, id] })).toMatchObject({ ok: false });
    expect(await db.accessRequest.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "pending" });
  });
});
