// The key policy (lib/keys/policy.ts) and the request limits, enforced by the services
// and by the server actions called directly, as a hand-made POST would call them.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CurrentUser, PartnerUser } from "@/lib/auth/session";
import type { AccessRequestInput } from "@/lib/requests/schemas";

// The actions' wrappers read the session cookie and the request headers through
// next/headers: the "browser" holds a real, fresh session of whoever the test says.
vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
const { actAs, cookieJar } = await import("../support/request");

const { approveRequestAction } = await import("@/app/(admin)/admin/requests/[id]/actions");
const { revealKeyAction, rotateKeyAction } = await import("@/app/(partner)/keys/actions");
const { submitAccessRequestAction } = await import("@/app/(partner)/requests/actions");
const { reactivateOrganization, setOrganizationCopaRun, suspendOrganization } = await import("@/lib/admin/organizations");
const { db } = await import("@/lib/db");
const { revealKey, rotateKey } = await import("@/lib/keys/service");
const { accessRequestSchema, approveRequestSchema } = await import("@/lib/requests/schemas");
const { MAX_PENDING_REQUESTS, approveAccessRequest, approveOrRecordFirstApproval, submitAccessRequest, withdrawAccessRequest } = await import("@/lib/requests/service");
const { makeAdmin, makePartner } = await import("../support/factories");
const { english, refusal } = await import("../support/english");

afterEach(() => {
  cookieJar.clear();
});


const DAY = 86_400_000;

type RequestPatch = { keyName?: string; keyType?: string; environment?: string; scopes?: string[] };

const rawRequest = (patch: RequestPatch = {}) => {
  const scopes = patch.scopes ?? ["cooperatives:read", "members:read"];
  return {
    keyName: patch.keyName ?? "Loan origination",
    keyType: patch.keyType ?? "partner",
    environment: patch.environment ?? "sandbox",
    useCase: "We check cooperative membership before granting agricultural loans to members.",
    scopes,
    justifications: Object.fromEntries(scopes.map((s) => [s, "Our branch agents keep these records current every day."])),
  } as AccessRequestInput;
};
const request = (patch: RequestPatch = {}) => accessRequestSchema.parse(rawRequest(patch));

/** A request that skips the schema, as a caller of the service other than the form could. */
const unchecked = (patch: RequestPatch) => rawRequest(patch) as unknown as ReturnType<typeof request>;

async function pendingRequest(patch: RequestPatch = {}, partner?: PartnerUser) {
  const owner = partner ?? (await makePartner());
  const { id } = await submitAccessRequest(request(patch), owner, null);
  return { partner: owner, requestId: id };
}

const asPartner = (partner: PartnerUser) => actAs(partner);
const asAdmin = (admin: CurrentUser) => actAs(admin);

describe("scopes per key type", () => {
  it("refuses a mobile key with a write scope at request: schema, service and action", async () => {
    const partner = await makePartner();
    const input = rawRequest({ keyType: "mobile", scopes: ["members:read", "members:write"] });
    const parsed = accessRequestSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(english(parsed.error?.issues.find((i) => i.path.join(".") === "scopes")?.message)).toMatch(/Mobile keys cannot hold members:write\. Mobile keys are read-only/);

    await expect(refusal(submitAccessRequest(unchecked({ keyType: "mobile", scopes: ["members:read", "members:write"] }), partner, null))).resolves.toMatchObject({
      code: "invalid",
      fieldErrors: { scopes: expect.stringMatching(/cannot hold members:write/) },
    });

    await asPartner(partner);
    const result = await submitAccessRequestAction(input);
    expect(result).toMatchObject({ ok: false, fieldErrors: { scopes: expect.stringMatching(/cannot hold members:write/) } });
    expect(await db.accessRequest.count({ where: { organizationId: partner.membership.organizationId } })).toBe(0);
  });

  it("refuses to approve a webhook key with payments:write, at the service", async () => {
    const admin = await makeAdmin();
    const { requestId } = await pendingRequest({ keyType: "webhook", scopes: ["webhooks:receive"] });
    await expect(refusal(approveAccessRequest(approveRequestSchema.parse({ requestId, grantedScopes: ["webhooks:receive", "payments:write"] }), admin, null))).resolves.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/Webhook keys cannot hold payments:write/),
      fieldErrors: { grantedScopes: expect.stringMatching(/payments:write/) },
    });
    // The approval rolled back whole: still pending, no key, no audit event.
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("pending");
    expect(await db.apiKey.count({ where: { requestId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { targetId: requestId, action: "request.approved" } })).toBe(0);

    await approveAccessRequest(approveRequestSchema.parse({ requestId, grantedScopes: ["webhooks:receive"] }), admin, null);
    expect((await db.apiKey.findFirstOrThrow({ where: { requestId } })).scopes).toBe("webhooks:receive");
  });

  it("refuses to approve a webhook key with payments:write, through the server action", async () => {
    const admin = await makeAdmin();
    const { requestId } = await pendingRequest({ keyType: "webhook", scopes: ["webhooks:receive"] });
    await asAdmin(admin);
    const result = await approveRequestAction({ requestId, grantedScopes: ["payments:write"] });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/Webhook keys cannot hold payments:write/), fieldErrors: { grantedScopes: expect.any(String) } });
    expect(await db.apiKey.count({ where: { requestId } })).toBe(0);
    expect((await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("pending");
  });

  it("does not reveal or rotate a key from before the policy that its type may not hold", async () => {
    const admin = await makeAdmin();
    const { partner, requestId } = await pendingRequest({ keyType: "webhook", scopes: ["webhooks:receive"] });
    const { keyId } = await approveAccessRequest(approveRequestSchema.parse({ requestId, grantedScopes: ["webhooks:receive"] }), admin, null);
    // As an approval made before the policy could have left it.
    await db.apiKey.update({ where: { id: keyId }, data: { scopes: "payments:write webhooks:receive" } });
    await expect(refusal(revealKey(keyId, partner, null))).resolves.toMatchObject({ code: "invalid", message: expect.stringMatching(/cannot be revealed: Webhook keys cannot hold payments:write/) });
    await db.apiKey.update({ where: { id: keyId }, data: { status: "active", revealedAt: new Date() } });
    await expect(refusal(rotateKey(keyId, "now", partner, null))).resolves.toMatchObject({ code: "invalid", message: expect.stringMatching(/cannot be rotated/) });
    expect(await db.apiKey.count({ where: { rotatedFromId: keyId } })).toBe(0);
  });
});

describe("system keys", () => {
  it("are refused for an organisation that is not COPA-run, at request and at approval", async () => {
    const admin = await makeAdmin();
    const partner = await makePartner();
    await expect(refusal(submitAccessRequest(request({ keyType: "system", scopes: ["cooperatives:read"] }), partner, null))).resolves.toMatchObject({
      code: "invalid",
      fieldErrors: { keyType: expect.stringMatching(/only to organisations run by COPA.*COPA-run/) },
    });

    await setOrganizationCopaRun({ organizationId: partner.membership.organizationId, copaRun: true }, admin, null);
    const { id } = await submitAccessRequest(request({ keyType: "system", scopes: ["cooperatives:read"] }), partner, null);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { organizationId: partner.membership.organizationId, action: "organization.copa_run_granted" } });
    expect(audit.actorId).toBe(admin.id);

    // The status is withdrawn before the decision: the approval (a system key's first
    // approval under the two-person rule) is refused.
    await setOrganizationCopaRun({ organizationId: partner.membership.organizationId, copaRun: false }, admin, null);
    await expect(refusal(approveOrRecordFirstApproval(approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read"] }), admin, null))).resolves.toMatchObject({
      code: "invalid",
      message: expect.stringMatching(/COPA-run/),
    });
    expect(await db.apiKey.count({ where: { requestId: id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { organizationId: partner.membership.organizationId, action: "organization.copa_run_revoked" } })).toBe(1);
  });
});

describe("lifetime", () => {
  it("defaults to the policy's maximum and refuses an expiry beyond it", async () => {
    const admin = await makeAdmin();
    const { requestId } = await pendingRequest({ keyType: "mobile", environment: "production", scopes: ["members:read"] });
    for (const expiry of ["180", "365", "never"]) {
      await expect(refusal(approveAccessRequest(approveRequestSchema.parse({ requestId, grantedScopes: ["members:read"], expiry }), admin, null))).resolves.toMatchObject({
        code: "invalid",
        fieldErrors: { expiry: expect.stringMatching(/Mobile keys in production expire after at most 90 days/) },
      });
    }
    await asAdmin(admin);
    expect(await approveRequestAction({ requestId, grantedScopes: ["members:read"], expiry: "365" })).toMatchObject({ ok: false, fieldErrors: { expiry: expect.any(String) } });
    expect(await db.apiKey.count({ where: { requestId } })).toBe(0);

    const before = Date.now();
    const { keyId } = await approveAccessRequest(approveRequestSchema.parse({ requestId, grantedScopes: ["members:read"] }), admin, null);
    const key = await db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
    expect(key.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 90 * DAY);
    expect(key.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 90 * DAY);

    // A shorter choice is kept; an unlimited type still may not expire.
    const shorter = await pendingRequest({ keyType: "mobile", environment: "production", scopes: ["members:read"] });
    const short = await approveAccessRequest(approveRequestSchema.parse({ requestId: shorter.requestId, grantedScopes: ["members:read"], expiry: "30" }), admin, null);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: short.keyId } })).expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 30 * DAY);
    const sandbox = await pendingRequest();
    const open = await approveAccessRequest(approveRequestSchema.parse({ requestId: sandbox.requestId, grantedScopes: ["cooperatives:read"] }), admin, null);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: open.keyId } })).expiresAt).toBeNull();
  });

  it("caps a rotated key's expiry at the maximum from the day of rotation", async () => {
    const admin = await makeAdmin();
    const { partner, requestId } = await pendingRequest({ keyType: "mobile", environment: "production", scopes: ["members:read"] });
    const { keyId } = await approveAccessRequest(approveRequestSchema.parse({ requestId, grantedScopes: ["members:read"], expiry: "30" }), admin, null);
    await revealKey(keyId, partner, null);
    const kept = await rotateKey(keyId, "now", partner, null);
    const old = await db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
    // Within the policy: the successor keeps the old expiry.
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: kept.keyId } })).expiresAt).toEqual(old.expiresAt);

    // A key from before the policy, with no expiry: its successor gets the maximum.
    await db.apiKey.update({ where: { id: kept.keyId }, data: { expiresAt: null } });
    const before = Date.now();
    const capped = await rotateKey(kept.keyId, "1h", partner, null);
    const fresh = await db.apiKey.findUniqueOrThrow({ where: { id: capped.keyId } });
    expect(fresh.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + 90 * DAY);
    expect(fresh.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 90 * DAY);
  });
});

describe("pending requests per organisation", () => {
  it(`refuses the ${MAX_PENDING_REQUESTS + 1}th pending request, and accepts one again after a withdrawal`, async () => {
    const partner = await makePartner();
    const ids: string[] = [];
    for (let i = 0; i < MAX_PENDING_REQUESTS; i++) ids.push((await submitAccessRequest(request({ keyName: `Integration ${i}` }), partner, null)).id);
    await expect(submitAccessRequest(request({ keyName: "One too many" }), partner, null)).rejects.toMatchObject({
      code: "conflict",
      message: "review.errors.tooMany",
      values: { count: 10 },
    });
    await asPartner(partner);
    expect(await submitAccessRequestAction(rawRequest({ keyName: "One too many" }))).toMatchObject({ ok: false, error: expect.stringMatching(/10 pending requests/) });
    expect(await db.accessRequest.count({ where: { organizationId: partner.membership.organizationId } })).toBe(MAX_PENDING_REQUESTS);

    await withdrawAccessRequest(ids[0], partner, null);
    await submitAccessRequest(request({ keyName: "One too many" }), partner, null);
  });

  it("holds the limit when submissions race", async () => {
    const partner = await makePartner();
    const results = await Promise.allSettled(Array.from({ length: MAX_PENDING_REQUESTS + 3 }, (_, i) => submitAccessRequest(request({ keyName: `Race ${i}` }), partner, null)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(MAX_PENDING_REQUESTS);
    expect(await db.accessRequest.count({ where: { organizationId: partner.membership.organizationId, status: "pending" } })).toBe(MAX_PENDING_REQUESTS);
  });

  it("refuses an identical pending request, naming the existing one", async () => {
    const { partner, requestId } = await pendingRequest({ scopes: ["members:read", "cooperatives:read"] });
    // Same scope set in another order is the same request.
    await expect(submitAccessRequest(request({ scopes: ["cooperatives:read", "members:read"] }), partner, null)).rejects.toMatchObject({
      code: "conflict",
      message: "review.errors.duplicate",
      values: { id: requestId },
      related: { type: "request", id: requestId },
    });
    await asPartner(partner);
    expect(await submitAccessRequestAction(rawRequest())).toMatchObject({ ok: false, error: expect.stringContaining(requestId), related: { type: "request", id: requestId } });

    // Any difference makes it another request; another organisation's is not a duplicate.
    await submitAccessRequest(request({ scopes: ["cooperatives:read"] }), partner, null);
    await submitAccessRequest(request({ environment: "production" }), partner, null);
    await submitAccessRequest(request({ keyName: "Loan origination 2" }), partner, null);
    await submitAccessRequest(request(), await makePartner(), null);
    // Once the first is withdrawn, the same request may be made again.
    await withdrawAccessRequest(requestId, partner, null);
    await submitAccessRequest(request(), partner, null);
  });
});

describe("a suspended organisation", () => {
  it("cannot reveal or rotate keys, through the service or the actions", async () => {
    const admin = await makeAdmin();
    const { partner, requestId } = await pendingRequest();
    const { keyId: toReveal } = await approveAccessRequest(approveRequestSchema.parse({ requestId, grantedScopes: ["cooperatives:read"] }), admin, null);
    const second = await pendingRequest({ keyName: "Second key" }, partner);
    const { keyId: toRotate } = await approveAccessRequest(approveRequestSchema.parse({ requestId: second.requestId, grantedScopes: ["cooperatives:read"] }), admin, null);
    await revealKey(toRotate, partner, null);
    const organizationId = partner.membership.organizationId;
    await suspendOrganization({ organizationId, reason: "Data-sharing agreement expired" }, admin, null);

    // The partner object still says "not suspended": the services read the database.
    await expect(revealKey(toReveal, partner, null)).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/suspended/) });
    await expect(rotateKey(toRotate, "now", partner, null)).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/suspended/) });
    await asPartner(partner);
    expect(await revealKeyAction({ keyId: toReveal })).toMatchObject({ ok: false, error: expect.stringMatching(/cannot be revealed or rotated/) });
    expect(await rotateKeyAction({ keyId: toRotate, grace: "1h" })).toMatchObject({ ok: false, error: expect.stringMatching(/cannot be revealed or rotated/) });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: toReveal } })).status).toBe("pending");
    expect(await db.apiKey.count({ where: { rotatedFromId: toRotate } })).toBe(0);
    expect(await db.auditEvent.count({ where: { organizationId, action: { in: ["key.rotated"] } } })).toBe(0);

    await reactivateOrganization({ organizationId }, admin, null);
    await revealKey(toReveal, partner, null);
    await rotateKey(toRotate, "now", partner, null);
  });
});
