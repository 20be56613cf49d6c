// Per-key rate limits through the real wrapper and store: headers, the 429 and its
// Retry-After, refused requests not counting, rolling windows, admin overrides.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiApp } from "@/lib/api/app";
import { HOUR_MS, MINUTE_MS } from "@/lib/api/rate-limit";
import { closeApiStore, getApiStore } from "@/lib/api/store";
import { db } from "@/lib/db";
import { setKeyRateLimits } from "@/lib/usage/limits";
import { makeAdmin } from "../support/factories";
import { call, issueKey, seeded } from "./api-support";

const get = (key: string) => call("GET", "/cooperatives?page_size=1", { key });
// A pinned clock, so expected waits are exact whatever the wall clock's minute or hour.
const T = Date.UTC(2031, 0, 1, 10, 20, 15);
const pinned = createApiApp({ now: () => new Date(T) });
const getAt = (key: string) => call("GET", "/cooperatives?page_size=1", { key, app: pinned });
const counted = async (keyId: string, granularity: "m" | "h") =>
  (await db.rateLimitBucket.aggregate({ where: { keyId, granularity }, _sum: { count: true } }))._sum.count ?? 0;

beforeAll(() => seeded());
afterAll(() => closeApiStore());

describe("over the hourly limit", () => {
  it("counts down, then answers 429 with Retry-After and the documented body, counting nothing", async () => {
    const { secret, keyId } = await issueKey(["cooperatives:read"], { limits: { hour: 3 } });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await getAt(secret);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-ratelimit-limit")).toBe("3");
      remaining.push(res.headers.get("x-ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["2", "1", "0"]);

    for (let i = 0; i < 4; i++) {
      const res = await getAt(secret);
      expect(res.status).toBe(429);
      // Everything was counted in minute 10:20, which leaves the rolling hour at 11:20:00:
      // 59 min 45 s after 10:20:15.
      expect(res.headers.get("retry-after")).toBe("3585");
      expect(res.text).toBe('{"detail":"Request was throttled. Expected available in 3585 seconds."}');
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.headers.get("x-ratelimit-limit")).toBe("3");
      expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(res.headers.get("x-ratelimit-reset")).toBe(String(T / 1000 + 3585));
    }
    expect(await counted(keyId, "m")).toBe(3);
    expect(await counted(keyId, "h")).toBe(3);
    const day = new Date(T).toISOString().slice(0, 10);
    expect(await db.keyUsageDaily.findUniqueOrThrow({ where: { keyId_day: { keyId, day } } })).toMatchObject({ count2xx: 3, count429: 4 });
  });

  it("keys are independent", async () => {
    const a = await issueKey(["cooperatives:read"], { limits: { hour: 1 } });
    const b = await issueKey(["cooperatives:read"], { limits: { hour: 1 } });
    expect((await get(a.secret)).status).toBe(200);
    expect((await get(a.secret)).status).toBe(429);
    expect((await get(b.secret)).status).toBe(200);
  });
});

describe("over the daily limit", () => {
  it("the day window binds and the headers say so", async () => {
    const { secret } = await issueKey(["cooperatives:read"], { limits: { hour: 100, day: 2 } });
    const first = await getAt(secret);
    expect([first.headers.get("x-ratelimit-limit"), first.headers.get("x-ratelimit-remaining")]).toEqual(["2", "1"]);
    await getAt(secret);
    const refused = await getAt(secret);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-ratelimit-limit")).toBe("2");
    // Hour 10:00 leaves the rolling day at 10:00 tomorrow: 23 h 39 min 45 s after 10:20:15.
    expect(refused.headers.get("retry-after")).toBe(String(24 * 3600 - 20 * 60 - 15));
  });
});

describe("rolling windows (store, explicit clock)", () => {
  it("admits again when the oldest minutes leave the hour, while the day keeps counting", async () => {
    const { keyId } = await issueKey(["cooperatives:read"]);
    const store = getApiStore();
    const limits = { hour: 5, day: 8 };
    const t0 = Date.UTC(2030, 0, 1, 10, 0, 30);
    for (let i = 0; i < 5; i++) expect((await store.consumeRateLimit(keyId, limits, t0 + i * MINUTE_MS)).allowed).toBe(true);
    expect((await store.consumeRateLimit(keyId, limits, t0 + 10 * MINUTE_MS)).allowed).toBe(false);
    // 60 minutes after the first request's minute began, that minute no longer counts.
    const later = t0 - 30_000 + HOUR_MS;
    const again = await store.consumeRateLimit(keyId, limits, later);
    expect(again.allowed).toBe(true);
    expect(again.usage).toMatchObject({ hourUsed: 5, dayUsed: 6 });
    expect((await store.consumeRateLimit(keyId, limits, later + MINUTE_MS)).allowed).toBe(true);
    expect((await store.consumeRateLimit(keyId, limits, later + 2 * MINUTE_MS)).allowed).toBe(true);
    // 8 in the day now: the daily limit refuses even though the hour has room.
    const refused = await store.consumeRateLimit(keyId, limits, later + 5 * MINUTE_MS);
    expect(refused.allowed).toBe(false);
    expect(refused.usage.dayUsed).toBe(8);
  });

  it("decides concurrent requests of one process exactly, across keys", async () => {
    const [a, b] = await Promise.all([issueKey(["cooperatives:read"]), issueKey(["cooperatives:read"])]);
    const store = getApiStore();
    const t0 = Date.UTC(2030, 2, 1, 9, 0, 0);
    // Sixty decisions asked for at once: one batch (one SQLite transaction, one PostgreSQL
    // call), so the first ones asked are the ones admitted, and each saw the ones before it.
    const decisions = await Promise.all(
      Array.from({ length: 60 }, (_, i) => store.consumeRateLimit(i % 2 ? b.keyId : a.keyId, { hour: i % 2 ? 25 : 10, day: 100 }, t0 + i)),
    );
    const admitted = (key: number) => decisions.filter((d, i) => i % 2 === key && d.allowed).length;
    expect([admitted(0), admitted(1)]).toEqual([10, 25]);
    expect(decisions.filter((_, i) => i % 2 === 0).map((d) => d.allowed)).toEqual([...Array(10).fill(true), ...Array(20).fill(false)]);
    expect(decisions[18].usage.hourUsed).toBe(10);
    // Every decision saw a consistent count: admitted ones below the limit, refused ones at it.
    for (const [i, d] of decisions.entries()) {
      const limit = i % 2 ? 25 : 10;
      if (d.allowed) expect(d.usage.hourUsed).toBeLessThanOrEqual(limit);
      else expect(d.usage.hourUsed).toBe(limit);
    }
    const counted = await db.rateLimitBucket.aggregate({ where: { keyId: a.keyId, granularity: "m" }, _sum: { count: true } });
    expect(counted._sum.count).toBe(10);
  });

  it("prunes buckets no window counts any more", async () => {
    const { keyId } = await issueKey(["cooperatives:read"]);
    const store = getApiStore();
    const t0 = Date.UTC(2030, 5, 1, 8, 0, 0);
    for (let i = 0; i < 3; i++) await store.consumeRateLimit(keyId, { hour: 100, day: 100 }, t0 + i * MINUTE_MS);
    await store.consumeRateLimit(keyId, { hour: 100, day: 100 }, t0 + 25 * HOUR_MS);
    const rows = await db.rateLimitBucket.findMany({ where: { keyId } });
    expect(rows.map((r) => r.granularity).sort()).toEqual(["h", "m"]);
  });
});

describe("admin overrides", () => {
  it("apply from the next request and are audited", async () => {
    const { secret, keyId } = await issueKey(["cooperatives:read"]);
    expect((await get(secret)).headers.get("x-ratelimit-limit")).toBe("1000");
    const admin = await makeAdmin();
    await setKeyRateLimits({ keyId, rateLimitHour: 2, rateLimitDay: 50 }, admin, "192.0.2.1");
    expect((await get(secret)).headers.get("x-ratelimit-remaining")).toBe("0");
    expect((await get(secret)).status).toBe(429);
    await setKeyRateLimits({ keyId, rateLimitHour: null, rateLimitDay: null }, admin, null);
    expect((await get(secret)).status).toBe(200);
    const events = await db.auditEvent.findMany({ where: { targetId: keyId, action: "key.limits_changed" }, orderBy: { createdAt: "asc" } });
    expect(events).toHaveLength(2);
    expect(JSON.parse(events[0].metadata)).toMatchObject({ fromHour: null, toHour: 2, toDay: 50 });
    expect(events[0].actorId).toBe(admin.id);
  });
});
