// Every /api/v1 endpoint against no key, a malformed key, an unknown key, a valid key
// without the endpoint's scope and a valid key with it: exact statuses and bytes. Plus the
// other ways a key is refused (revoked, expired, production, suspended organisation),
// which must be indistinguishable from each other.
import { getEnv } from "@/lib/env";
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiApp } from "@/lib/api/app";
import { ENDPOINTS, endpointKey } from "@/lib/api/routes";
import { closeApiStore } from "@/lib/api/store";
import { db } from "@/lib/db";
import { ENDPOINT_SCOPES } from "@/lib/scopes/enforcement";
import { revokeKey } from "@/lib/keys/service";
import { makeAdmin } from "../support/factories";
import { ALL_SCOPES, INSUFFICIENT_SCOPE_BODY, INVALID_KEY_BODY, MALFORMED_KEY, UNKNOWN_KEY, call, issueKey, seeded, type CallOptions } from "./api-support";

type ApiEndpoint = string;
const STATUS = new Map(ENDPOINTS.map((e) => [endpointKey(e), e.status]));

let full: string;
let ids: { cooperativeId: string; memberId: string; loanId: string };

const code = () => `T-${randomBytes(4).toString("hex").toUpperCase()}`;

/** A request that succeeds for a key holding the endpoint's scope. */
function validRequest(endpoint: ApiEndpoint): { path: string; options: CallOptions } {
  const [method, template] = endpoint.split(" ");
  const id = template.startsWith("/members/") ? ids.memberId : ids.cooperativeId;
  const path = template.replace("{id}", id);
  const cooperativeBody = { code: code(), name: "Koperative y'Abahinzi Test", province: "Southern", district: "Huye", sector: "Maraba", cell: "Gasharu", activity: "Coffee", programme: "NAEB" };
  const memberBody = { cooperative_id: ids.cooperativeId, first_name: "Aline", last_name: "Uwase", gender: "female", phone: "+250788000111", national_id: "1199070012345047", joined_at: "2022-05-01" };
  const bodies: Partial<Record<ApiEndpoint, unknown>> = {
    "POST /cooperatives": cooperativeBody,
    "PUT /cooperatives/{id}": { ...cooperativeBody, code: undefined },
    "POST /members": memberBody,
    "PUT /members/{id}": memberBody,
    "POST /loans": { cooperative_id: ids.cooperativeId, member_id: ids.memberId, principal: 250000, interest_rate: 12, term_months: 12 },
    "POST /payments": { cooperative_id: ids.cooperativeId, loan_id: ids.loanId, amount: 5000, method: "cash", reference: "CS-TEST", paid_at: "2025-02-01T08:00:00Z" },
  };
  let body = bodies[endpoint];
  if (endpoint === "PUT /cooperatives/{id}") body = { ...cooperativeBody, code: code() };
  return { path, options: { body: method === "GET" ? undefined : body } };
}

beforeAll(async () => {
  const { cooperative: coop, member: m } = await seeded();
  full = (await issueKey(ALL_SCOPES)).secret;
  const loan = await db.loan.create({ data: { cooperativeId: coop.id, memberId: m.id, principal: 100000, interestRate: 10, termMonths: 6, status: "disbursed" } });
  ids = { cooperativeId: coop.id, memberId: m.id, loanId: loan.id };
});

afterAll(() => closeApiStore());

describe.each(ENDPOINTS.map(endpointKey))("%s", (endpoint) => {
  const [method] = endpoint.split(" ");
  const scope = ENDPOINT_SCOPES.get(endpoint)!;

  it("answers 401 with the exact body to no key, a malformed key and an unknown key", async () => {
    const { path, options } = validRequest(endpoint);
    for (const key of [null, MALFORMED_KEY, UNKNOWN_KEY, ""]) {
      for (const via of ["bearer", "x-api-key"] as const) {
        const res = await call(method, path, { ...options, key, via });
        expect(res.status).toBe(401);
        expect(res.text).toBe(INVALID_KEY_BODY);
        expect(res.headers.get("content-type")).toBe("application/json");
        // The default policy, untouched, whatever the key: nothing reveals that a key exists.
        expect(res.headers.get("x-ratelimit-limit")).toBe(String(getEnv().COPA_RATE_LIMIT_HOUR));
        expect(res.headers.get("x-ratelimit-remaining")).toBe(String(getEnv().COPA_RATE_LIMIT_HOUR));
        expect(Number(res.headers.get("x-ratelimit-reset"))).toBeGreaterThan(0);
      }
    }
  });

  it(`answers 403 to a valid key without ${scope}, without counting it`, async () => {
    const others = ALL_SCOPES.filter((s) => s !== scope);
    const { secret, keyId } = await issueKey(others.slice(0, 2));
    const { path, options } = validRequest(endpoint);
    const res = await call(method, path, { ...options, key: secret, via: "x-api-key" });
    expect(res.status).toBe(403);
    expect(res.text).toBe(INSUFFICIENT_SCOPE_BODY);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("x-ratelimit-limit")).toBe("1000");
    expect(res.headers.get("x-ratelimit-remaining")).toBe("1000");
    expect(await db.rateLimitBucket.count({ where: { keyId } })).toBe(0);
    expect(await db.keyUsageDaily.findFirst({ where: { keyId } })).toMatchObject({ count4xx: 1, count2xx: 0 });
  });

  it(`serves a valid key with ${scope}, with either header`, async () => {
    for (const via of ["bearer", "x-api-key"] as const) {
      const { path, options } = validRequest(endpoint);
      const res = await call(method, path, { ...options, key: full, via });
      expect(res.status, res.text).toBe(STATUS.get(endpoint));
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("x-ratelimit-limit")).toMatch(/^\d+$/);
      expect(res.headers.get("x-ratelimit-remaining")).toMatch(/^\d+$/);
      expect(res.headers.get("x-ratelimit-reset")).toMatch(/^\d{10}$/);
    }
  });
});

describe("refused keys are indistinguishable", () => {
  const get = (key: string) => call("GET", "/cooperatives", { key });

  it("revoked (honoured by the very next request), expired, production, suspended organisation: 401, same bytes", async () => {
    const revoked = await issueKey(["cooperatives:read"]);
    expect((await get(revoked.secret)).status).toBe(200);
    const admin = await makeAdmin();
    const key = await db.apiKey.findUniqueOrThrow({ where: { id: revoked.keyId } });
    await revokeKey({ keyId: revoked.keyId, confirmName: key.name }, admin, { admin: true }, null);
    const afterRevoke = await get(revoked.secret);

    const expired = await issueKey(["cooperatives:read"]);
    await db.apiKey.update({ where: { id: expired.keyId }, data: { expiresAt: new Date(Date.now() - 1000) } });

    const production = await issueKey(["cooperatives:read"], { environment: "production" });

    const suspended = await issueKey(["cooperatives:read"]);
    await db.organization.update({ where: { id: suspended.organizationId }, data: { suspendedAt: new Date(), suspendedReason: "test" } });

    const responses = [afterRevoke, await get(expired.secret), await get(production.secret), await get(suspended.secret), await get(UNKNOWN_KEY)];
    const until = Math.floor(Date.now() / 1000);
    // Byte for byte the same answer; X-RateLimit-Reset is the clock ("nothing to wait
    // for"), so it may tick between two requests and is compared with the clock instead.
    const headersOf = (res: (typeof responses)[number]) => [...res.headers.entries()].filter(([name]) => name !== "x-ratelimit-reset").sort();
    for (const res of responses) {
      expect(res.status).toBe(401);
      expect(res.text).toBe(INVALID_KEY_BODY);
      expect(headersOf(res)).toEqual(headersOf(responses[0]));
      expect(Number(res.headers.get("x-ratelimit-reset"))).toBeGreaterThanOrEqual(until - 30);
      expect(Number(res.headers.get("x-ratelimit-reset"))).toBeLessThanOrEqual(until);
    }
  });

  it("a rotated key keeps working during its grace and stops after it", async () => {
    const old = await issueKey(["cooperatives:read"]);
    expect((await get(old.secret)).status).toBe(200);
    await db.apiKey.update({ where: { id: old.keyId }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    expect((await get(old.secret)).status).toBe(200);
    await db.apiKey.update({ where: { id: old.keyId }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await get(old.secret)).status).toBe(401);
  });

  it("records last use and the caller's address: the socket's, never a claimed X-Forwarded-For", async () => {
    const { secret, keyId } = await issueKey(["cooperatives:read"]);
    await call("GET", "/cooperatives", { key: secret, ip: "198.51.100.23", headers: { "x-forwarded-for": "6.6.6.6" } });
    const row = await db.apiKey.findUniqueOrThrow({ where: { id: keyId } });
    expect(row.lastUsedIp).toBe("198.51.100.23");
    expect(Date.now() - row.lastUsedAt!.getTime()).toBeLessThan(60_000);
    // A 400 and a 404 are counted as client errors, not successes.
    await call("GET", "/cooperatives?page_size=500", { key: secret });
    await call("GET", "/cooperatives?page=99", { key: secret });
    const usage = await db.keyUsageDaily.findUniqueOrThrow({ where: { keyId_day: { keyId, day: new Date().toISOString().slice(0, 10) } } });
    expect(usage).toMatchObject({ count2xx: 1, count4xx: 2, count429: 0, count5xx: 0 });
  });

  it("ignores other Authorization schemes, and refuses two different keys with a 400 rather than guess", async () => {
    const { secret } = await issueKey(["cooperatives:read"]);
    const basic = await call("GET", "/cooperatives", { headers: { Authorization: "Basic abc", "X-API-Key": secret } });
    expect(basic.status).toBe(200);
    const same = await call("GET", "/cooperatives", { headers: { Authorization: `Bearer ${secret}`, "X-API-Key": secret } });
    expect(same.status).toBe(200);
    for (const [bearer, header] of [[UNKNOWN_KEY, secret], [secret, UNKNOWN_KEY]]) {
      const both = await call("GET", "/cooperatives", { headers: { Authorization: `Bearer ${bearer}`, "X-API-Key": header } });
      expect([both.status, both.text]).toEqual([400, '{"detail":"Authorization and X-API-Key carry different keys. Send your key in one header only."}']);
    }
  });

  it("challenges per RFC 6750: invalid_token on every 401, insufficient_scope on 403", async () => {
    const { secret } = await issueKey(["members:read"]);
    for (const key of [null, MALFORMED_KEY, UNKNOWN_KEY]) {
      expect((await call("GET", "/cooperatives", { key })).headers.get("www-authenticate")).toBe('Bearer realm="COPA API", error="invalid_token"');
    }
    const forbidden = await call("GET", "/cooperatives", { key: secret });
    expect([forbidden.status, forbidden.headers.get("www-authenticate")]).toEqual([403, 'Bearer realm="COPA API", error="insufficient_scope"']);
  });

  it("an address presenting more than 100 bad keys in a minute gets 429 until the minute ends; other addresses do not", async () => {
    // A pinned clock 20 s into a minute, so the wait is exact.
    const T = Date.UTC(2031, 5, 1, 9, 30, 20);
    const app = createApiApp({ now: () => new Date(T) });
    const { secret } = await issueKey(["cooperatives:read"]);
    const guess = (i: number, ip: string) => call("GET", "/cooperatives", { app, ip, key: `sk_copa_partner_${String(i).padStart(32, "0")}` });
    for (let i = 0; i < 100; i++) expect((await guess(i, "198.51.100.66")).status).toBe(401);
    const throttled = await guess(100, "198.51.100.66");
    expect([throttled.status, throttled.text]).toEqual([429, '{"detail":"Request was throttled. Expected available in 40 seconds."}']);
    expect([throttled.headers.get("retry-after"), throttled.headers.get("x-ratelimit-limit"), throttled.headers.get("x-ratelimit-remaining")]).toEqual(["40", "100", "0"]);
    expect((await guess(101, "198.51.100.67")).status).toBe(401);
    // Only failures count: valid calls from another address are untouched.
    expect((await call("GET", "/cooperatives", { app, ip: "198.51.100.67", key: secret })).status).toBe(200);
    // The next minute starts afresh.
    const later = createApiApp({ now: () => new Date(T + 60_000) });
    expect((await call("GET", "/cooperatives", { app: later, ip: "198.51.100.66", key: UNKNOWN_KEY })).status).toBe(401);
  });
});
