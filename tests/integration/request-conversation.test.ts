// The conversation on a request (issue 11, part 1): an admin asks for changes, the partner
// edits and resubmits, both sides read one thread. State transitions, permissions (server
// actions called directly as the wrong user and the wrong organisation) and races, on the
// real database of the run (SQLite, and PostgreSQL when TEST_POSTGRES_URL is set).
import { afterEach, describe, expect, it, vi } from "vitest";
import type { PartnerUser } from "@/lib/auth/session";
import type { AccessRequestInput } from "@/lib/requests/schemas";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
const { actAs, cookieJar } = await import("../support/request");

const { approveRequestAction, rejectRequestAction, requestChangesAction } = await import("@/app/(admin)/admin/requests/[id]/actions");
const { resubmitAccessRequestAction, submitAccessRequestAction, withdrawAccessRequestAction } = await import("@/app/(partner)/requests/actions");
const { db } = await import("@/lib/db");
const { accessRequestSchema, approveRequestSchema, requestChangesSchema, resubmitRequestSchema } = await import("@/lib/requests/schemas");
const { approveAccessRequest, rejectAccessRequest, requestChanges, resubmitAccessRequest, submitAccessRequest, MAX_PENDING_REQUESTS } = await import("@/lib/requests/service");
const { MAX_CHANGE_ROUNDS, getRequestThread } = await import("@/lib/requests/thread");
const { makeAdmin, makePartner } = await import("../support/factories");
const { refusal } = await import("../support/english");

afterEach(() => cookieJar.clear());

const USE_CASE = "We check cooperative membership before granting agricultural loans to members.";
const raw = (patch: Partial<AccessRequestInput> = {}): AccessRequestInput => ({
  keyName: "Loan origination",
  keyType: "partner",
  environment: "sandbox",
  useCase: USE_CASE,
  scopes: ["cooperatives:read", "members:read"],
  justifications: {},
  ...patch,
});

async function sentBack(partner?: PartnerUser) {
  const owner = partner ?? (await makePartner());
  const admin = await makeAdmin();
  const { id } = await submitAccessRequest(accessRequestSchema.parse(raw()), owner, null);
  await requestChanges(requestChangesSchema.parse({ requestId: id, message: "Please tell us which branches will use this key." }), admin, null);
  return { owner, admin, requestId: id };
}

const edit = (requestId: string, patch: Partial<AccessRequestInput> = {}, message = "") =>
  resubmitRequestSchema.parse({ requestId, message, request: raw(patch) });

const auditOf = (requestId: string) => db.auditEvent.findMany({ where: { targetId: requestId }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true } });

describe("ask for changes, edit, resubmit, approve", () => {
  it("goes back and forth and both sides read one thread in order", async () => {
    const { owner, admin, requestId } = await sentBack();
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("changes_requested");

    await actAs(owner);
    const result = await resubmitAccessRequestAction({
      requestId,
      message: "Added payments, explained below.",
      request: raw({
        useCase: `${USE_CASE} Used by our 12 branches in the Northern Province.`,
        scopes: ["cooperatives:read", "payments:write"],
        justifications: { "payments:write": "We record loan repayments collected at our branches." },
      }),
    });
    expect(result).toEqual({ ok: true, data: { id: requestId } });
    const row = await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row.status).toBe("pending");
    expect(row.requestedScopes).toBe("cooperatives:read payments:write");
    expect(row.useCase).toMatch(/12 branches/);

    await actAs(admin);
    expect(await approveRequestAction({ requestId, grantedScopes: ["cooperatives:read"] })).toEqual({ ok: true, data: { outcome: "decided" } });

    const partnerThread = await getRequestThread(requestId, "partner");
    expect(partnerThread.map((e) => e.kind)).toEqual(["changes_requested", "resubmitted", "approved"]);
    expect(partnerThread[0]).toMatchObject({ actorRole: "admin", actor: null, body: "Please tell us which branches will use this key." });
    expect(partnerThread[1]).toMatchObject({
      actorRole: "partner",
      actor: { email: owner.email },
      body: "Added payments, explained below.",
      changes: { scopes: { added: ["payments:write"], removed: ["members:read"] }, useCase: { from: USE_CASE }, justifications: ["payments:write"] },
    });
    expect(partnerThread[2].changes).toEqual({ granted: ["cooperatives:read"] });
    // Admins see who wrote each entry; partners see "the COPA review team".
    const adminThread = await getRequestThread(requestId, "admin");
    expect(adminThread[0].actor?.email).toBe(admin.email);

    expect((await auditOf(requestId)).map((e) => e.action)).toEqual(["request.submitted", "request.changes_requested", "request.resubmitted", "request.approved"]);
  });

  it("keeps the request's place in the queue: the original submission time", async () => {
    const { owner, requestId } = await sentBack();
    const before = (await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).createdAt;
    await resubmitAccessRequest(edit(requestId, { scopes: ["cooperatives:read"] }), owner, null);
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).createdAt).toEqual(before);
  });

  it("refuses a resubmission with nothing changed and no message, writing nothing", async () => {
    const { owner, requestId } = await sentBack();
    await expect(resubmitAccessRequest(edit(requestId), owner, null)).rejects.toMatchObject({ code: "invalid", message: "review.errors.nothingChanged" });
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("changes_requested");
    // A message alone is an answer.
    await resubmitAccessRequest(edit(requestId, {}, "All branches; the request is complete as it is."), owner, null);
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("pending");
  });

  it("refuses to change the key name, type or environment, and applies the key policy to the edit", async () => {
    const { owner, requestId } = await sentBack();
    await expect(resubmitAccessRequest(edit(requestId, { environment: "production" }), owner, null)).rejects.toMatchObject({ code: "invalid", message: "review.errors.fixedFields" });
    await expect(resubmitAccessRequest(edit(requestId, { keyName: "Other name" }), owner, null)).rejects.toMatchObject({ code: "invalid" });
    // A scope this key type may not hold, sent past the schema as a hand-made call could.
    const webhook = await makePartner();
    const admin = await makeAdmin();
    const { id } = await submitAccessRequest(accessRequestSchema.parse(raw({ keyType: "webhook", scopes: ["webhooks:receive"], justifications: { "webhooks:receive": "We receive payment events for reconciliation." } })), webhook, null);
    await requestChanges({ requestId: id, message: "Which events do you need exactly?" }, admin, null);
    const bad = { requestId: id, message: "", request: { ...accessRequestSchema.parse(raw({ keyType: "webhook", scopes: ["webhooks:receive"], justifications: { "webhooks:receive": "We receive payment events for reconciliation." } })), scopes: ["webhooks:receive", "payments:write"] } };
    await expect(refusal(resubmitAccessRequest(bad as never, webhook, null))).resolves.toMatchObject({ code: "invalid", message: expect.stringMatching(/cannot hold payments:write/) });
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id } })).requestedScopes).toBe("webhooks:receive");
  });

  it("refuses an edit that would duplicate another open request of the organisation", async () => {
    const { owner, requestId } = await sentBack();
    const other = await submitAccessRequest(accessRequestSchema.parse(raw({ scopes: ["cooperatives:read"] })), owner, null);
    await expect(resubmitAccessRequest(edit(requestId, { scopes: ["cooperatives:read"] }), owner, null)).rejects.toMatchObject({ code: "conflict", related: { type: "request", id: other.id } });
  });

  it("counts a request sent back for changes as open: the limit and the duplicate check see it", async () => {
    const { owner } = await sentBack();
    await actAs(owner);
    expect(await submitAccessRequestAction(raw())).toMatchObject({ ok: false, error: expect.stringMatching(/identical request is already pending/) });
    for (let i = 1; i < MAX_PENDING_REQUESTS; i++) await submitAccessRequest(accessRequestSchema.parse(raw({ keyName: `Key ${i}` })), owner, null);
    expect(await submitAccessRequestAction(raw({ keyName: "One too many" }))).toMatchObject({ ok: false, error: expect.stringMatching(/already has 10 pending/) });
  });

  it("lets the partner withdraw a request sent back for changes, and then nothing more", async () => {
    const { owner, admin, requestId } = await sentBack();
    await actAs(owner);
    expect(await withdrawAccessRequestAction({ requestId })).toEqual({ ok: true, data: null });
    expect(await resubmitAccessRequestAction({ requestId, message: "", request: raw({ scopes: ["cooperatives:read"] }) })).toMatchObject({ ok: false, error: /withdrawn/ });
    await actAs(admin);
    expect(await requestChangesAction({ requestId, message: "Please add more detail to the use case." })).toMatchObject({ ok: true, data: { outcome: "conflict", message: /withdrew/ } });
    expect((await getRequestThread(requestId, "partner")).map((e) => e.kind)).toEqual(["changes_requested", "withdrawn"]);
  });

  it("allows no decision while the request waits for the partner", async () => {
    const { admin, requestId } = await sentBack();
    await actAs(admin);
    const approve = await approveRequestAction({ requestId, grantedScopes: ["cooperatives:read"] });
    expect(approve).toMatchObject({ ok: true, data: { outcome: "conflict", message: /sent back to the partner for changes by you/ } });
    expect(await requestChangesAction({ requestId, message: "Short" })).toMatchObject({ ok: false, fieldErrors: { message: "Tell the partner what to change (at least 10 characters)" } });
    // An admin reading French gets the explanation and the field errors in French.
    cookieJar.set("copa-locale", "fr");
    expect(await approveRequestAction({ requestId, grantedScopes: ["cooperatives:read"] })).toMatchObject({
      ok: true,
      data: { outcome: "conflict", message: expect.stringContaining("renvoyée au partenaire pour modifications par vous") },
    });
    expect(await requestChangesAction({ requestId, message: "Court" })).toMatchObject({ ok: false, fieldErrors: { message: "Dites au partenaire ce qu'il doit changer (au moins 10 caractères)" } });
    cookieJar.delete("copa-locale");
    expect(await rejectRequestAction({ requestId, reason: "Not needed any more by us." })).toMatchObject({ ok: true, data: { outcome: "conflict" } });
    expect(await requestChangesAction({ requestId, message: "A second message meanwhile." })).toMatchObject({ ok: true, data: { outcome: "conflict" } });
    expect(await db.apiKey.count({ where: { requestId } })).toBe(0);
    expect((await getRequestThread(requestId, "admin")).length).toBe(1);
  });

  it("stops sending a request back after the most rounds: the admin must decide", async () => {
    const owner = await makePartner();
    const admin = await makeAdmin();
    const { id } = await submitAccessRequest(accessRequestSchema.parse(raw()), owner, null);
    for (let round = 0; round < MAX_CHANGE_ROUNDS; round++) {
      await requestChanges({ requestId: id, message: `Round ${round}: more detail please.` }, admin, null);
      await resubmitAccessRequest(edit(id, {}, `Answer ${round}`), owner, null);
    }
    await expect(requestChanges({ requestId: id, message: "One more round, please." }, admin, null)).rejects.toMatchObject({ code: "invalid", message: "review.errors.tooManyRounds" });
    expect((await getRequestThread(id, "admin")).length).toBe(2 * MAX_CHANGE_ROUNDS);
  });
});

describe("who may do what", () => {
  it("a partner cannot ask for changes; an admin cannot resubmit; viewers cannot resubmit", async () => {
    const { owner, requestId } = await sentBack();
    await actAs(owner);
    expect(await requestChangesAction({ requestId, message: "I ask myself for changes." })).toEqual({ ok: false, error: "Not found." });

    const admin = await makeAdmin();
    await actAs(admin);
    expect(await resubmitAccessRequestAction({ requestId, message: "as admin", request: raw({ scopes: ["cooperatives:read"] }) })).toMatchObject({ ok: false, error: /Create your organisation first/ });

    const viewer = await makePartner("viewer", { organizationId: owner.membership.organizationId });
    await actAs(viewer);
    expect(await resubmitAccessRequestAction({ requestId, message: "as viewer", request: raw({ scopes: ["cooperatives:read"] }) })).toMatchObject({ ok: false, error: /viewer/ });
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("changes_requested");
  });

  it("an owner of another organisation cannot resubmit (or learn of) this one's request", async () => {
    const { requestId } = await sentBack();
    const stranger = await makePartner();
    await actAs(stranger);
    expect(await resubmitAccessRequestAction({ requestId, message: "hijack", request: raw({ scopes: ["cooperatives:read"] }) })).toEqual({ ok: false, error: "Not found.", code: "not_found" });
    const row = await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row).toMatchObject({ status: "changes_requested", requestedScopes: "cooperatives:read members:read" });
    expect(await db.requestEvent.count({ where: { requestId } })).toBe(1);
  });

  it("a suspended organisation cannot resubmit", async () => {
    const { owner, requestId } = await sentBack();
    await db.organization.update({ where: { id: owner.membership.organizationId }, data: { suspendedAt: new Date(), suspendedReason: "test" } });
    await expect(resubmitAccessRequest(edit(requestId, { scopes: ["cooperatives:read"] }), owner, null)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("races: one outcome", () => {
  it("two admins asking for changes, approving and rejecting at once: exactly one wins", async () => {
    const owner = await makePartner();
    const [a, b, c] = [await makeAdmin(), await makeAdmin(), await makeAdmin()];
    const { id } = await submitAccessRequest(accessRequestSchema.parse(raw()), owner, null);
    const results = await Promise.allSettled([
      requestChanges({ requestId: id, message: "Admin A asks for more detail." }, a, null),
      approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read"] }), b, null),
      rejectAccessRequest({ requestId: id, reason: "Admin C rejects this request." }, c, null),
      requestChanges({ requestId: id, message: "Admin B asks for other detail." }, b, null),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict" });
    const row = await db.accessRequest.findUniqueOrThrow({ where: { id } });
    expect(await db.requestEvent.count({ where: { requestId: id } })).toBe(1);
    expect(await db.apiKey.count({ where: { requestId: id } })).toBe(row.status === "approved" ? 1 : 0);
    const decisions = (await auditOf(id)).filter((e) => e.action !== "request.submitted");
    expect(decisions).toHaveLength(1);
  });

  it("the partner resubmitting twice at once (two tabs): one resubmission", async () => {
    const { owner, requestId } = await sentBack();
    const results = await Promise.allSettled([
      resubmitAccessRequest(edit(requestId, { scopes: ["cooperatives:read"] }), owner, null),
      resubmitAccessRequest(edit(requestId, { scopes: ["members:read"] }), owner, null),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.requestEvent.count({ where: { requestId, kind: "resubmitted" } })).toBe(1);
  });
});
