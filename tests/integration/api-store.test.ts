// The hot-path store as several API instances use it: two store instances (two
// connections or pools, as two server processes have) on one database. Both stores batch:
// the lookups and the rate-limit decisions of one event-loop turn are one statement
// (PostgreSQL) or one transaction (SQLite). Counts must stay exact across instances,
// decisions follow each instance's arrival order, and a change to a key is seen by the
// next lookup on every instance.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideKey } from "@/lib/api/authenticate";
import { MINUTE_MS } from "@/lib/api/rate-limit";
import { closeApiStore, createApiStore, type ApiStore } from "@/lib/api/store";
import { db } from "@/lib/db";
import { hashKey } from "@/lib/keys/key-format";
import { issueKey, seeded } from "./api-support";

let stores: ApiStore[] = [];
const twoInstances = () => {
  const pair = [createApiStore(process.env.DATABASE_URL!), createApiStore(process.env.DATABASE_URL!)];
  stores.push(...pair);
  return pair;
};

const sum = async (keyId: string, granularity: "m" | "h", bucketStart?: number) =>
  (await db.rateLimitBucket.aggregate({ where: { keyId, granularity, ...(bucketStart === undefined ? {} : { bucketStart: new Date(bucketStart) }) }, _sum: { count: true } }))._sum.count ?? 0;

beforeAll(() => seeded());
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores = [];
  await closeApiStore();
});

describe("two instances, one key", () => {
  it("admit exactly the limit between them, each in its own arrival order, and count every refusal", async () => {
    const { keyId } = await issueKey(["cooperatives:read"]);
    const [a, b] = twoInstances();
    const t0 = Date.UTC(2032, 0, 1, 9, 0, 0);
    const day = "2032-01-01";
    const ask = (store: ApiStore, n: number) =>
      Array.from({ length: n }, (_, i) => store.consumeRateLimit(keyId, { hour: 50, day: 1_000 }, t0 + i, { keyId, day, statusClass: "2xx", touch: null }));
    // 40 + 40 at once for a limit of 50: one batch per instance.
    const [fromA, fromB] = await Promise.all([Promise.all(ask(a, 40)), Promise.all(ask(b, 40))]);
    const all = [...fromA, ...fromB];
    expect(all.filter((d) => d.allowed)).toHaveLength(50);
    // Within an instance the first ones asked are the ones admitted, and each saw the ones before it.
    for (const decisions of [fromA, fromB]) {
      const admitted = decisions.filter((d) => d.allowed).length;
      expect(decisions.map((d) => d.allowed)).toEqual([...Array(admitted).fill(true), ...Array(40 - admitted).fill(false)]);
      const firstHourUsed = decisions[0].usage.hourUsed;
      decisions.slice(0, admitted).forEach((d, i) => expect(d.usage.hourUsed).toBe(firstHourUsed + i));
    }
    // A refusal reports the buckets as they stand (for Retry-After): the limit, all counted.
    for (const refused of all.filter((d) => !d.allowed)) {
      if (refused.allowed) continue;
      expect(refused.usage.hourUsed).toBe(50);
      expect(refused.buckets.minute.reduce((n, bucket) => n + bucket.count, 0)).toBe(50);
    }
    expect(await sum(keyId, "m")).toBe(50);
    expect(await sum(keyId, "h")).toBe(50);
    expect(await db.keyUsageDaily.findUniqueOrThrow({ where: { keyId_day: { keyId, day } } })).toMatchObject({ count2xx: 50, count429: 30 });
  });

  it("stay exact over many turns of both instances at once", async () => {
    const { keyId } = await issueKey(["cooperatives:read"]);
    const [a, b] = twoInstances();
    const t0 = Date.UTC(2032, 0, 2, 9, 0, 0);
    const day = "2032-01-02";
    // Each instance: 20 turns of 10 decisions, a turn started as the previous one is sent.
    const instance = async (store: ApiStore) => {
      const turns = [];
      for (let turn = 0; turn < 20; turn++) {
        turns.push(Promise.all(Array.from({ length: 10 }, (_, i) => store.consumeRateLimit(keyId, { hour: 10_000, day: 10_000 }, t0 + turn * 10 + i, { keyId, day, statusClass: "2xx", touch: null }))));
        await new Promise((resolve) => setImmediate(resolve));
      }
      return (await Promise.all(turns)).flat();
    };
    const decisions = (await Promise.all([instance(a), instance(b)])).flat();
    expect(decisions.every((d) => d.allowed)).toBe(true);
    // Every request saw a different count: no two decisions read the same state.
    expect(new Set(decisions.map((d) => d.usage.hourUsed)).size).toBe(400);
    expect(await sum(keyId, "m")).toBe(400);
    expect(await sum(keyId, "h")).toBe(400);
    expect(await db.keyUsageDaily.findUniqueOrThrow({ where: { keyId_day: { keyId, day } } })).toMatchObject({ count2xx: 400, count429: 0 });
  });

  it("count the decisions of one turn that span a minute boundary in their own minutes", async () => {
    const { keyId } = await issueKey(["cooperatives:read"]);
    const [a] = twoInstances();
    const minute = Date.UTC(2032, 0, 3, 9, 0, 0);
    const times = [minute + 59_900, minute + 59_950, minute + 59_990, minute + MINUTE_MS + 10, minute + MINUTE_MS + 20];
    const decisions = await Promise.all(times.map((t) => a.consumeRateLimit(keyId, { hour: 100, day: 100 }, t)));
    expect(decisions.every((d) => d.allowed)).toBe(true);
    expect(await sum(keyId, "m", minute)).toBe(3);
    expect(await sum(keyId, "m", minute + MINUTE_MS)).toBe(2);
    expect(await sum(keyId, "h")).toBe(5);
  });
});

describe("lookups", () => {
  it("answer each of one turn's lookups by its own hash, unknown ones with nothing", async () => {
    const [one, two] = await Promise.all([issueKey(["cooperatives:read"]), issueKey(["members:read"])]);
    const [a] = twoInstances();
    const found = await Promise.all([
      a.findKeyByHash(hashKey(one.secret)),
      a.findKeyByHash(hashKey(two.secret)),
      a.findKeyByHash(hashKey(one.secret)),
      a.findKeyByHash("0".repeat(64)),
    ]);
    expect(found.map((k) => k?.id ?? null)).toEqual([one.keyId, two.keyId, one.keyId, null]);
    expect(found[1]?.scopes).toBe("members:read");
  });

  it("see a revocation, an expiry and a scope change on the next request, on every instance", async () => {
    const [revoked, expiring, rescoped] = await Promise.all([issueKey(["cooperatives:read"]), issueKey(["cooperatives:read"]), issueKey(["cooperatives:read"])]);
    const instances = twoInstances();
    const decide = (store: ApiStore, secret: string) =>
      decideKey(store, { presented: secret, scope: "cooperatives:read", now: new Date(), ip: "203.0.113.9", environment: "sandbox" });
    for (const store of instances) {
      for (const key of [revoked, expiring, rescoped]) expect((await decide(store, key.secret)).valid).toBe(true);
    }

    await db.apiKey.update({ where: { id: revoked.keyId }, data: { status: "revoked", revokedAt: new Date() } });
    await db.apiKey.update({ where: { id: expiring.keyId }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    await db.apiKey.update({ where: { id: rescoped.keyId }, data: { scopes: "members:read" } });

    for (const store of instances) {
      const [r, e, s] = await Promise.all([decide(store, revoked.secret), decide(store, expiring.secret), decide(store, rescoped.secret)]);
      expect(r).toEqual({ valid: false, reason: "revoked" });
      expect(e).toEqual({ valid: false, reason: "expired" });
      expect(s).toMatchObject({ valid: false, reason: "insufficient_scope" });
    }
  });
});
