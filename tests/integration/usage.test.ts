// Per-key usage as the key pages read it: 30 UTC days, zeros filled in, totals by class;
// and the limit status the rate-limit panel shows.
import { describe, expect, it } from "vitest";
import { closeApiStore, getApiStore } from "@/lib/api/store";
import { db } from "@/lib/db";
import { getKeyLimitStatus, getKeyUsage } from "@/lib/usage";
import { issueKey } from "./api-support";

describe("getKeyUsage", () => {
  it("returns one entry per day, oldest first, with zeros where nothing happened", async () => {
    const { keyId } = await issueKey(["cooperatives:read"]);
    const now = new Date(Date.UTC(2031, 2, 15, 12, 0, 0));
    await db.keyUsageDaily.createMany({
      data: [
        { keyId, day: "2031-03-15", count2xx: 10, count4xx: 2, count429: 1, count5xx: 0 },
        { keyId, day: "2031-02-14", count2xx: 5, count4xx: 0, count429: 0, count5xx: 1 },
        // Outside the window on either side: not counted.
        { keyId, day: "2031-02-13", count2xx: 1000, count4xx: 0, count429: 0, count5xx: 0 },
        { keyId, day: "2031-03-16", count2xx: 1000, count4xx: 0, count429: 0, count5xx: 0 },
      ],
    });
    const usage = await getKeyUsage(keyId, 30, now);
    expect(usage.days).toHaveLength(30);
    expect(usage.days[0]).toEqual({ day: "2031-02-14", count2xx: 5, count4xx: 0, count429: 0, count5xx: 1, total: 6 });
    expect(usage.days[29]).toEqual({ day: "2031-03-15", count2xx: 10, count4xx: 2, count429: 1, count5xx: 0, total: 13 });
    expect(usage.days[10].total).toBe(0);
    expect(usage.totals).toEqual({ count2xx: 15, count4xx: 2, count429: 1, count5xx: 1, total: 19 });
  });

  it("another key's usage never shows", async () => {
    const a = await issueKey(["cooperatives:read"]);
    const b = await issueKey(["cooperatives:read"]);
    await db.keyUsageDaily.create({ data: { keyId: b.keyId, day: new Date().toISOString().slice(0, 10), count2xx: 7 } });
    expect((await getKeyUsage(a.keyId)).totals.total).toBe(0);
  });
});

describe("getKeyLimitStatus", () => {
  it("reports each window's use against the key's own or the default limits", async () => {
    const { keyId } = await issueKey(["cooperatives:read"]);
    const store = getApiStore();
    for (let i = 0; i < 3; i++) await store.consumeRateLimit(keyId, { hour: 10, day: 10 }, Date.now());
    const status = await getKeyLimitStatus({ id: keyId, rateLimitHour: 5, rateLimitDay: null });
    expect(status.limits).toEqual({ hour: 5, day: 10_000 });
    expect(status.custom).toEqual({ hour: true, day: false });
    expect(status.used).toEqual({ hour: 3, day: 3 });
    expect(status.state).toMatchObject({ window: "hour", remaining: 2 });
    await closeApiStore();
  });
});
