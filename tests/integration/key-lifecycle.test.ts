import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import { closeApiStore, getApiStore } from "@/lib/api/store";
import { verifyKey } from "@/lib/gateway/verify";
import { revealKey, revokeKey, rotateKey } from "@/lib/keys/service";
import { accessRequestSchema, approveRequestSchema } from "@/lib/requests/schemas";
import { approveAccessRequest, rejectAccessRequest, submitAccessRequest, withdrawAccessRequest } from "@/lib/requests/service";
import { makeAdmin, makePartner } from "../support/factories";

/** What COPA's gateway would be told about a key (the production verification path). */
const verdict = (secret: string, at = new Date()) => verifyKey(getApiStore(), { key: secret }, at);
afterAll(() => closeApiStore());

const request = (scopes: string[]) =>
  accessRequestSchema.parse({
    keyName: "Loan origination",
    keyType: "partner",
    environment: "sandbox",
    useCase: "We check cooperative membership before granting agricultural loans to members.",
    scopes,
    justifications: { "members:write": "We register members who join through our branch network." },
  });

async function approvedKey(scopes = ["cooperatives:read", "members:read"]) {
  const partner = await makePartner();
  const admin = await makeAdmin();
  const { id } = await submitAccessRequest(request(scopes), partner, null);
  const { keyId } = await approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: scopes }), admin, null);
  return { partner, admin, requestId: id, keyId };
}

describe("access requests", () => {
  it("approves with fewer scopes than requested and records who decided", async () => {
    const partner = await makePartner();
    const admin = await makeAdmin();
    const { id } = await submitAccessRequest(request(["cooperatives:read", "members:read", "members:write"]), partner, null);
    await approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read", "members:read"] }), admin, null);
    const row = await db.accessRequest.findUniqueOrThrow({ where: { id }, include: { key: true } });
    expect(row.status).toBe("approved");
    expect(row.grantedScopes).toBe("cooperatives:read members:read");
    expect(row.decidedById).toBe(admin.id);
    expect(row.key?.scopes).toBe("cooperatives:read members:read");
    expect(row.key?.status).toBe("pending");
    expect(row.key?.hash).toBeNull();
    const actions = (await db.auditEvent.findMany({ where: { organizationId: partner.membership.organizationId }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["organization.created", "request.submitted", "request.approved", "key.issued"]));
  });

  it("issues exactly one key when two approvals race", async () => {
    const partner = await makePartner();
    const admin = await makeAdmin();
    const { id } = await submitAccessRequest(request(["cooperatives:read"]), partner, null);
    const input = approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read"] });
    const results = await Promise.allSettled([approveAccessRequest(input, admin, null), approveAccessRequest(input, admin, null), approveAccessRequest(input, admin, null)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(ServiceError);
    expect(await db.apiKey.count({ where: { requestId: id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { targetId: id, action: "request.approved" } })).toBe(1);
  });

  it("cannot decide a withdrawn request, nor withdraw another organisation's", async () => {
    const partner = await makePartner();
    const stranger = await makePartner();
    const admin = await makeAdmin();
    const { id } = await submitAccessRequest(request(["cooperatives:read"]), partner, null);
    await expect(withdrawAccessRequest(id, stranger, null)).rejects.toMatchObject({ code: "not_found" });
    await withdrawAccessRequest(id, partner, null);
    await expect(rejectAccessRequest({ requestId: id, reason: "Not a fit for the sandbox" }, admin, null)).rejects.toMatchObject({ code: "conflict" });
    await expect(approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read"] }), admin, null)).rejects.toMatchObject({ code: "conflict" });
    expect(await db.apiKey.count({ where: { requestId: id } })).toBe(0);
  });
});

describe("keys", () => {
  it("reveals once, stores only the hash and mask", async () => {
    const { partner, keyId } = await approvedKey();
    const revealed = await revealKey(keyId, partner, null);
    expect(revealed.secret).toMatch(/^sk_copa_partner_[a-z0-9]{32}$/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.mask).toBe(`sk_copa_partner_••••${revealed.secret.slice(-4)}`);
    expect(JSON.stringify(row)).not.toContain(revealed.secret.slice(16));
    const audit = await db.auditEvent.findMany({ where: { targetId: keyId } });
    expect(JSON.stringify(audit)).not.toContain(revealed.secret.slice(16));
    await expect(revealKey(keyId, partner, null)).rejects.toMatchObject({ code: "conflict" });
    expect((await verdict(revealed.secret)).valid).toBe(true);
  });

  it("keeps the old key working during the grace, then refuses it", async () => {
    const { partner, keyId } = await approvedKey();
    const first = await revealKey(keyId, partner, null);
    const rotated = await rotateKey(keyId, "1h", partner, null);
    expect(rotated.secret).not.toBe(first.secret);
    expect((await verdict(first.secret)).valid).toBe(true);
    expect((await verdict(rotated.secret)).valid).toBe(true);
    const inTwoHours = new Date(Date.now() + 2 * 3_600_000);
    expect(await verdict(first.secret, inTwoHours)).toEqual({ valid: false, reason: "expired" });
    expect((await verdict(rotated.secret, inTwoHours)).valid).toBe(true);
    const fresh = await db.apiKey.findUniqueOrThrow({ where: { id: rotated.keyId } });
    expect(fresh.scopes).toBe("cooperatives:read members:read");
    await expect(rotateKey(keyId, "1h", partner, null)).rejects.toMatchObject({ code: "conflict" });
  });

  it("rotating immediately revokes the old key", async () => {
    const { partner, keyId } = await approvedKey();
    const first = await revealKey(keyId, partner, null);
    await rotateKey(keyId, "now", partner, null);
    expect(await verdict(first.secret)).toEqual({ valid: false, reason: "revoked" });
  });

  it("revokes only after the name is typed, and at once", async () => {
    const { partner, keyId } = await approvedKey();
    const { secret } = await revealKey(keyId, partner, null);
    await expect(revokeKey({ keyId, confirmName: "wrong" }, partner, { organizationId: partner.membership.organizationId }, null)).rejects.toMatchObject({ code: "invalid" });
    expect((await verdict(secret)).valid).toBe(true);
    await revokeKey({ keyId, confirmName: "Loan origination" }, partner, { organizationId: partner.membership.organizationId }, null);
    expect(await verdict(secret)).toEqual({ valid: false, reason: "revoked" });
  });

  it("keeps organisations apart", async () => {
    const { keyId } = await approvedKey();
    const stranger = await makePartner();
    await expect(revealKey(keyId, stranger, null)).rejects.toMatchObject({ code: "not_found" });
    await expect(rotateKey(keyId, "now", stranger, null)).rejects.toMatchObject({ code: "not_found" });
    await expect(revokeKey({ keyId, confirmName: "Loan origination" }, stranger, { organizationId: stranger.membership.organizationId }, null)).rejects.toMatchObject({ code: "not_found" });
  });
});
