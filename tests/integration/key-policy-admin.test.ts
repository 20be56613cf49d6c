// The key policy admins edit (issue 11, items 4 and 5; issue 12, item 5): stored in the
// database, changed only by an admin after a step-up and audited in the same transaction;
// enforced at submission and at approval; a tightened policy lists the live keys outside
// it without touching them; instant sandbox keys for read-only sandbox requests.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AccessRequestInput } from "@/lib/requests/schemas";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
// The audit writer, with a switch to make it fail: proves the policy change rolls back with it.
const auditFailure = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/audit", async (original) => {
  const real = await original<typeof import("@/lib/audit")>();
  return {
    ...real,
    recordAudit: async (...args: Parameters<typeof real.recordAudit>) => {
      if (auditFailure.on && args[1].action === "key_policy.changed") throw new Error("audit unavailable");
      return real.recordAudit(...args);
    },
  };
});
const { actAs, cookieJar } = await import("../support/request");

const { updateKeyPolicyAction } = await import("@/lib/review/actions");
const { approveRequestAction } = await import("@/app/(admin)/admin/requests/[id]/actions");
const { submitAccessRequestAction } = await import("@/app/(partner)/requests/actions");
const { db } = await import("@/lib/db");
const { refusal } = await import("../support/english");
const { DEFAULT_KEY_POLICY, KEY_POLICY, READ_SCOPES, ceilingScopes } = await import("@/lib/keys/policy");
const { getKeyPolicy, listKeysOutsidePolicy, updateKeyPolicy } = await import("@/lib/keys/policy-store");
const { revealKey } = await import("@/lib/keys/service");
const { accessRequestSchema, approveRequestSchema } = await import("@/lib/requests/schemas");
const { approveAccessRequest, submitAccessRequest } = await import("@/lib/requests/service");
const { makeAdmin, makePartner } = await import("../support/factories");

type Policy = typeof DEFAULT_KEY_POLICY;
const DAY = 86_400_000;
const clone = (p: Policy): Policy => JSON.parse(JSON.stringify(p));
const withInstant = (enabled: boolean, scopes = READ_SCOPES): Policy => ({ ...clone(DEFAULT_KEY_POLICY), instantSandbox: { enabled, scopes: [...scopes] } });

let admin: Awaited<ReturnType<typeof makeAdmin>>;
beforeEach(async () => {
  admin = await makeAdmin();
  // Each test starts from the defaults, instant keys off (as integration-setup.ts leaves them).
  await updateKeyPolicy(withInstant(false), admin, null);
});
afterEach(() => {
  cookieJar.clear();
  auditFailure.on = false;
});

const raw = (patch: Partial<AccessRequestInput> = {}): AccessRequestInput => ({
  keyName: `Key ${Math.random().toString(36).slice(2, 8)}`,
  keyType: "partner",
  environment: "sandbox",
  useCase: "We check cooperative membership before granting agricultural loans to members.",
  scopes: ["cooperatives:read", "members:read"],
  justifications: { "payments:write": "Branch agents record repayments collected in cash." },
  ...patch,
});

describe("the defaults are today's behaviour", () => {
  it("every scope the catalogue lets a type hold, the fixed lifetimes, both two-person rules, instant sandbox keys on", () => {
    for (const type of ["partner", "webhook", "mobile", "system"] as const) {
      expect(DEFAULT_KEY_POLICY.scopes[type]).toEqual(ceilingScopes(type));
      expect(DEFAULT_KEY_POLICY.maxLifetimeDays[type]).toEqual(KEY_POLICY[type].maxLifetimeDays);
    }
    expect(DEFAULT_KEY_POLICY.maxLifetimeDays.partner).toEqual({ sandbox: null, production: 365 });
    expect(DEFAULT_KEY_POLICY.twoPerson).toEqual({ productionWrite: true, system: true });
    expect(DEFAULT_KEY_POLICY.instantSandbox).toEqual({ enabled: true, scopes: READ_SCOPES });
  });
});

describe("editing the policy", () => {
  it("is refused to a partner and to an admin without a recent step-up; an admin's change is stored and audited with before and after", async () => {
    const partner = await makePartner();
    const tightened = clone(await getKeyPolicy());
    tightened.maxLifetimeDays.partner.production = 90;

    await actAs(partner);
    expect(await updateKeyPolicyAction(tightened)).toMatchObject({ ok: false });
    await actAs(admin, new Date(Date.now() - 20 * 60_000));
    expect(await updateKeyPolicyAction(tightened)).toMatchObject({ ok: false, code: "step_up_required" });
    expect((await getKeyPolicy()).maxLifetimeDays.partner.production).toBe(365);

    await actAs(admin);
    expect(await updateKeyPolicyAction(tightened)).toEqual({ ok: true, data: { changed: ["maxLifetimeDays.partner.production"] } });
    expect((await getKeyPolicy()).maxLifetimeDays.partner.production).toBe(90);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "key_policy.changed", actorId: admin.id }, orderBy: { createdAt: "desc" } });
    const metadata = JSON.parse(event.metadata);
    expect(metadata.changed).toEqual(["maxLifetimeDays.partner.production"]);
    expect(JSON.parse(metadata.before).maxLifetimeDays.partner.production).toBe(365);
    expect(JSON.parse(metadata.after).maxLifetimeDays.partner.production).toBe(90);
  });

  it("refuses a policy beyond the ceiling: a write scope on a mobile key, a production key that never expires, a write scope as instant", async () => {
    await actAs(admin);
    const beyond = clone(DEFAULT_KEY_POLICY);
    (beyond.scopes.mobile as string[]).push("payments:write");
    (beyond.maxLifetimeDays.partner as Record<string, number | null>).production = null;
    (beyond.instantSandbox.scopes as string[]).push("members:write");
    const result = await updateKeyPolicyAction(beyond);
    expect(result).toMatchObject({ ok: false, fieldErrors: { "scopes.mobile": expect.any(String), "maxLifetimeDays.partner.production": expect.any(String), "instantSandbox.scopes": expect.any(String) } });
    expect(await getKeyPolicy()).toEqual(withInstant(false));
  });

  it("writes the policy and its audit event in one transaction: no audit, no change", async () => {
    const tightened = withInstant(false);
    tightened.maxLifetimeDays.mobile.production = 30;
    auditFailure.on = true;
    await expect(updateKeyPolicy(tightened, admin, null)).rejects.toThrow("audit unavailable");
    expect((await getKeyPolicy()).maxLifetimeDays.mobile.production).toBe(90);
  });
});

describe("enforced at submission and at approval", () => {
  it("a scope the policy no longer allows is refused with a field error, when submitted and when granted", async () => {
    const partner = await makePartner();
    // Submitted before the change, decided after it.
    const { id: requestId } = await submitAccessRequest(accessRequestSchema.parse(raw({ scopes: ["cooperatives:read", "loans:read"] })), partner, null);
    const policy = withInstant(false);
    policy.scopes.partner = policy.scopes.partner.filter((s) => s !== "loans:read");
    await updateKeyPolicy(policy, admin, null);

    await actAs(partner);
    const submitted = await submitAccessRequestAction(raw({ scopes: ["loans:read"] }));
    expect(submitted).toMatchObject({ ok: false, code: "invalid", fieldErrors: { scopes: expect.stringContaining("loans:read") } });

    await actAs(admin);
    const approved = await approveRequestAction({ requestId, grantedScopes: ["cooperatives:read", "loans:read"] });
    expect(approved).toMatchObject({ ok: false, fieldErrors: { grantedScopes: expect.stringContaining("loans:read") } });
    expect(await db.apiKey.count({ where: { requestId } })).toBe(0);
    // Granting only what the policy allows works.
    expect(await approveRequestAction({ requestId, grantedScopes: ["cooperatives:read"] })).toMatchObject({ ok: true });
  });

  it("expiry within the type's maximum: none chosen gives the maximum; a longer one is refused", async () => {
    const policy = withInstant(false);
    policy.maxLifetimeDays.partner.production = 30;
    await updateKeyPolicy(policy, admin, null);
    const partner = await makePartner();
    const first = await submitAccessRequest(accessRequestSchema.parse(raw({ environment: "production", scopes: ["cooperatives:read"] })), partner, null);
    // Read as an English reader would (the refusal is a message key the edges translate).
    expect(await refusal(approveAccessRequest(approveRequestSchema.parse({ requestId: first.id, grantedScopes: ["cooperatives:read"], expiry: "90" }), admin, null))).toMatchObject({
      code: "invalid",
      fieldErrors: { expiry: expect.stringContaining("30 days") },
    });
    const { keyId } = await approveAccessRequest(approveRequestSchema.parse({ requestId: first.id, grantedScopes: ["cooperatives:read"] }), admin, null);
    const key = await db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
    expect(key.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    expect(key.expiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 30 * DAY);
  });
});

describe("a tightened policy never changes a live key", () => {
  it("lists keys outside it (scopes no longer allowed, expiry beyond the new maximum), paged, and leaves them as they were", async () => {
    const partner = await makePartner();
    const issue = async (patch: Partial<AccessRequestInput>) => {
      const { id } = await submitAccessRequest(accessRequestSchema.parse(raw(patch)), partner, null);
      return (await approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: patch.scopes }), admin, null)).keyId;
    };
    const withMembers = await issue({ scopes: ["cooperatives:read", "members:read"] });
    const longLived = await issue({ environment: "production", scopes: ["cooperatives:read"] });
    const within = await issue({ scopes: ["cooperatives:read"] });
    const before = await db.apiKey.findMany({ where: { id: { in: [withMembers, longLived, within] } }, orderBy: { id: "asc" } });

    const policy = withInstant(false);
    policy.scopes.partner = policy.scopes.partner.filter((s) => s !== "members:read");
    policy.maxLifetimeDays.partner.production = 90;
    await updateKeyPolicy(policy, admin, null);

    const listed = await listKeysOutsidePolicy(await getKeyPolicy());
    const mine = listed.rows.filter((r) => [withMembers, longLived, within].includes(r.id));
    expect(mine.map((r) => [r.id, r.reasons])).toEqual(
      expect.arrayContaining([
        [withMembers, [{ kind: "scopes", scopes: ["members:read"] }]],
        [longLived, [{ kind: "lifetime", maxDays: 90 }]],
      ]),
    );
    expect(mine).toHaveLength(2);
    expect(listed.total).toBeGreaterThanOrEqual(2);
    expect(listed.pageSize).toBe(50);
    expect(await db.apiKey.findMany({ where: { id: { in: [withMembers, longLived, within] } }, orderBy: { id: "asc" } })).toEqual(before);
  });
});

describe("instant sandbox keys", () => {
  it("a sandbox read-only request is approved at once by the system: key issued, audited, partner notified, revealable", async () => {
    await updateKeyPolicy(withInstant(true), admin, null);
    const partner = await makePartner();
    await actAs(partner);
    const result = await submitAccessRequestAction(raw({ scopes: ["cooperatives:read", "members:read"] }));
    expect(result).toMatchObject({ ok: true, data: { id: expect.any(String), keyId: expect.any(String) } });
    const { id: requestId, keyId } = (result as { ok: true; data: { id: string; keyId: string } }).data;

    expect(await db.accessRequest.findUniqueOrThrow({ where: { id: requestId } })).toMatchObject({ status: "approved", decidedById: null, grantedScopes: "cooperatives:read members:read" });
    const audit = await db.auditEvent.findMany({ where: { targetId: { in: [requestId, keyId] } }, orderBy: { createdAt: "asc" }, select: { action: true, actorId: true, metadata: true } });
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ["request.submitted", partner.id],
      ["request.approved", null],
      ["key.issued", null],
    ]);
    expect(JSON.parse(audit[1].metadata)).toMatchObject({ approvedBy: "system", rule: "instant_sandbox", grantedScopes: ["cooperatives:read", "members:read"] });
    expect(await db.notification.count({ where: { userId: partner.id, kind: "request_approved" } })).toBe(1);
    const thread = await db.requestEvent.findMany({ where: { requestId }, select: { kind: true, actorRole: true } });
    expect(thread).toEqual([{ kind: "approved", actorRole: "system" }]);

    const revealed = await revealKey(keyId, partner, null);
    expect(revealed.secret).toMatch(/^sk_copa_partner_[a-z0-9]{32}$/);
  });

  it("not for production, a write scope, a scope off the instant list, or when turned off: those wait for an admin", async () => {
    await updateKeyPolicy(withInstant(true, ["cooperatives:read", "members:read"]), admin, null);
    const partner = await makePartner();
    const cases: Partial<AccessRequestInput>[] = [
      { environment: "production", scopes: ["cooperatives:read"] },
      { scopes: ["cooperatives:read", "payments:write"] },
      { scopes: ["loans:read"] },
      { keyType: "webhook", scopes: ["webhooks:receive"], justifications: { "webhooks:receive": "We receive COPA event deliveries at our own endpoint." } },
    ];
    for (const patch of cases) {
      const { id, keyId } = await submitAccessRequest(accessRequestSchema.parse(raw(patch)), partner, null);
      expect(keyId, JSON.stringify(patch)).toBeUndefined();
      expect((await db.accessRequest.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
    }
    await updateKeyPolicy(withInstant(false), admin, null);
    const off = await submitAccessRequest(accessRequestSchema.parse(raw({ scopes: ["cooperatives:read"] })), partner, null);
    expect(off.keyId).toBeUndefined();
    expect(await db.apiKey.count({ where: { requestId: off.id } })).toBe(0);
  });
});
