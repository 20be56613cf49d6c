// The hot path on PostgreSQL: a small pg pool of its own, named prepared statements.
//
// A rate-limit decision is read-check-increment, which must be atomic across every
// server process. It is one call of a server-side function that takes a transaction-
// scoped advisory lock on the key first; in READ COMMITTED every later statement sees all
// increments committed before the lock was granted, so the sum is exact, and a request
// that does not fit is counted nowhere but in the key's 429s. Different keys never wait
// for each other (short of a 32-bit hash collision, which only serialises two keys for
// microseconds).
//
// Dates: Prisma stores DateTime as `timestamp(3)` without time zone, holding UTC. Values
// are sent as UTC ISO text (PostgreSQL ignores the "Z" for that type) and parsed back as
// UTC, whatever the server process's time zone.
import pg from "pg";
import { bucketStarts, usageWithRequest, type Bucket, type Limits, type WindowUsage } from "../rate-limit";
import * as SQL from "./sql";
import type { ApiStore, ConsumeResult, StatusClass, StoredGatewayCredential, StoredKey, UsageEvent } from "./types";

const TIMESTAMP_OID = 1114;
const INT8_OID = 20;

const parseTimestampUtc = (value: string) => new Date(`${value.replace(" ", "T")}Z`);

const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMP_OID) return parseTimestampUtc;
    // COUNT(*) and SUM() are bigint; every count here fits a double.
    if (oid === INT8_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format as "text");
  },
} as unknown as pg.CustomTypesConfig;

/** `?` placeholders to `$1, $2, ...` (the SQL here never contains a literal question mark). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const pgDate = (ms: number | Date) => new Date(ms).toISOString();

export class PostgresApiStore implements ApiStore {
  readonly dialect = "postgres" as const;
  private readonly pool: pg.Pool;
  private readonly names = new Map<string, { name: string; text: string }>();

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000, types });
    // An idle client's error (e.g. the server restarting) must not crash the process;
    // the next query opens a new connection.
    this.pool.on("error", (error) => console.error("[api] PostgreSQL pool error:", error.message));
  }

  /** Each distinct SQL text becomes one named prepared statement per connection. */
  private prepared(sql: string) {
    let entry = this.names.get(sql);
    if (!entry) {
      entry = { name: `copa_api_${this.names.size}`, text: numberPlaceholders(sql) };
      this.names.set(sql, entry);
    }
    return entry;
  }

  private async run<T extends pg.QueryResultRow>(client: pg.Pool | pg.PoolClient, sql: string, values: unknown[]): Promise<T[]> {
    const { name, text } = this.prepared(sql);
    const result = await client.query<T>({ name, text, values });
    return result.rows;
  }

  private async readUsage(client: pg.Pool | pg.PoolClient, keyId: string, hourFrom: number, dayFrom: number): Promise<WindowUsage> {
    const rows = await this.run<{ granularity: string; used: number; oldest: Date }>(client, SQL.WINDOW_USAGE, [keyId, pgDate(hourFrom), pgDate(dayFrom)]);
    const usage: WindowUsage = { hourUsed: 0, hourOldest: null, dayUsed: 0, dayOldest: null };
    for (const row of rows) {
      if (row.granularity === "m") {
        usage.hourUsed = Number(row.used);
        usage.hourOldest = row.oldest.getTime();
      } else {
        usage.dayUsed = Number(row.used);
        usage.dayOldest = row.oldest.getTime();
      }
    }
    return usage;
  }

  async findKeyByHash(hash: string): Promise<StoredKey | null> {
    const [row] = await this.run<StoredKey & { organizationSuspendedAt: Date | null }>(this.pool, SQL.FIND_KEY, [hash]);
    if (!row) return null;
    const { organizationSuspendedAt, ...key } = row;
    return { ...key, organizationSuspended: organizationSuspendedAt !== null };
  }

  private async writeUsage(client: pg.Pool | pg.PoolClient, event: UsageEvent) {
    await this.run(client, SQL.ADD_USAGE, [event.keyId, event.day, ...SQL.usageIncrements(event.statusClass)]);
    if (event.touch) await this.run(client, SQL.TOUCH_KEY, [pgDate(event.touch.at), event.touch.ip, event.keyId]);
  }

  /**
   * One round trip: the whole decision runs inside PostgreSQL (copa_consume_rate_limit,
   * prisma/postgresql/migrations/*_rate_limit_in_one_statement), under a per-key advisory
   * lock held only while it runs, so decisions stay exact across every instance and no
   * lock is ever held across a network round trip.
   */
  async consumeRateLimit(keyId: string, limits: Limits, now: number, event?: UsageEvent): Promise<ConsumeResult> {
    const starts = bucketStarts(now);
    const [row] = await this.run<{ allowed: boolean; hour_used: number; hour_oldest: Date | null; day_used: number; day_oldest: Date | null; buckets: [string, string, number][] | null }>(
      this.pool,
      SQL.CONSUME_RATE_LIMIT_PG,
      [
        keyId,
        limits.hour,
        limits.day,
        pgDate(starts.minute),
        pgDate(starts.hour),
        pgDate(starts.hourFrom),
        pgDate(starts.dayFrom),
        event?.day ?? null,
        event?.touch ? pgDate(event.touch.at) : null,
        event?.touch?.ip ?? null,
      ],
    );
    const usage: WindowUsage = {
      hourUsed: Number(row.hour_used),
      hourOldest: row.hour_oldest?.getTime() ?? null,
      dayUsed: Number(row.day_used),
      dayOldest: row.day_oldest?.getTime() ?? null,
    };
    if (row.allowed) return { allowed: true, usage: usageWithRequest(usage, starts) };
    const buckets: { minute: Bucket[]; hour: Bucket[] } = { minute: [], hour: [] };
    for (const [granularity, start, count] of row.buckets ?? []) (granularity === "m" ? buckets.minute : buckets.hour).push({ start: parseTimestampUtc(start).getTime(), count: Number(count) });
    return { allowed: false, usage, buckets };
  }

  peekRateLimit(keyId: string, now: number): Promise<WindowUsage> {
    const starts = bucketStarts(now);
    return this.readUsage(this.pool, keyId, starts.hourFrom, starts.dayFrom);
  }

  async recordUsage(event: UsageEvent): Promise<void> {
    // Two independent increments; no transaction needed (each is atomic on its own).
    await Promise.all([
      this.run(this.pool, SQL.ADD_USAGE, [event.keyId, event.day, ...SQL.usageIncrements(event.statusClass)]),
      event.touch ? this.run(this.pool, SQL.TOUCH_KEY, [pgDate(event.touch.at), event.touch.ip, event.keyId]) : undefined,
    ]);
  }

  async reclassifyUsage(keyId: string, day: string, from: StatusClass, to: StatusClass): Promise<void> {
    if (from !== to) await this.run(this.pool, SQL.reclassifyUsage(from, to), [keyId, day]);
  }

  async recordAuthFailure(ip: string, windowStart: number): Promise<number> {
    const [row] = await this.run<{ count: number }>(this.pool, SQL.ADD_AUTH_FAILURE, [ip, pgDate(windowStart)]);
    // The first failure of a minute for an address also clears minutes gone by.
    if (Number(row.count) === 1) await this.run(this.pool, SQL.PRUNE_AUTH_FAILURES, [pgDate(windowStart)]);
    return Number(row.count);
  }

  async findGatewayCredential(hash: string): Promise<StoredGatewayCredential | null> {
    const [row] = await this.run<StoredGatewayCredential>(this.pool, SQL.FIND_GATEWAY_CREDENTIAL, [hash]);
    return row ?? null;
  }

  async touchGatewayCredential(id: string, at: Date): Promise<void> {
    await this.run(this.pool, SQL.TOUCH_GATEWAY_CREDENTIAL, [pgDate(at), id]);
  }

  select<T>(sql: string, params: readonly (string | number)[]): Promise<T[]> {
    return this.run(this.pool, sql, [...params]) as Promise<T[]>;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
