// The hot path on PostgreSQL: a small pg pool of its own, named prepared statements.
//
// Batching. Like the SQLite store's group commit, the key lookups and the rate-limit
// decisions asked for during one turn of the event loop are each sent as one statement at
// its end (setImmediate): under load a round trip and a transaction per request, not the
// work inside them, were the PostgreSQL path's largest cost. Nothing is cached: a lookup
// is made after the request arrived, so a revocation, an expiry or a scope change
// committed before it is seen, by every instance.
//
// A rate-limit decision is read-check-increment, which must be atomic across every
// server process. A batch of them is one call of a server-side function
// (copa_consume_rate_limits) that first takes the transaction-scoped advisory lock of each
// of its keys, in a fixed order; in READ COMMITTED the statements after that see all
// increments committed before the locks were granted, so the sums are exact, the
// decisions are made in arrival order on the running count, and a request that does not
// fit is counted nowhere but in the key's 429s. Different keys never wait for each other
// (short of a 32-bit hash collision, which only serialises two keys for microseconds).
//
// Dates: Prisma stores DateTime as `timestamp(3)` without time zone, holding UTC. Values
// are sent as UTC ISO text (PostgreSQL ignores the "Z" for that type) and parsed back as
// UTC, whatever the server process's time zone.
import pg from "pg";
import { getEnv } from "@/lib/env";
import { bucketStarts, usageWithRequest, type Bucket, type Limits, type WindowUsage } from "../rate-limit";
import { ActivityPruner, aggregateCalls } from "./activity";
import { DenialBuffer } from "./denials";
import * as SQL from "./sql";
import type { ApiStore, ConsumeResult, DenialEvent, StatusClass, StoredGatewayCredential, StoredKey, UsageEvent } from "./types";

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

type KeyRow = StoredKey & { hash: string; organizationSuspendedAt: Date | null };
type Lookup = { resolve: (key: StoredKey | null) => void; reject: (error: unknown) => void };
type Decision = { keyId: string; limits: Limits; now: number; usage?: UsageEvent; resolve: (result: ConsumeResult) => void; reject: (error: unknown) => void };
type DecisionRow = { allowed: boolean; hour_used: number; hour_oldest: Date | null; day_used: number; day_oldest: Date | null; buckets: [string, string, number][] | null };

function decisionResult(row: DecisionRow, starts: { minute: number; hour: number }): ConsumeResult {
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

export class PostgresApiStore implements ApiStore {
  readonly dialect = "postgres" as const;
  private readonly pool: pg.Pool;
  private readonly names = new Map<string, { name: string; text: string }>();
  /** Lookups waiting for the end of this event-loop turn, by hash. */
  private lookups = new Map<string, Lookup[]>();
  /** Rate-limit decisions waiting for the end of this event-loop turn, in arrival order. */
  private decisions: Decision[] = [];
  private readonly pruner = new ActivityPruner();
  private readonly denials = new DenialBuffer(async (events, pruneBefore) => {
    await this.run(this.pool, SQL.ADD_DENIALS_PG, [
      events.map((e) => e.keyId),
      events.map((e) => pgDate(e.at)),
      events.map((e) => e.method),
      events.map((e) => e.path),
      events.map((e) => e.status),
      events.map((e) => e.reason),
      events.map((e) => e.scope),
      events.map((e) => e.ip),
    ]);
    if (pruneBefore) await this.run(this.pool, SQL.PRUNE_DENIALS, [pgDate(pruneBefore)]);
  });

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: getEnv().COPA_API_PG_POOL, idleTimeoutMillis: 30_000, types });
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

  /** Batched: the lookups of one event-loop turn are one query (see the top of this file). */
  findKeyByHash(hash: string): Promise<StoredKey | null> {
    return new Promise((resolve, reject) => {
      const waiting = this.lookups.get(hash);
      if (waiting) waiting.push({ resolve, reject });
      else this.lookups.set(hash, [{ resolve, reject }]);
      if (this.lookups.size === 1 && !waiting) setImmediate(() => void this.flushLookups());
    });
  }

  private async flushLookups() {
    const batch = this.lookups;
    this.lookups = new Map();
    try {
      const rows = await this.run<KeyRow>(this.pool, SQL.FIND_KEYS_PG, [[...batch.keys()]]);
      const found = new Map(rows.map(({ hash, organizationSuspendedAt, ...key }) => [hash, { ...key, organizationSuspended: organizationSuspendedAt !== null }]));
      for (const [hash, waiting] of batch) for (const w of waiting) w.resolve(found.get(hash) ?? null);
    } catch (error) {
      for (const waiting of batch.values()) for (const w of waiting) w.reject(error);
    }
  }

  /**
   * Batched: the decisions of one event-loop turn are one call of copa_consume_rate_limits
   * (prisma/postgresql/migrations/*_rate_limits_per_batch), one transaction that holds its
   * keys' advisory locks only while it runs on the server, so decisions stay exact across
   * every instance and no lock is ever held across a network round trip.
   */
  consumeRateLimit(keyId: string, limits: Limits, now: number, usage?: UsageEvent): Promise<ConsumeResult> {
    return new Promise((resolve, reject) => {
      this.decisions.push({ keyId, limits, now, usage, resolve, reject });
      if (this.decisions.length === 1) setImmediate(() => this.flushDecisions());
    });
  }

  private flushDecisions() {
    const batch = this.decisions;
    this.decisions = [];
    // One call per minute: the function counts all its decisions in one minute bucket.
    const byMinute = new Map<number, Decision[]>();
    for (const decision of batch) {
      const minute = bucketStarts(decision.now).minute;
      const group = byMinute.get(minute);
      if (group) group.push(decision);
      else byMinute.set(minute, [decision]);
    }
    for (const group of byMinute.values()) void this.consumeBatch(group);
  }

  private async consumeBatch(batch: Decision[]) {
    const starts = bucketStarts(batch[0].now);
    const prune = this.pruner.due(Math.max(...batch.map((d) => d.usage?.call?.at.getTime() ?? d.now)));
    try {
      // The calls' activity (lib/api/store/activity.ts) rides in the same call.
      const rows = await this.run<DecisionRow>(this.pool, SQL.CONSUME_RATE_LIMITS_ACTIVITY_PG, [
        batch.map((d) => d.keyId),
        batch.map((d) => d.limits.hour),
        batch.map((d) => d.limits.day),
        batch.map((d) => d.usage?.day ?? null),
        batch.map((d) => (d.usage?.touch ? pgDate(d.usage.touch.at) : null)),
        batch.map((d) => d.usage?.touch?.ip ?? null),
        pgDate(starts.minute),
        pgDate(starts.hour),
        pgDate(starts.hourFrom),
        pgDate(starts.dayFrom),
        batch.map((d) => (d.usage?.call ? pgDate(d.usage.call.at) : null)),
        batch.map((d) => d.usage?.call?.ip ?? null),
        batch.map((d) => d.usage?.call?.scope ?? null),
        prune ? pgDate(prune.callHoursBefore) : null,
        prune ? pgDate(prune.clientIpsBefore) : null,
      ]);
      if (rows.length !== batch.length) throw new Error(`copa_consume_rate_limits answered ${rows.length} decisions for ${batch.length}`);
      batch.forEach((decision, i) => decision.resolve(decisionResult(rows[i], starts)));
    } catch (error) {
      if (prune) this.pruner.retry();
      for (const decision of batch) decision.reject(error);
    }
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
      // A call refused for its scope is still a call of the key, from its address; it used no scope.
      ...(event.call ? this.activityWrites(event.keyId, event.call) : []),
    ]);
  }

  private activityWrites(keyId: string, call: NonNullable<UsageEvent["call"]>) {
    const { hours, ips } = aggregateCalls([{ keyId, ...call, admitted: false }]);
    return [
      ...hours.map((h) => this.run(this.pool, SQL.ADD_CALL_HOUR, [h.keyId, pgDate(h.hour), h.count])),
      ...ips.map((i) => this.run(this.pool, SQL.ADD_CLIENT_IP, [i.keyId, i.ip, pgDate(i.lastSeen), i.count])),
    ];
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

  recordDenial(event: DenialEvent): void {
    this.denials.add(event);
  }

  flushDenials(): Promise<void> {
    return this.denials.flush();
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
    await this.denials.flush();
    await this.pool.end();
  }
}
