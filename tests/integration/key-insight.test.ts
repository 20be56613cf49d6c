// Issue 12: a key's IP allowlist (API and gateway, refused before the scope check), the
// denial explorer's recording (batched, bounded, pruned after 30 days) and the key list's
// rename, with the server actions called directly as the right and the wrong user.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
// The action wrappers translate their answers with next-intl's server API, which refuses
// to run outside a React server environment: the same English catalogue, directly.
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { MESSAGES } = await import("@/lib/i18n/messages");
  return { getTranslations: async () => createTranslator({ locale: "en", messages: MESSAGES.en }) };
});
const { actAs, cookieJar } = await import("../support/request");

const { renameKeyAction, setKeyAllowlistAction } = await import("@/app/(partner)/keys/actions");
const { createApiApp } = await import("@/lib/api/app");
const { closeApiStore, getApiStore } = await import("@/lib/api/store");
const { DENIALS_PER_KEY_HOUR } = await import("@/lib/api/store/denials");
const { db } = await import("@/lib/db");
const { issueGatewayCredential } = await import("@/lib/gateway/service");
const { listKeyDenials } = await import("@/lib/keys/denials");
const { listOrganizationKeysFiltered, parseKeyListFilters } = await import("@/lib/keys/lists");
const { revokeKey, rotateKey } = await import("@/lib/keys/service");
const { renameKey, setKeyAllowlist } = await import("@/lib/keys/settings");
const { makeAdmin, makePartner } = await import("../support/factories");
const { call, issueKey, seeded } = await import("./api-support");

const IP_BODY = '{"detail":"IP address not allowed"}';
let gateway: string;

beforeAll(async () => {
  await seeded();
  gateway = (await issueGatewayCredential({ name: "Insight gateway" }, await makeAdmin(), null)).token;
});
afterEach(() => cookieJar.clear());
afterAll(() => closeApiStore());

async function liveKey(scopes: string[] = ["cooperatives:read"]) {
  const key = await issueKey(scopes);
  const developer = await makePartner("developer", { organizationId: key.organizationId });
  return { ...key, developer };
}

const verify = async (body: Record<string, unknown>) =>
  (await call("POST", "/api/keys/verify", { headers: { Authorization: `Bearer ${gateway}` }, body })).json as Record<string, unknown>;

describe("IP allowlist", () => {
  it("the API refuses other addresses with 403 before the scope check, and takes the list on the next call", async () => {
    const { secret, keyId, developer } = await liveKey();
    expect((await call("GET", "/cooperatives", { key: secret, ip: "203.0.113.7" })).status).toBe(200);

    const saved = await setKeyAllowlist({ keyId, allowedIps: "127.0.0.1\n10.1.2.3/8\n\n2001:DB8::/32" }, developer, "192.0.2.1");
    expect(saved.allowedIps).toEqual(["127.0.0.1", "10.0.0.0/8", "2001:db8::/32"]);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).allowedIps).toBe("127.0.0.1 10.0.0.0/8 2001:db8::/32");

    for (const ip of ["127.0.0.1", "::ffff:127.0.0.1", "10.200.0.9", "2001:db8::42"]) expect((await call("GET", "/cooperatives", { key: secret, ip })).status).toBe(200);
    const refused = await call("GET", "/cooperatives", { key: secret, ip: "203.0.113.7" });
    expect(refused.status).toBe(403);
    expect(refused.text).toBe(IP_BODY);
    expect(refused.headers.get("x-ratelimit-limit")).toBeTruthy();
    // An unknown address (no socket, no trusted proxy) cannot be checked: refused.
    expect((await call("GET", "/cooperatives", { key: secret, ip: null })).text).toBe(IP_BODY);
    // Before the scope: an outsider does not learn which scopes the key holds.
    expect((await call("GET", "/members", { key: secret, ip: "203.0.113.7" })).text).toBe(IP_BODY);
    expect((await call("GET", "/members", { key: secret, ip: "127.0.0.1" })).json).toEqual({ detail: "Insufficient scope" });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: keyId, action: "key.ip_allowlist_changed" } });
    expect(JSON.parse(audit.metadata)).toMatchObject({ before: [], after: ["127.0.0.1", "10.0.0.0/8", "2001:db8::/32"] });
    expect(audit.actorId).toBe(developer.id);

    // Cleared: any address again.
    await setKeyAllowlist({ keyId, allowedIps: "" }, developer, null);
    expect((await call("GET", "/cooperatives", { key: secret, ip: "203.0.113.7" })).status).toBe(200);
  });

  it("the gateway answers ip_not_allowed for an address outside the list or none", async () => {
    const { secret, keyId, developer } = await liveKey();
    await setKeyAllowlist({ keyId, allowedIps: "198.51.100.0/24" }, developer, null);
    expect(await verify({ key: secret, scope: "cooperatives:read", client_ip: "198.51.100.77" })).toMatchObject({ valid: true });
    expect(await verify({ key: secret, scope: "cooperatives:read", client_ip: "::ffff:198.51.100.77" })).toMatchObject({ valid: true });
    expect(await verify({ key: secret, scope: "cooperatives:read", client_ip: "203.0.113.7" })).toEqual({ valid: false, reason: "ip_not_allowed" });
    expect(await verify({ key: secret, scope: "members:read", client_ip: "203.0.113.7" })).toEqual({ valid: false, reason: "ip_not_allowed" });
    expect(await verify({ key: secret, scope: "cooperatives:read" })).toEqual({ valid: false, reason: "ip_not_allowed" });
  });

  it("refuses bad entries with a field error, carries the list to a rotated key, and a viewer cannot change it", async () => {
    const { keyId, developer, organizationId } = await liveKey();
    await expect(setKeyAllowlist({ keyId, allowedIps: "127.0.0.1\n10.0.0.300" }, developer, null)).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: { allowedIps: "keys.errors.allowlistInvalid" },
      values: { entry: "10.0.0.300" },
    });
    await expect(setKeyAllowlist({ keyId, allowedIps: "10.0.0.0/40" }, developer, null)).rejects.toMatchObject({ fieldErrors: { allowedIps: "keys.errors.allowlistPrefix" } });

    await actAs(await makePartner("viewer", { organizationId }));
    expect(await setKeyAllowlistAction({ keyId, allowedIps: "127.0.0.1" })).toMatchObject({ ok: false, error: /viewer/ });
    await actAs(await makePartner());
    expect(await setKeyAllowlistAction({ keyId, allowedIps: "127.0.0.1" })).toMatchObject({ ok: false, code: "not_found" });
    await actAs(developer);
    expect(await setKeyAllowlistAction({ keyId, allowedIps: "127.0.0.1" })).toMatchObject({ ok: true, data: { allowedIps: ["127.0.0.1"] } });

    const rotated = await rotateKey(keyId, "24h", developer, null);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: rotated.keyId } })).allowedIps).toBe("127.0.0.1");
    expect((await call("GET", "/cooperatives", { key: rotated.secret, ip: "203.0.113.7" })).text).toBe(IP_BODY);
  });
});

describe("denial explorer", () => {
  it("records refused calls of a known key with the reason and the scope that would have allowed it", async () => {
    const { secret, keyId, developer, organizationId } = await liveKey();
    await call("GET", "/members", { key: secret, ip: "198.51.100.5" });
    await setKeyAllowlist({ keyId, allowedIps: "127.0.0.1" }, developer, null);
    await call("GET", "/cooperatives", { key: secret, ip: "198.51.100.6" });
    await call("GET", "/cooperatives", { key: secret, ip: "127.0.0.1" });
    await revokeKey({ keyId, confirmName: "Integration test key" }, developer, { organizationId }, null);
    await call("GET", "/cooperatives", { key: secret, ip: "127.0.0.1" });
    await getApiStore().flushDenials();

    const { rows, total } = await listKeyDenials(organizationId, keyId);
    expect(total).toBe(3);
    expect(rows.map((r) => [r.reason, r.status, r.method, r.path, r.scope, r.ip])).toEqual([
      ["revoked", 401, "GET", "/api/v1/cooperatives", null, "127.0.0.1"],
      ["ip_not_allowed", 403, "GET", "/api/v1/cooperatives", null, "198.51.100.6"],
      ["insufficient_scope", 403, "GET", "/api/v1/members", "members:read", "198.51.100.5"],
    ]);
    // Another organisation sees none of them.
    expect((await listKeyDenials((await makePartner()).membership.organizationId, keyId)).total).toBe(0);
  });

  it("keeps at most DENIALS_PER_KEY_HOUR a key and hour, and prunes rows older than 30 days", async () => {
    const { keyId } = await liveKey();
    const store = getApiStore();
    const later = new Date(Date.now() + 5 * 3_600_000);
    for (let i = 0; i < DENIALS_PER_KEY_HOUR + 5; i++) {
      store.recordDenial({ keyId, at: later, method: "GET", path: "/api/v1/members", status: 403, reason: "insufficient_scope", scope: "members:read", ip: null });
    }
    await store.flushDenials();
    expect(await db.keyDenial.count({ where: { keyId } })).toBe(DENIALS_PER_KEY_HOUR);

    const day = 86_400_000;
    const old = await db.keyDenial.create({ data: { keyId, at: new Date(later.getTime() + 3_600_000 - 31 * day), status: 429, reason: "rate_limited" } });
    const recent = await db.keyDenial.create({ data: { keyId, at: new Date(later.getTime() + 3_600_000 - 29 * day), status: 429, reason: "rate_limited" } });
    // The first write of a new hour prunes, through the API as a real refusal.
    const { secret } = await issueKey(["cooperatives:read"]);
    const app = createApiApp({ now: () => new Date(later.getTime() + 3_600_000) });
    expect((await call("GET", "/members", { key: secret, app })).status).toBe(403);
    await store.flushDenials();
    expect(await db.keyDenial.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.keyDenial.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });

  it("does not record malformed or unknown keys", async () => {
    const before = await db.keyDenial.count();
    await call("GET", "/cooperatives", { key: "sk_copa_partner_0000000000000000000000000000zzzz" });
    await getApiStore().flushDenials();
    expect(await db.keyDenial.count()).toBe(before);
  });
});

describe("partner key list", () => {
  it("renames a key with an audit event; a viewer is refused", async () => {
    const { keyId, developer, organizationId } = await liveKey();
    await renameKey({ keyId, name: "Loan officers app" }, developer, "192.0.2.4");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: keyId, action: "key.renamed" } });
    expect(JSON.parse(audit.metadata)).toMatchObject({ from: "Integration test key", to: "Loan officers app" });

    await actAs(await makePartner("viewer", { organizationId }));
    expect(await renameKeyAction({ keyId, name: "Viewer's name" })).toMatchObject({ ok: false, error: /viewer/ });
    await actAs(developer);
    expect(await renameKeyAction({ keyId, name: "x" })).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });
    expect(await renameKeyAction({ keyId, name: "Field app (v2)" })).toEqual({ ok: true, data: { name: "Field app (v2)", changed: true } });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).name).toBe("Field app (v2)");
  });

  it("pages, searches by name or mask and filters by status, type and environment", async () => {
    const { keyId, developer, organizationId } = await liveKey();
    await renameKey({ keyId, name: "Mobile Wallet" }, developer, null);
    const second = await issueKey(["cooperatives:read"]);
    const mask = (await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).mask!;
    const list = (params: Record<string, string>) => listOrganizationKeysFiltered(organizationId, parseKeyListFilters(params));

    expect((await list({ q: "mobile" })).rows.map((r) => r.id)).toEqual([keyId]);
    expect((await list({ q: mask.slice(-4) })).rows.map((r) => r.id)).toEqual([keyId]);
    expect((await list({ q: mask })).rows.map((r) => r.id)).toEqual([keyId]);
    expect((await list({ status: "active", type: "partner", env: "sandbox" })).total).toBe(1);
    expect((await list({ status: "revoked" })).total).toBe(0);
    expect((await list({ env: "production" })).total).toBe(0);
    // Junk in the URL is no filter, never an error; another organisation's key never shows.
    expect((await list({ status: "nonsense", page: "-3" })).rows.map((r) => r.id)).toEqual([keyId]);
    expect((await list({ q: (await db.apiKey.findUniqueOrThrow({ where: { id: second.keyId } })).mask!.slice(-4) })).total).toBe(0);
  });
});
