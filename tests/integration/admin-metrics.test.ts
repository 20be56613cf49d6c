// The admin overview's metrics (issue 11, part 7) against a seeded dataset whose answers
// are known: pending age buckets, median and 90th percentile time to decision over 7 and
// 30 days (nearest rank), decisions by outcome, most requested scopes, keys expiring in 30
// days and top keys by calls. Runs on SQLite and PostgreSQL (the percentile query is raw
// SQL per engine), so both engines must give the same numbers.
import { beforeAll, describe, expect, it } from "vitest";

const { db } = await import("@/lib/db");
const { getAdminMetrics, percentileRank, splitDuration } = await import("@/lib/admin/metrics");
const { listRequestsForAdmin, listKeysForAdmin } = await import("@/lib/admin/queries");
const { parseRequestFilters, parseKeyFilters } = await import("@/lib/admin/filters");
const { makeAdmin, makePartner } = await import("../support/factories");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// A fixed instant, on a whole second, so every window boundary is far from a seeded row.
const now = new Date(Math.floor(Date.now() / 1000) * 1000);
const ago = (ms: number) => new Date(now.getTime() - ms);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

let organizationId: string;
let requesterId: string;
let adminId: string;
const keyIds: Record<string, string> = {};

async function request(data: { status: string; createdAt: Date; decidedAt?: Date; scopes?: string; human?: boolean }) {
  return db.accessRequest.create({
    data: {
      organizationId,
      requesterId,
      keyName: `Seeded ${Math.random().toString(36).slice(2, 8)}`,
      keyType: "partner",
      environment: "production",
      useCase: "Seeded for the metrics test.",
      requestedScopes: data.scopes ?? "cooperatives:read",
      status: data.status,
      createdAt: data.createdAt,
      decidedAt: data.decidedAt ?? null,
      decidedById: data.decidedAt && data.human !== false ? adminId : null,
    },
  });
}

async function key(name: string, data: { status: string; expiresAt: Date | null; revokedAt?: Date }) {
  const k = await db.apiKey.create({
    data: { organizationId, name, type: "partner", environment: "production", scopes: "cooperatives:read", status: data.status, expiresAt: data.expiresAt, revokedAt: data.revokedAt ?? null },
  });
  keyIds[name] = k.id;
  return k;
}

beforeAll(async () => {
  const partner = await makePartner();
  organizationId = partner.membership.organizationId;
  requesterId = partner.id;
  adminId = (await makeAdmin()).id;

  // Decided in the last 7 days (decided a day ago): 1..10 hours after submission.
  // Approved: 1-6 h; rejected: 7-10 h.
  for (let h = 1; h <= 10; h++) await request({ status: h <= 6 ? "approved" : "rejected", decidedAt: ago(DAY), createdAt: ago(DAY + h * HOUR) });
  // Decided 10 days ago (in the 30-day window only): 20, 30, 40 h approved; 50, 60 h rejected.
  for (const h of [20, 30, 40, 50, 60]) await request({ status: h <= 40 ? "approved" : "rejected", decidedAt: ago(10 * DAY), createdAt: ago(10 * DAY + h * HOUR) });
  // Not a waiting time: withdrawn by the partner, and an approval made by no admin.
  await request({ status: "withdrawn", decidedAt: ago(2 * DAY), createdAt: ago(3 * DAY) });
  await request({ status: "approved", decidedAt: ago(2 * DAY), createdAt: ago(2 * DAY + 1000), human: false });
  // Outside both windows.
  await request({ status: "approved", decidedAt: ago(40 * DAY), createdAt: ago(41 * DAY), scopes: "members:write" });

  // Pending now: 12 h, 2 d, 2.5 d, 5 d, 10 d, 40 d old; one awaiting a second admin.
  await request({ status: "pending", createdAt: ago(12 * HOUR), scopes: "cooperatives:read members:read" });
  await request({ status: "pending", createdAt: ago(2 * DAY), scopes: "members:read" });
  await request({ status: "pending", createdAt: ago(2.5 * DAY), scopes: "members:read loans:read" });
  await request({ status: "pending", createdAt: ago(5 * DAY), scopes: "loans:read" });
  await request({ status: "pending", createdAt: ago(10 * DAY), scopes: "payments:write" });
  await request({ status: "pending", createdAt: ago(40 * DAY), scopes: "members:write" });
  await request({ status: "awaiting_second_approval", createdAt: ago(3 * HOUR), scopes: "cooperatives:read payments:write" });

  // Keys: only an active key expiring within 30 days counts.
  await key("expiring-soon", { status: "active", expiresAt: new Date(now.getTime() + 10 * DAY) });
  await key("expiring-later", { status: "active", expiresAt: new Date(now.getTime() + 40 * DAY) });
  await key("expired", { status: "active", expiresAt: ago(DAY) });
  await key("revoked-soon", { status: "revoked", expiresAt: new Date(now.getTime() + 5 * DAY), revokedAt: ago(DAY) });
  await key("never-expires", { status: "active", expiresAt: null });

  // Usage: never-expires 200 today; expiring-later 100 today + 50 ten days ago; expired 1
  // today and 1,000 forty days ago (outside the 30 days).
  const usage = (name: string, day: Date, count2xx: number, count4xx = 0) => db.keyUsageDaily.create({ data: { keyId: keyIds[name], day: isoDay(day), count2xx, count4xx } });
  await usage("never-expires", now, 190, 10);
  await usage("expiring-later", now, 100);
  await usage("expiring-later", ago(10 * DAY), 40, 10);
  await usage("expired", now, 1);
  await usage("expired", ago(40 * DAY), 1000);
});

describe("admin metrics on a seeded dataset", () => {
  it("nearest-rank percentiles and durations (pure)", () => {
    expect([percentileRank(0.5, 10), percentileRank(0.9, 10), percentileRank(0.5, 15), percentileRank(0.9, 15), percentileRank(0.9, 1)]).toEqual([5, 9, 8, 14, 1]);
    expect([splitDuration(90), splitDuration(5 * 3600), splitDuration(50 * 3600)]).toEqual([
      { unit: "minutes", value: 2 },
      { unit: "hours", value: 5 },
      { unit: "days", value: 2.1 },
    ]);
  });

  it("gives the known answers", async () => {
    const m = await getAdminMetrics(now);
    expect(m.ages).toEqual({
      pending: 6,
      awaitingSecond: 1,
      buckets: [
        { id: "0-1", count: 1 },
        { id: "1-3", count: 2 },
        { id: "3-7", count: 1 },
        { id: "7-30", count: 1 },
        { id: "30+", count: 1 },
      ],
    });
    // 7 days: 1..10 h -> median rank 5 (5 h), p90 rank 9 (9 h).
    // 30 days: 1..10, 20, 30, 40, 50, 60 h -> median rank 8 (8 h), p90 rank 14 (50 h).
    expect(m.timeToDecision).toEqual([
      { window: 7, decisions: 10, medianSeconds: 5 * 3600, p90Seconds: 9 * 3600 },
      { window: 30, decisions: 15, medianSeconds: 8 * 3600, p90Seconds: 50 * 3600 },
    ]);
    expect(m.outcomes).toEqual({ 7: { approved: 7, rejected: 4, withdrawn: 1 }, 30: { approved: 10, rejected: 6, withdrawn: 1 } });
    // Submitted in the last 30 days: 17 decided rows and the awaiting one ask for
    // cooperatives:read, plus one pending; members:write only 40 days ago.
    expect(m.topScopes).toEqual([
      { scope: "cooperatives:read", count: 19 },
      { scope: "members:read", count: 3 },
      { scope: "loans:read", count: 2 },
      { scope: "payments:write", count: 2 },
    ]);
    expect(m.expiringKeys).toBe(1);
    expect(m.topKeys.map((k) => [k.name, k.calls])).toEqual([
      ["never-expires", 200],
      ["expiring-later", 150],
      ["expired", 1],
    ]);
  });

  it("each figure's link lists exactly the rows it counts", async () => {
    const list = (params: Record<string, string>) => listRequestsForAdmin(parseRequestFilters(params), now);
    for (const [age, count] of [["0-1", 1], ["1-3", 2], ["3-7", 1], ["7-30", 1], ["30+", 1], ["1+", 5], ["7+", 2]] as const) {
      expect((await list({ status: "pending", age })).total, age).toBe(count);
    }
    expect((await list({ status: "approved", decided: "7" })).total).toBe(7);
    expect((await list({ status: "rejected", decided: "30" })).total).toBe(6);
    expect((await list({ scope: "members:read", age: "0-30" })).total).toBe(3);
    expect((await list({ scope: "cooperatives:read", age: "0-30" })).total).toBe(19);
    // Filters combine: pending, members:read, older than 1 day.
    expect((await list({ status: "pending", scope: "members:read", age: "1+" })).total).toBe(2);
    expect((await list({ status: "pending", type: "webhook" })).total).toBe(0);
    expect((await list({ status: "pending", env: "production", org: organizationId })).total).toBe(6);
    const expiring = await listKeysForAdmin(parseKeyFilters({ state: "active", expiring: "30" }), now);
    expect(expiring.rows.map((k) => k.name)).toEqual(["expiring-soon"]);
  });
});
