// The hot path on PostgreSQL: a small pg pool of its own, named prepared statements.
//
// Batching. Like the SQLite store's group commit, the key lookups and the rate-limit
// decisions asked for during one turn of the event loop are each sent as one statement at
// its end (setImmediate), and while one is at the server, those asked for meanwhile wait
// and go together as the next (lib/api/store/batcher.ts): under load a round trip and a
// transaction per request, not the work inside them, were the PostgreSQL path's largest
// cost. The calls' activity (hours, addresses, scopes) is summed in memory and written
// apart, at most every quarter second (lib/api/store/activity.ts). Nothing is cached: a lookup
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
import { ActivityBuffer, type ActivityRows, type PruneCutoffs } from "./activity";
import { Batcher } from "./batcher";
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
type Lookup = { hash: string; resolve: (key: StoredKey | null) => void; reject: (error: unknown) => void };
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
  /** Key lookups, sent as one query per batch (see the top of this file). */
  private readonly lookups = new Batcher<Lookup>((batch) => this.flushLookups(batch));
  /** Rate-limit decisions, in arrival order, sent as one function call per batch. */
  private readonly decisions = new Batcher<Decision>((batch) => this.flushDecisions(batch));
  /** Calls' activity, written apart from the decisions (lib/api/store/activity.ts). */
  private readonly activity = new ActivityBuffer((rows, prune) => this.writeActivity(rows, prune));
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
    // Generic plans: every statement here has the same shape whatever its values (a key by
    // hash, a page of a table, a key's buckets), but PostgreSQL would re-plan some of them
    // on every execution, which cost more than running them (measured with
    // `npm run bench:pg -- --pg-stats`). Inside copa_consume_rate_limits too.
    this.pool = new pg.Pool({ connectionString: url, max: getEnv().COPA_API_PG_POOL, idleTimeoutMillis: 30_000, types, options: "-c plan_cache_mode=force_generic_plan" });
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

  /** Batched: the lookups of one batch are one query (see the top of this file). */
  findKeyByHash(hash: string): Promise<StoredKey | null> {
    return new Promise((resolve, reject) => this.lookups.add({ hash, resolve, reject }));
  }

  private async flushLookups(batch: Lookup[]) {
    try {
      const hashes = [...new Set(batch.map((l) => l.hash))];
      const rows = await this.run<KeyRow>(this.pool, SQL.FIND_KEYS_PG, [hashes]);
      const found = new Map(rows.map(({ hash, organizationSuspendedAt, ...key }) => [hash, { ...key, organizationSuspended: organizationSuspendedAt !== null }]));
      for (const lookup of batch) lookup.resolve(found.get(lookup.hash) ?? null);
    } catch (error) {
      for (const lookup of batch) lookup.reject(error);
    }
  }

  /**
   * Batched: the decisions of one batch are one call of copa_consume_rate_limits
   * (prisma/postgresql/migrations/*_rate_limits_per_batch), one transaction that holds its
   * keys' advisory locks only while it runs on the server, so decisions stay exact across
   * every instance and no lock is ever held across a network round trip.
   */
  consumeRateLimit(keyId: string, limits: Limits, now: number, usage?: UsageEvent): Promise<ConsumeResult> {
    return new Promise((resolve, reject) => this.decisions.add({ keyId, limits, now, usage, resolve, reject }));
  }

  private async flushDecisions(batch: Decision[]) {
    // One call per minute: the function counts all its decisions in one minute bucket.
    const byMinute = new Map<number, Decision[]>();
    for (const decision of batch) {
      const minute = bucketStarts(decision.now).minute;
      const group = byMinute.get(minute);
      if (group) group.push(decision);
      else byMinute.set(minute, [decision]);
    }
    await Promise.all([...byMinute.values()].map((group) => this.consumeBatch(group)));
  }

  private async consumeBatch(batch: Decision[]) {
    const starts = bucketStarts(batch[0].now);
    try {
      const rows = await this.run<DecisionRow>(this.pool, SQL.CONSUME_RATE_LIMITS_PG, [
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
      ]);
      if (rows.length !== batch.length) throw new Error(`copa_consume_rate_limits answered ${rows.length} decisions for ${batch.length}`);
      const results = rows.map((row) => decisionResult(row, starts));
      this.activity.add(batch.flatMap((d, i) => (d.usage?.call ? [{ keyId: d.keyId, ...d.usage.call, admitted: results[i].allowed }] : [])));
      batch.forEach((decision, i) => decision.resolve(results[i]));
    } catch (error) {
      for (const decision of batch) decision.reject(error);
    }
  }

  private async writeActivity({ hours, ips, scopes }: ActivityRows, prune: PruneCutoffs | null) {
    await this.run(this.pool, SQL.ADD_ACTIVITY_PG, [
      hours.map((h) => h.keyId),
      hours.map((h) => pgDate(h.hour)),
      hours.map((h) => h.count),
      ips.map((i) => i.keyId),
      ips.map((i) => i.ip),
      ips.map((i) => pgDate(i.lastSeen)),
      ips.map((i) => i.count),
      scopes.map((u) => u.keyId),
      scopes.map((u) => u.scope),
      scopes.map((u) => pgDate(u.lastUsed)),
    ]);
    if (prune) {
      await this.run(this.pool, SQL.PRUNE_CALL_HOURS, [pgDate(prune.callHoursBefore)]);
      await this.run(this.pool, SQL.PRUNE_CLIENT_IPS, [pgDate(prune.clientIpsBefore)]);
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
    ]);
    // A call refused for its scope is still a call of the key, from its address; it used no scope.
    if (event.call) this.activity.add([{ keyId: event.keyId, ...event.call, admitted: false }]);
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

  flushActivity(): Promise<void> {
    return this.activity.flush();
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
    await Promise.all([this.denials.flush(), this.activity.flush()]);
    await this.pool.end();
  }
}
