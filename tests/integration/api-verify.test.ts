// POST /api/keys/verify: gateway authentication, every answer, what it counts, and
// revocations seen by the very next verification.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeApiStore } from "@/lib/api/store";
import { db } from "@/lib/db";
import { issueGatewayCredential, revokeGatewayCredential } from "@/lib/gateway/service";
import { revokeKey } from "@/lib/keys/service";
import { makeAdmin } from "../support/factories";
import { UNKNOWN_KEY, call, issueKey, seeded } from "./api-support";

let gateway: string;
let admin: Awaited<ReturnType<typeof makeAdmin>>;

async function ask(body: unknown, credential: string | null = gateway) {
  const headers: Record<string, string> = credential !== null ? { Authorization: `Bearer ${credential}` } : {};
  const res = await call("POST", "/api/keys/verify", { headers, body });
  return { status: res.status, text: res.text, json: res.json as Record<string, unknown> };
}

beforeAll(async () => {
  await seeded();
  admin = await makeAdmin();
  gateway = (await issueGatewayCredential({ name: "Test gateway" }, admin, null)).token;
});
afterAll(() => closeApiStore());

describe("gateway credentials", () => {
  it("are shown once, stored hashed and masked, issued and revoked with audit events", async () => {
    const issued = await issueGatewayCredential({ name: "Rotating gateway" }, admin, "192.0.2.10");
    expect(issued.token).toMatch(/^gw_copa_[a-z0-9]{32}$/);
    const row = await db.gatewayCredential.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.mask).toBe(`gw_copa_••••${issued.token.slice(-4)}`);
    expect(JSON.stringify(row)).not.toContain(issued.token.slice(8));
    expect((await ask({ key: UNKNOWN_KEY }, issued.token)).status).toBe(200);

    await revokeGatewayCredential({ credentialId: issued.id }, admin, null);
    const refused = await ask({ key: UNKNOWN_KEY }, issued.token);
    expect(refused.status).toBe(401);
    expect(refused.text).toBe('{"detail":"Invalid gateway credential"}');
    await expect(revokeGatewayCredential({ credentialId: issued.id }, admin, null)).rejects.toMatchObject({ code: "conflict" });

    const events = await db.auditEvent.findMany({ where: { targetId: issued.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["gateway_credential.issued", "gateway_credential.revoked"]);
    expect(JSON.stringify(events)).not.toContain(issued.token.slice(8));
    expect(events[0].ip).toBe("192.0.2.10");
  });

  it.each([
    ["no credential", null],
    ["a malformed one", "gw_copa_short"],
    ["an unknown one", `gw_copa_${"x".repeat(32)}`],
  ])("refuses %s with 401", async (_, credential) => {
    const res = await ask({ key: UNKNOWN_KEY }, credential);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ detail: "Invalid gateway credential" });
  });

  it("an API key is not a gateway credential", async () => {
    const { secret } = await issueKey(["cooperatives:read"], { keyType: "system" });
    expect((await ask({ key: secret }, secret)).status).toBe(401);
  });
});

describe("answers", () => {
  it("valid, with key details and rate-limit state", async () => {
    const { secret, keyId, organizationId } = await issueKey(["cooperatives:read", "members:read"]);
    const res = await ask({ key: secret });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      valid: true,
      key: {
        id: keyId,
        name: "Integration test key",
        organization: { id: organizationId, name: expect.any(String) },
        type: "partner",
        environment: "sandbox",
        scopes: ["cooperatives:read", "members:read"],
        expires_at: null,
      },
      rate_limit: expect.objectContaining({ limit: 1000, remaining: 1000, window: "hour" }),
    });
  });

  it("production keys are valid here (the gateway guards production)", async () => {
    const { secret } = await issueKey(["cooperatives:read"], { environment: "production" });
    expect((await ask({ key: secret, scope: "cooperatives:read" })).json).toMatchObject({ valid: true, key: { environment: "production" } });
  });

  it.each(["", "hello", "sk_copa_partner_ABC", `sk_copa_unknown_${"a".repeat(32)}`])("malformed: %j", async (key) => {
    expect((await ask({ key })).json).toEqual({ valid: false, reason: "malformed" });
  });

  it("not_found, revoked (on the very next verification), expired, organization_suspended", async () => {
    expect((await ask({ key: UNKNOWN_KEY })).json).toEqual({ valid: false, reason: "not_found" });

    const revoked = await issueKey(["cooperatives:read"]);
    expect((await ask({ key: revoked.secret, scope: "cooperatives:read" })).json).toMatchObject({ valid: true });
    await revokeKey({ keyId: revoked.keyId, confirmName: "Integration test key" }, admin, { admin: true }, null);
    expect((await ask({ key: revoked.secret, scope: "cooperatives:read" })).json).toEqual({ valid: false, reason: "revoked" });

    const expired = await issueKey(["cooperatives:read"]);
    await db.apiKey.update({ where: { id: expired.keyId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await ask({ key: expired.secret })).json).toEqual({ valid: false, reason: "expired" });

    const suspended = await issueKey(["cooperatives:read"]);
    await db.organization.update({ where: { id: suspended.organizationId }, data: { suspendedAt: new Date() } });
    expect((await ask({ key: suspended.secret })).json).toEqual({ valid: false, reason: "organization_suspended" });
  });

  it("insufficient_scope, counted as a 4xx and not against the limit", async () => {
    const { secret, keyId } = await issueKey(["cooperatives:read"]);
    expect((await ask({ key: secret, scope: "members:write" })).json).toEqual({ valid: false, reason: "insufficient_scope" });
    expect(await db.rateLimitBucket.count({ where: { keyId } })).toBe(0);
    expect(await db.keyUsageDaily.findFirst({ where: { keyId } })).toMatchObject({ count4xx: 1, count2xx: 0 });
  });

  it("with a scope counts one request; without one counts nothing; over the limit: rate_limited", async () => {
    const { secret, keyId } = await issueKey(["members:read"], { limits: { hour: 2 } });
    for (let i = 0; i < 3; i++) expect((await ask({ key: secret })).json).toMatchObject({ valid: true, rate_limit: { remaining: 2 } });
    expect((await ask({ key: secret, scope: "members:read", client_ip: "198.51.100.9" })).json).toMatchObject({ valid: true, rate_limit: { remaining: 1 } });
    expect((await ask({ key: secret, scope: "members:read" })).json).toMatchObject({ valid: true, rate_limit: { remaining: 0 } });
    const limited = await ask({ key: secret, scope: "members:read" });
    expect(limited.json).toMatchObject({ valid: false, reason: "rate_limited", rate_limit: { limit: 2, remaining: 0, window: "hour", retry_after: expect.any(Number) } });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedIp).toBe("198.51.100.9");
    expect(await db.keyUsageDaily.findFirst({ where: { keyId } })).toMatchObject({ count2xx: 2, count429: 1 });
  });

  it.each([
    ["{", /^JSON parse error - /],
    [{}, /^key: This field is required\.$/],
    [{ key: "x", scope: "admin:all" }, /^scope: "admin:all" is not a valid choice\./],
    [{ key: "x", client_ip: "<script>" }, /^client_ip: Must be an IPv4 or IPv6 address\.$/],
  ])("400 for %j", async (body, detail) => {
    const res = await ask(body);
    expect(res.status).toBe(400);
    expect(res.json.detail).toMatch(detail);
  });

  it("other methods are a JSON 405", async () => {
    const res = await call("GET", "/api/keys/verify", {});
    expect(res.status).toBe(405);
    expect(res.json).toEqual({ detail: 'Method "GET" not allowed.' });
  });
});
