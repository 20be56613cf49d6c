// The hot path's SQL, one text for both engines (written with `?`; the PostgreSQL driver
// numbers them). Table and column names are Prisma's, quoted.

export const FIND_KEY = `
SELECT k."id", k."organizationId", o."legalName" AS "organizationName", o."suspendedAt" AS "organizationSuspendedAt",
       k."name", k."type", k."environment", k."scopes", k."status", k."expiresAt", k."revokedAt",
       k."rateLimitHour", k."rateLimitDay", k."lastUsedAt", k."lastUsedIp", k."allowedIps"
FROM "ApiKey" k JOIN "Organization" o ON o."id" = k."organizationId"
WHERE k."hash" = ?`;

/** Sum and oldest counted bucket of each window; params: keyId, hourFrom, dayFrom. */
export const WINDOW_USAGE = `
SELECT "granularity", SUM("count") AS "used", MIN("bucketStart") AS "oldest"
FROM "RateLimitBucket"
WHERE "keyId" = ? AND (("granularity" = 'm' AND "bucketStart" >= ?) OR ("granularity" = 'h' AND "bucketStart" >= ?)) AND "count" > 0
GROUP BY "granularity"`;

/** Every counted bucket of both windows (only read when a request is refused). */
export const WINDOW_BUCKETS = `
SELECT "granularity", "bucketStart", "count"
FROM "RateLimitBucket"
WHERE "keyId" = ? AND (("granularity" = 'm' AND "bucketStart" >= ?) OR ("granularity" = 'h' AND "bucketStart" >= ?)) AND "count" > 0`;

/** `n` requests into one minute bucket and its hour bucket; params: keyId, minute, n, keyId, hour, n. */
export const INCREMENT_BUCKETS = `
INSERT INTO "RateLimitBucket" ("keyId", "granularity", "bucketStart", "count") VALUES (?, 'm', ?, ?), (?, 'h', ?, ?)
ON CONFLICT ("keyId", "granularity", "bucketStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + excluded."count"
RETURNING "granularity", "count"`;

/** Buckets that no window counts any more; params: keyId, hourFrom, dayFrom. */
export const PRUNE_BUCKETS = `
DELETE FROM "RateLimitBucket"
WHERE "keyId" = ? AND (("granularity" = 'm' AND "bucketStart" < ?) OR ("granularity" = 'h' AND "bucketStart" < ?))`;

/** Adds to a key's daily counters; params: keyId, day, 2xx, 4xx, 429, 5xx. */
export const ADD_USAGE = `
INSERT INTO "KeyUsageDaily" ("keyId", "day", "count2xx", "count4xx", "count429", "count5xx") VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT ("keyId", "day") DO UPDATE SET
  "count2xx" = "KeyUsageDaily"."count2xx" + excluded."count2xx",
  "count4xx" = "KeyUsageDaily"."count4xx" + excluded."count4xx",
  "count429" = "KeyUsageDaily"."count429" + excluded."count429",
  "count5xx" = "KeyUsageDaily"."count5xx" + excluded."count5xx"`;

const USAGE_COLUMN = { "2xx": "count2xx", "4xx": "count4xx", "429": "count429", "5xx": "count5xx" } as const;

/** Moves one request between two status classes of a day (column names from the fixed map above). */
export function reclassifyUsage(from: keyof typeof USAGE_COLUMN, to: keyof typeof USAGE_COLUMN): string {
  const [a, b] = [USAGE_COLUMN[from], USAGE_COLUMN[to]];
  return `UPDATE "KeyUsageDaily" SET "${a}" = "${a}" - 1, "${b}" = "${b}" + 1 WHERE "keyId" = ? AND "day" = ? AND "${a}" > 0`;
}

export const TOUCH_KEY = `UPDATE "ApiKey" SET "lastUsedAt" = ?, "lastUsedIp" = ? WHERE "id" = ?`;

export const FIND_GATEWAY_CREDENTIAL = `SELECT "id", "revokedAt", "lastUsedAt" FROM "GatewayCredential" WHERE "hash" = ?`;

export const TOUCH_GATEWAY_CREDENTIAL = `UPDATE "GatewayCredential" SET "lastUsedAt" = ? WHERE "id" = ?`;

export function usageIncrements(statusClass: "2xx" | "4xx" | "429" | "5xx"): [number, number, number, number] {
  return [statusClass === "2xx" ? 1 : 0, statusClass === "4xx" ? 1 : 0, statusClass === "429" ? 1 : 0, statusClass === "5xx" ? 1 : 0];
}

/**
 * PostgreSQL only: the rate-limit decisions of one event-loop turn in one round trip (the
 * function is created by the migration *_rate_limits_per_batch). Params: arrays of keyId,
 * hour limit, day limit, usage day (null: no usage), touch time and touch IP, one element
 * per decision in arrival order; then the shared minute, hour, hourFrom and dayFrom.
 */
export const CONSUME_RATE_LIMITS_PG = `SELECT "allowed", "hour_used", "hour_oldest", "day_used", "day_oldest", "buckets" FROM copa_consume_rate_limits(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** PostgreSQL only: the keys of several hashes at once (FIND_KEY's columns plus the hash); param: text[]. */
export const FIND_KEYS_PG = `
SELECT k."hash", k."id", k."organizationId", o."legalName" AS "organizationName", o."suspendedAt" AS "organizationSuspendedAt",
       k."name", k."type", k."environment", k."scopes", k."status", k."expiresAt", k."revokedAt",
       k."rateLimitHour", k."rateLimitDay", k."lastUsedAt", k."lastUsedIp", k."allowedIps"
FROM "ApiKey" k
-- LIMIT keeps the organisation a lookup by primary key per key found: as a plain join, the
-- generic plan (lib/api/store/postgres.ts) hashed every organisation for a batch of a few keys.
CROSS JOIN LATERAL (SELECT "legalName", "suspendedAt" FROM "Organization" WHERE "id" = k."organizationId" LIMIT 1) o
WHERE k."hash" = ANY(?)`;

/** One failed key authentication of an address in a minute; params: ip, windowStart. */
export const ADD_AUTH_FAILURE = `
INSERT INTO "ApiAuthFailure" ("ip", "windowStart", "count") VALUES (?, ?, 1)
ON CONFLICT ("ip", "windowStart") DO UPDATE SET "count" = "ApiAuthFailure"."count" + 1
RETURNING "count"`;

/** Minutes that no longer count, for every address; params: before. */
export const PRUNE_AUTH_FAILURES = `DELETE FROM "ApiAuthFailure" WHERE "windowStart" < ?`;

/** One refused call; params: keyId, at, method, path, status, reason, scope, ip. */
export const ADD_DENIAL = `
INSERT INTO "KeyDenial" ("keyId", "at", "method", "path", "status", "reason", "scope", "ip") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/** PostgreSQL only: a batch of refused calls in one statement; params: one array per column. */
export const ADD_DENIALS_PG = `
INSERT INTO "KeyDenial" ("keyId", "at", "method", "path", "status", "reason", "scope", "ip")
SELECT * FROM unnest(?::text[], ?::timestamp(3)[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[])`;

/** Denials past their retention, for every key; params: before. */
export const PRUNE_DENIALS = `DELETE FROM "KeyDenial" WHERE "at" < ?`;

/** Calls of a key in one UTC hour (lib/api/store/activity.ts); params: keyId, hour, n. */
export const ADD_CALL_HOUR = `
INSERT INTO "KeyCallHour" ("keyId", "hour", "count") VALUES (?, ?, ?)
ON CONFLICT ("keyId", "hour") DO UPDATE SET "count" = "KeyCallHour"."count" + excluded."count"`;

/** Calls of a key from one address; params: keyId, ip, lastSeenAt, n. */
export const ADD_CLIENT_IP = `
INSERT INTO "KeyClientIp" ("keyId", "ip", "lastSeenAt", "count") VALUES (?, ?, ?, ?)
ON CONFLICT ("keyId", "ip") DO UPDATE SET "count" = "KeyClientIp"."count" + excluded."count",
  "lastSeenAt" = CASE WHEN excluded."lastSeenAt" > "KeyClientIp"."lastSeenAt" THEN excluded."lastSeenAt" ELSE "KeyClientIp"."lastSeenAt" END`;

/** The last admitted call needing a scope; params: keyId, scope, at. */
export const ADD_SCOPE_USE = `
INSERT INTO "KeyScopeUse" ("keyId", "scope", "lastUsedAt") VALUES (?, ?, ?)
ON CONFLICT ("keyId", "scope") DO UPDATE SET
  "lastUsedAt" = CASE WHEN excluded."lastUsedAt" > "KeyScopeUse"."lastUsedAt" THEN excluded."lastUsedAt" ELSE "KeyScopeUse"."lastUsedAt" END`;

/**
 * PostgreSQL only: a batch of activity rows (lib/api/store/activity.ts) in one statement.
 * Params: keyIds, hours, counts; keyIds, ips, lastSeens, counts; keyIds, scopes, lastUseds.
 * Each set is already summed per row and sorted, so two instances lock rows in one order.
 */
export const ADD_ACTIVITY_PG = `
WITH hours AS (
  INSERT INTO "KeyCallHour" ("keyId", "hour", "count")
  SELECT * FROM unnest(?::text[], ?::timestamp(3)[], ?::int[]) AS t(k, h, n) ORDER BY t.k, t.h
  ON CONFLICT ("keyId", "hour") DO UPDATE SET "count" = "KeyCallHour"."count" + excluded."count"
), ips AS (
  INSERT INTO "KeyClientIp" ("keyId", "ip", "lastSeenAt", "count")
  SELECT * FROM unnest(?::text[], ?::text[], ?::timestamp(3)[], ?::int[]) AS t(k, ip, at, n) ORDER BY t.k, t.ip
  ON CONFLICT ("keyId", "ip") DO UPDATE SET "count" = "KeyClientIp"."count" + excluded."count",
    "lastSeenAt" = GREATEST("KeyClientIp"."lastSeenAt", excluded."lastSeenAt")
)
INSERT INTO "KeyScopeUse" ("keyId", "scope", "lastUsedAt")
SELECT * FROM unnest(?::text[], ?::text[], ?::timestamp(3)[]) AS t(k, s, at) ORDER BY t.k, t.s
ON CONFLICT ("keyId", "scope") DO UPDATE SET "lastUsedAt" = GREATEST("KeyScopeUse"."lastUsedAt", excluded."lastUsedAt")`;

/** Activity past its retention, for every key; params: before. */
export const PRUNE_CALL_HOURS = `DELETE FROM "KeyCallHour" WHERE "hour" < ?`;
export const PRUNE_CLIENT_IPS = `DELETE FROM "KeyClientIp" WHERE "lastSeenAt" < ?`;

/**
 * PostgreSQL only: copa_consume_rate_limits with the activity of its calls (the function
 * of *_key_activity): CONSUME_RATE_LIMITS_PG's ten params, then arrays of call time,
 * client IP and scope, then the two prune cutoffs (null: not this time).
 */
export const CONSUME_RATE_LIMITS_ACTIVITY_PG = `SELECT "allowed", "hour_used", "hour_oldest", "day_used", "day_oldest", "buckets" FROM copa_consume_rate_limits(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
