// The admin overview's figures: the backlog and its age, how long partners wait for a
// decision, what is decided, what is asked for, which keys expire soon and which are
// busiest. Every figure is computed in the database by a bounded number of aggregate
// queries (counts, group-bys, one ordered window per percentile pair), never by loading
// rows, so the overview stays fast at 10,000 organisations and 10,000 pending requests.
// Each figure's list (the queue or the keys, filtered) is built from the same filters
// (lib/admin/filters.ts), so a figure and the list behind it cannot disagree.
import "server-only";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { SCOPES } from "@/lib/scopes";
import { AGE_BUCKETS, ageWindow, type AgeRangeId } from "./filters";
import { expiringWhere } from "./queries";

const DAY_MS = 86_400_000;

/** Outcomes that end a request, with the time it was decided. */
export const DECISION_OUTCOMES = ["approved", "rejected", "withdrawn"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** The windows the decision figures cover, in days. */
export const METRIC_WINDOWS = [7, 30] as const;
export type MetricWindow = (typeof METRIC_WINDOWS)[number];

export const TOP_SCOPES_SHOWN = 5;
export const TOP_KEYS_SHOWN = 5;
export const EXPIRY_HORIZON_DAYS = 30;
export const USAGE_DAYS = 30;
/** Requests submitted in this many days feed "most requested scopes". */
export const SCOPE_WINDOW_DAYS = 30;

/** A waiting time in the unit that reads best: minutes under an hour, hours under two days, else days. Pure. */
export function splitDuration(seconds: number): { unit: "minutes" | "hours" | "days"; value: number } {
  if (seconds < 3600) return { unit: "minutes", value: Math.round(seconds / 60) };
  if (seconds < 48 * 3600) return { unit: "hours", value: Math.round(seconds / 360) / 10 };
  return { unit: "days", value: Math.round(seconds / 8640) / 10 };
}

export type TimeToDecision = { window: MetricWindow; decisions: number; medianSeconds: number | null; p90Seconds: number | null };

/**
 * Nearest-rank percentile: the smallest value with at least p of the values at or below
 * it, i.e. the value at 1-based rank ceil(p * n) in ascending order. Always an observed
 * duration (no interpolation), the same on both engines. Pure.
 */
export function percentileRank(p: number, n: number): number {
  return Math.min(n, Math.max(1, Math.ceil(p * n)));
}

/**
 * Human decisions (approved or rejected by an admin) of the last `days` days: how long
 * from submission to decision, median and 90th percentile. One count, then one query that
 * numbers the window's durations in order (ROW_NUMBER, on SQLite 3.25+ and PostgreSQL)
 * and returns just the two ranks asked for. Decisions made by no admin (decidedById null)
 * are not waiting times and stay out.
 */
export async function getTimeToDecision(days: MetricWindow, now = new Date()): Promise<TimeToDecision> {
  const since = new Date(now.getTime() - days * DAY_MS);
  const decisions = await db.accessRequest.count({ where: { status: { in: ["approved", "rejected"] }, decidedById: { not: null }, decidedAt: { gte: since } } });
  if (decisions === 0) return { window: days, decisions, medianSeconds: null, p90Seconds: null };
  const ranks = [percentileRank(0.5, decisions), percentileRank(0.9, decisions)];
  const rows = getEnv().isPostgres
    ? await db.$queryRawUnsafe<{ rn: number | bigint; seconds: number | string }[]>(
        `SELECT "rn", "seconds" FROM (
           SELECT EXTRACT(EPOCH FROM ("decidedAt" - "createdAt"))::float8 AS "seconds",
                  ROW_NUMBER() OVER (ORDER BY ("decidedAt" - "createdAt"), "id") AS "rn"
           FROM "AccessRequest"
           WHERE "status" IN ('approved', 'rejected') AND "decidedById" IS NOT NULL AND "decidedAt" >= $1::timestamp
         ) AS "ordered" WHERE "rn" IN ($2, $3)`,
        since.toISOString(),
        ranks[0],
        ranks[1],
      )
    : // SQLite holds Prisma's DateTime as ISO text with "+00:00"; the same form compares in order.
      await db.$queryRawUnsafe<{ rn: number | bigint; seconds: number | string }[]>(
        `SELECT "rn", "seconds" FROM (
           SELECT ("d" - "c") * 86400.0 AS "seconds", ROW_NUMBER() OVER (ORDER BY ("d" - "c"), "id") AS "rn"
           FROM (SELECT "id", julianday("decidedAt") AS "d", julianday("createdAt") AS "c" FROM "AccessRequest"
                 WHERE "status" IN ('approved', 'rejected') AND "decidedById" IS NOT NULL AND "decidedAt" >= ?)
         ) WHERE "rn" IN (?, ?)`,
        since.toISOString().replace("Z", "+00:00"),
        ranks[0],
        ranks[1],
      );
  const at = (rank: number) => {
    const row = rows.find((r) => Number(r.rn) === rank);
    // Whole seconds: julianday's floating point is not exact below that.
    return row ? Math.round(Number(row.seconds)) : null;
  };
  return { window: days, decisions, medianSeconds: at(ranks[0]), p90Seconds: at(ranks[1]) };
}

export type AgeBucket = { id: AgeRangeId; count: number };

/** Pending requests now, and how long they have waited, in disjoint age ranges. */
export async function getPendingAges(now = new Date()): Promise<{ pending: number; awaitingSecond: number; buckets: AgeBucket[] }> {
  const [pending, awaitingSecond, ...counts] = await Promise.all([
    db.accessRequest.count({ where: { status: "pending" } }),
    db.accessRequest.count({ where: { status: "awaiting_second_approval" } }),
    ...AGE_BUCKETS.map((id) => db.accessRequest.count({ where: { status: "pending", createdAt: ageWindow(id, now) } })),
  ]);
  return { pending, awaitingSecond, buckets: AGE_BUCKETS.map((id, i) => ({ id, count: counts[i] })) };
}

/** Requests decided in the last `days` days, by outcome (one group-by). */
export async function getDecisionsByOutcome(days: MetricWindow, now = new Date()): Promise<Record<DecisionOutcome, number>> {
  const since = new Date(now.getTime() - days * DAY_MS);
  const groups = await db.accessRequest.groupBy({
    by: ["status"],
    where: { status: { in: [...DECISION_OUTCOMES] }, decidedAt: { gte: since } },
    _count: { _all: true },
  });
  const out = Object.fromEntries(DECISION_OUTCOMES.map((o) => [o, 0])) as Record<DecisionOutcome, number>;
  for (const g of groups) out[g.status as DecisionOutcome] = g._count._all;
  return out;
}

/**
 * The scopes most asked for by requests submitted in the last SCOPE_WINDOW_DAYS days: one
 * pass over the window counting every catalogue scope at once (a scope list is
 * space-separated, so " list " contains " scope " exactly when it holds the scope; scope
 * ids hold no LIKE wildcards), highest first. The queue's scope filter
 * (requestedScopeWhere) matches the same rows, so each bar links to its list.
 */
export async function getTopRequestedScopes(now = new Date(), take = TOP_SCOPES_SHOWN): Promise<{ scope: string; count: number }[]> {
  const since = ageWindow("0-30", now).gt!;
  const isPostgres = getEnv().isPostgres;
  const p = (i: number) => (isPostgres ? `$${i}` : "?");
  const sums = SCOPES.map((_, i) => `COALESCE(SUM(CASE WHEN (' ' || "requestedScopes" || ' ') LIKE ${p(i + 1)} THEN 1 ELSE 0 END), 0) AS "s${i}"`).join(", ");
  const sinceParam = isPostgres ? `${p(SCOPES.length + 1)}::timestamp` : p(SCOPES.length + 1);
  const [row] = await db.$queryRawUnsafe<Record<string, number | bigint | string>[]>(
    `SELECT ${sums} FROM "AccessRequest" WHERE "createdAt" > ${sinceParam} AND "createdAt" <= ${isPostgres ? `${p(SCOPES.length + 2)}::timestamp` : p(SCOPES.length + 2)}`,
    ...SCOPES.map((s) => `% ${s.id} %`),
    ...[since, now].map((d) => (isPostgres ? d.toISOString() : d.toISOString().replace("Z", "+00:00"))),
  );
  return SCOPES.map((s, i) => ({ scope: s.id, count: Number(row?.[`s${i}`] ?? 0) }))
    .filter((s) => s.count > 0)
    .sort((a, b) => b.count - a.count || a.scope.localeCompare(b.scope))
    .slice(0, take);
}

/** Active keys whose expiry falls in the next EXPIRY_HORIZON_DAYS days. */
export function countExpiringKeys(now = new Date()) {
  return db.apiKey.count({ where: expiringWhere(EXPIRY_HORIZON_DAYS, now) });
}

export type TopKey = { id: string; name: string; mask: string | null; environment: string; organizationName: string; calls: number };

/**
 * The keys with the most calls in the last USAGE_DAYS UTC days (the usage table, summed
 * per key in the database; only the top few rows come back), with their names.
 */
export async function getTopKeysByCalls(now = new Date(), take = TOP_KEYS_SHOWN): Promise<TopKey[]> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const firstDay = new Date(today - (USAGE_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
  const placeholders = getEnv().isPostgres ? ["$1", "$2"] : ["?", "?"];
  const rows = await db.$queryRawUnsafe<{ keyId: string; calls: number | bigint | string }[]>(
    `SELECT "keyId", SUM("count2xx" + "count4xx" + "count429" + "count5xx") AS "calls"
     FROM "KeyUsageDaily" WHERE "day" >= ${placeholders[0]}
     GROUP BY "keyId" ORDER BY "calls" DESC, "keyId" ASC LIMIT ${placeholders[1]}`,
    firstDay,
    take,
  );
  const calls = rows.map((r) => ({ keyId: r.keyId, calls: Number(r.calls) })).filter((r) => r.calls > 0);
  if (!calls.length) return [];
  const keys = await db.apiKey.findMany({
    where: { id: { in: calls.map((c) => c.keyId) } },
    select: { id: true, name: true, mask: true, environment: true, organization: { select: { legalName: true } } },
  });
  const byId = new Map(keys.map((k) => [k.id, k]));
  return calls.flatMap((c) => {
    const k = byId.get(c.keyId);
    return k ? [{ id: k.id, name: k.name, mask: k.mask, environment: k.environment, organizationName: k.organization.legalName, calls: c.calls }] : [];
  });
}

export type AdminMetrics = Awaited<ReturnType<typeof getAdminMetrics>>;

/** Everything the overview shows, at one instant. */
export async function getAdminMetrics(now = new Date()) {
  const [ages, timeToDecision, outcomes7, outcomes30, topScopes, expiringKeys, topKeys] = await Promise.all([
    getPendingAges(now),
    Promise.all(METRIC_WINDOWS.map((w) => getTimeToDecision(w, now))),
    getDecisionsByOutcome(7, now),
    getDecisionsByOutcome(30, now),
    getTopRequestedScopes(now),
    countExpiringKeys(now),
    getTopKeysByCalls(now),
  ]);
  return { ages, timeToDecision, outcomes: { 7: outcomes7, 30: outcomes30 }, topScopes, expiringKeys, topKeys };
}
