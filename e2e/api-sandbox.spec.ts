// The sandbox API over HTTP through the running portal: both key headers, the exact error
// bodies, JSON for unknown paths and methods, rate limits with Retry-After, revocation on
// the next request, the public OpenAPI document and the gateway's verification service.
import { expect, test } from "./fixtures";
import { issueKey } from "./api-support";
import { factory } from "./support/factory";

const INVALID = '{"detail":"Invalid API key"}';

test.describe("sandbox API over HTTP", () => {
  test("a key works with both headers; bad keys and missing scopes get the exact bodies", async ({ request }) => {
    const key = await issueKey(["cooperatives:read", "members:read"]);
    for (const headers of [{ Authorization: `Bearer ${key.secret}` }, { "X-API-Key": key.secret }] as Record<string, string>[]) {
      const res = await request.get("/api/v1/cooperatives?province=Southern&page_size=5", { headers });
      expect(res.status()).toBe(200);
      expect(res.headers()["content-type"]).toBe("application/json");
      for (const h of ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"]) expect(res.headers()[h]).toMatch(/^\d+$/);
      const body = await res.json();
      expect(body).toMatchObject({ count: expect.any(Number), previous: null });
      expect(body.results.length).toBeLessThanOrEqual(5);
      for (const c of body.results) expect(c.province).toBe("Southern");
    }
    for (const headers of [{}, { Authorization: "Bearer sk_copa_partner_short" }, { "X-API-Key": `sk_copa_partner_${"0".repeat(32)}` }] as Record<string, string>[]) {
      const res = await request.get("/api/v1/members", { headers });
      expect(res.status()).toBe(401);
      expect(await res.text()).toBe(INVALID);
    }
    const forbidden = await request.get("/api/v1/loans", { headers: { Authorization: `Bearer ${key.secret}` } });
    expect(forbidden.status()).toBe(403);
    expect(await forbidden.text()).toBe('{"detail":"Insufficient scope"}');

    const usage = await factory<{ lastUsedAt: string | null; lastUsedIp: string | null }>("keyUsage", { keyId: key.keyId });
    expect(usage.lastUsedAt).not.toBeNull();
  });

  test("unknown paths, unknown ids and unsupported methods answer JSON", async ({ request }) => {
    const key = await issueKey(["cooperatives:read"]);
    const headers = { Authorization: `Bearer ${key.secret}` };
    const unknown = await request.get("/api/v1/does-not-exist/anywhere", { headers });
    expect(unknown.status()).toBe(404);
    expect(await unknown.text()).toBe('{"detail":"Not found."}');
    const missing = await request.get("/api/v1/cooperatives/00000000-0000-4000-8000-000000000000", { headers });
    expect([missing.status(), await missing.text()]).toEqual([404, '{"detail":"Not found."}']);
    const method = await request.delete("/api/v1/cooperatives", { headers });
    expect(method.status()).toBe(405);
    expect(await method.json()).toEqual({ detail: 'Method "DELETE" not allowed.' });
    const tooBig = await request.get("/api/v1/cooperatives?page_size=1000", { headers });
    expect(await tooBig.json()).toEqual({ detail: "page_size: Ensure this value is less than or equal to 100." });
  });

  test("writes validate and persist", async ({ request }) => {
    const key = await issueKey(["cooperatives:read", "cooperatives:write"]);
    const headers = { Authorization: `Bearer ${key.secret}` };
    const bad = await request.post("/api/v1/cooperatives", { headers, data: { name: "No code" } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).detail).toMatch(/^code: This field is required\./);
    const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
    const created = await request.post("/api/v1/cooperatives", {
      headers,
      data: { code, name: "Koperative E2E", province: "Eastern", district: "Nyagatare", sector: "Karangazi", cell: "Rwisirabo", activity: "Dairy", programme: "RAB" },
    });
    expect(created.status()).toBe(201);
    const { id } = await created.json();
    const read = await request.get(`/api/v1/cooperatives/${id}`, { headers });
    expect(await read.json()).toMatchObject({ id, code, member_count: 0 });
  });

  test("over the limit: 429 with Retry-After, and a revoked key is refused at once", async ({ request }) => {
    const key = await issueKey(["cooperatives:read"], { limitHour: 2 });
    const headers = { "X-API-Key": key.secret };
    expect((await request.get("/api/v1/cooperatives", { headers })).status()).toBe(200);
    const last = await request.get("/api/v1/cooperatives", { headers });
    expect(last.headers()["x-ratelimit-remaining"]).toBe("0");
    const throttled = await request.get("/api/v1/cooperatives", { headers });
    expect(throttled.status()).toBe(429);
    const retryAfter = throttled.headers()["retry-after"];
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(await throttled.text()).toBe(`{"detail":"Request was throttled. Expected available in ${retryAfter} seconds."}`);

    const other = await issueKey(["cooperatives:read"]);
    const auth = { Authorization: `Bearer ${other.secret}` };
    expect((await request.get("/api/v1/cooperatives", { headers: auth })).status()).toBe(200);
    await factory("revokeKey", { keyId: other.keyId });
    const refused = await request.get("/api/v1/cooperatives", { headers: auth });
    expect([refused.status(), await refused.text()]).toEqual([401, INVALID]);
  });

  test("a production key is refused by the sandbox", async ({ request }) => {
    const key = await issueKey(["cooperatives:read"], { environment: "production" });
    const res = await request.get("/api/v1/cooperatives", { headers: { Authorization: `Bearer ${key.secret}` } });
    expect([res.status(), await res.text()]).toEqual([401, INVALID]);
  });

  test("the OpenAPI document is public and lists every endpoint", async ({ request }) => {
    const res = await request.get("/api/v1/openapi.json");
    expect(res.status()).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/cooperatives", "/cooperatives/{id}", "/cooperatives/{id}/members", "/members", "/members/{id}", "/loans", "/payments", "/keys/verify"]));
  });

  test("the gateway verifies keys with its credential", async ({ request }) => {
    const key = await issueKey(["members:read"]);
    const { token } = await factory<{ token: string }>("issueGatewayCredential", { name: `E2E gateway ${Date.now()}` });
    const verify = (data: unknown, credential = token) => request.post("/api/keys/verify", { headers: { Authorization: `Bearer ${credential}` }, data });
    expect(await (await verify({ key: key.secret, scope: "members:read" })).json()).toMatchObject({ valid: true, key: { id: key.keyId, scopes: ["members:read"] } });
    expect(await (await verify({ key: key.secret, scope: "loans:write" })).json()).toEqual({ valid: false, reason: "insufficient_scope" });
    const noCredential = await verify({ key: key.secret }, key.secret);
    expect([noCredential.status(), await noCredential.json()]).toEqual([401, { detail: "Invalid gateway credential" }]);
  });
});
