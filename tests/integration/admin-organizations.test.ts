import { afterAll, describe, expect, it } from "vitest";
import { reactivateOrganization, suspendOrganization } from "@/lib/admin/organizations";
import { suspendOrganizationSchema } from "@/lib/admin/schemas";
import { db } from "@/lib/db";
import { closeApiStore, getApiStore } from "@/lib/api/store";
import { verifyKey } from "@/lib/gateway/verify";
import { revealKey } from "@/lib/keys/service";
import { accessRequestSchema, approveRequestSchema } from "@/lib/requests/schemas";
import { approveAccessRequest, submitAccessRequest } from "@/lib/requests/service";
import { makeAdmin, makePartner } from "../support/factories";

/** What COPA's gateway would be told about a key (the production verification path). */
const verdict = (secret: string, at = new Date()) => verifyKey(getApiStore(), { key: secret }, at);
afterAll(() => closeApiStore());

const REQUEST = accessRequestSchema.parse({
  keyName: "Savings sync",
  keyType: "partner",
  environment: "sandbox",
  useCase: "We reconcile cooperative savings accounts with our core banking system every night.",
  scopes: ["cooperatives:read"],
});

async function orgWithLiveKey() {
  const partner = await makePartner();
  const admin = await makeAdmin();
  const { id } = await submitAccessRequest(REQUEST, partner, null);
  const { keyId } = await approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read"] }), admin, null);
  const { secret } = await revealKey(keyId, partner, null);
  return { partner, admin, organizationId: partner.membership.organizationId, secret };
}

describe("suspending an organisation", () => {
  it("refuses its keys at once and records who, why and when", async () => {
    const { admin, organizationId, secret } = await orgWithLiveKey();
    expect((await verdict(secret)).valid).toBe(true);

    await suspendOrganization({ organizationId, reason: "Data-sharing agreement expired" }, admin, "10.1.2.3");

    expect(await verdict(secret)).toEqual({ valid: false, reason: "organization_suspended" });
    const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
    expect(org.suspendedAt).toBeInstanceOf(Date);
    expect(org.suspendedReason).toBe("Data-sharing agreement expired");
    const events = await db.auditEvent.findMany({ where: { organizationId, action: "organization.suspended" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: admin.id, actorEmail: admin.email, targetType: "organization", targetId: organizationId, ip: "10.1.2.3" });
    expect(JSON.parse(events[0].metadata)).toEqual({ reason: "Data-sharing agreement expired", activeKeys: 1 });
  });

  it("reactivates: keys work again, the lifted reason stays in the trail", async () => {
    const { admin, organizationId, secret } = await orgWithLiveKey();
    await suspendOrganization({ organizationId, reason: "Suspicious traffic under review" }, admin, null);
    await reactivateOrganization({ organizationId }, admin, null);

    expect((await verdict(secret)).valid).toBe(true);
    const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
    expect(org.suspendedAt).toBeNull();
    expect(org.suspendedReason).toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ where: { organizationId, action: "organization.reactivated" } });
    expect(JSON.parse(event.metadata)).toMatchObject({ previousReason: "Suspicious traffic under review" });
  });

  it("is a conflict when already in the requested state, with no extra audit event", async () => {
    const { admin, organizationId } = await orgWithLiveKey();
    await expect(reactivateOrganization({ organizationId }, admin, null)).rejects.toMatchObject({ code: "conflict" });
    await suspendOrganization({ organizationId, reason: "First suspension reason" }, admin, null);
    await expect(suspendOrganization({ organizationId, reason: "Second suspension reason" }, admin, null)).rejects.toMatchObject({ code: "conflict" });
    expect(await db.auditEvent.count({ where: { organizationId, action: "organization.suspended" } })).toBe(1);
    expect((await db.organization.findUniqueOrThrow({ where: { id: organizationId } })).suspendedReason).toBe("First suspension reason");
  });

  it("two admins suspending at once: one wins, one audit event", async () => {
    const { organizationId } = await orgWithLiveKey();
    const [a, b] = [await makeAdmin(), await makeAdmin()];
    const results = await Promise.allSettled([
      suspendOrganization({ organizationId, reason: "Reason from admin A" }, a, null),
      suspendOrganization({ organizationId, reason: "Reason from admin B" }, b, null),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { organizationId, action: "organization.suspended" } })).toBe(1);
  });

  it("writes the change and its audit event in one transaction: if the audit fails, nothing changes", async () => {
    const { admin, organizationId } = await orgWithLiveKey();
    // recordAudit refuses key-shaped metadata; the suspension must roll back with it.
    const leaky = `pasted sk_copa_partner_${"a".repeat(32)}`;
    await expect(suspendOrganization({ organizationId, reason: leaky }, admin, null)).rejects.toThrow(/secret/);
    const org = await db.organization.findUniqueOrThrow({ where: { id: organizationId } });
    expect(org.suspendedAt).toBeNull();
    expect(await db.auditEvent.count({ where: { organizationId, action: "organization.suspended" } })).toBe(0);
  });

  it("blocks new requests from its members", async () => {
    const { admin, organizationId, partner } = await orgWithLiveKey();
    await suspendOrganization({ organizationId, reason: "Contract under renegotiation" }, admin, null);
    const fresh = { ...partner, membership: { ...partner.membership, organization: await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, legalName: true, suspendedAt: true } }) } };
    await expect(submitAccessRequest(REQUEST, fresh, null)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("404s an unknown organisation", async () => {
    const admin = await makeAdmin();
    const organizationId = "00000000-0000-4000-8000-000000000000";
    await expect(suspendOrganization({ organizationId, reason: "Does not exist anyway" }, admin, null)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("suspendOrganizationSchema", () => {
  it.each([
    [{ organizationId: "00000000-0000-4000-8000-000000000000", reason: "short" }, "reason"],
    [{ organizationId: "nope", reason: "A long enough reason" }, "organizationId"],
    [{ organizationId: "00000000-0000-4000-8000-000000000000", reason: "          " }, "reason"],
  ])("rejects %j on %s", (input, field) => {
    const parsed = suspendOrganizationSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual([field]);
  });
});
