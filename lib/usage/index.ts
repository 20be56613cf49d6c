// Per-key usage for the partner's and the admin's key pages: requests per UTC day by
// status class (written by the /api/v1 wrapper and the verification service), and where
// the key stands against its rolling limits right now.
import "server-only";
import { db } from "@/lib/db";
import { bucketStarts, effectiveLimits, rateLimitState, type Limits, type RateLimitState } from "@/lib/api/rate-limit";

export type UsageDay = {
  /** YYYY-MM-DD (UTC). */
  day: string;
  count2xx: number;
  count4xx: number;
  count429: number;
  count5xx: number;
  total: number;
};

export type KeyUsage = {
  keyId: string;
  /** One entry per day, oldest first, days without traffic included as zeros. */
  days: UsageDay[];
  totals: Omit<UsageDay, "day">;
};

const DAY_MS = 86_400_000;

/** The last `days` UTC days up to and including today. */
export async function getKeyUsage(keyId: string, days = 30, now = new Date()): Promise<KeyUsage> {
  const span = Math.max(1, Math.min(366, Math.floor(days)));
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const labels = Array.from({ length: span }, (_, i) => new Date(today - (span - 1 - i) * DAY_MS).toISOString().slice(0, 10));
  const rows = await db.keyUsageDaily.findMany({
    where: { keyId, day: { gte: labels[0], lte: labels[labels.length - 1] } },
    select: { day: true, count2xx: true, count4xx: true, count429: true, count5xx: true },
  });
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const totals = { count2xx: 0, count4xx: 0, count429: 0, count5xx: 0, total: 0 };
  const series = labels.map((day) => {
    const r = byDay.get(day);
    const entry: UsageDay = {
      day,
      count2xx: r?.count2xx ?? 0,
      count4xx: r?.count4xx ?? 0,
      count429: r?.count429 ?? 0,
      count5xx: r?.count5xx ?? 0,
      total: 0,
    };
    entry.total = entry.count2xx + entry.count4xx + entry.count429 + entry.count5xx;
    totals.count2xx += entry.count2xx;
    totals.count4xx += entry.count4xx;
    totals.count429 += entry.count429;
    totals.count5xx += entry.count5xx;
    totals.total += entry.total;
    return entry;
  });
  return { keyId, days: series, totals };
}

export type KeyLimitStatus = { limits: Limits; custom: { hour: boolean; day: boolean }; used: { hour: number; day: number }; state: RateLimitState };

/** A key's limits (its own or the defaults) and how much of each rolling window it has used. */
export async function getKeyLimitStatus(key: { id: string; rateLimitHour: number | null; rateLimitDay: number | null }, now = new Date()): Promise<KeyLimitStatus> {
  const at = now.getTime();
  const starts = bucketStarts(at);
  const [hour, day] = await Promise.all([
    db.rateLimitBucket.aggregate({ where: { keyId: key.id, granularity: "m", bucketStart: { gte: new Date(starts.hourFrom) }, count: { gt: 0 } }, _sum: { count: true }, _min: { bucketStart: true } }),
    db.rateLimitBucket.aggregate({ where: { keyId: key.id, granularity: "h", bucketStart: { gte: new Date(starts.dayFrom) }, count: { gt: 0 } }, _sum: { count: true }, _min: { bucketStart: true } }),
  ]);
  const limits = effectiveLimits(key);
  const used = { hour: hour._sum.count ?? 0, day: day._sum.count ?? 0 };
  const state = rateLimitState(
    { hourUsed: used.hour, hourOldest: hour._min.bucketStart?.getTime() ?? null, dayUsed: used.day, dayOldest: day._min.bucketStart?.getTime() ?? null },
    limits,
    at,
  );
  return { limits, custom: { hour: key.rateLimitHour !== null, day: key.rateLimitDay !== null }, used, state };
}
