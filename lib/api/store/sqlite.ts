// The hot path on SQLite: a dedicated better-sqlite3 connection with prepared statements.
//
// Locking. better-sqlite3 is synchronous, and Prisma's adapter shares this thread with
// its own connection. If this connection ever waited inside SQLite for a lock held by a
// Prisma transaction that is paused on an `await`, the thread would block and that
// transaction could never finish. So this connection never waits inside SQLite
// (busy_timeout 0): a busy database throws at once, and the operation is retried after
// yielding to the event loop, which lets the other transaction commit. Conversely each
// write here is one synchronous BEGIN IMMEDIATE ... COMMIT with no await inside, so no
// other code on this thread can observe it half-done.
//
// Atomicity across processes comes from BEGIN IMMEDIATE: SQLite admits one writer at a
// time, so the read-check-increment of a rate-limit decision is serialised. Decisions
// asked for in the same turn of the event loop share one such transaction (group commit,
// see consumeRateLimit): under load the commit, not the decision, was the hot path's
// largest cost.
import Database from "better-sqlite3";
import type { Statement } from "better-sqlite3";
import { bucketStarts, fits, usageWithRequest, type Bucket, type Limits, type WindowUsage } from "../rate-limit";
import { ActivityPruner, aggregateCalls } from "./activity";
import { DenialBuffer } from "./denials";
import * as SQL from "./sql";
import type { ApiStore, ConsumeResult, DenialEvent, StatusClass, StoredGatewayCredential, StoredKey, UsageEvent } from "./types";

/** Prisma's SQLite encoding of DateTime (ISO 8601 text, +00:00), so both sides compare as text. */
export const sqliteDate = (ms: number | Date) => new Date(ms).toISOString().replace("Z", "+00:00");
const parseDate = (value: unknown): Date | null => (value === null || value === undefined ? null : new Date(value as string));
const parseMs = (value: unknown): number | null => (value === null || value === undefined ? null : Date.parse(value as string));

const BUSY_CODES = new Set(["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_BUSY_RECOVERY", "SQLITE_LOCKED"]);
const BUSY_DEADLINE_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function retryWhileBusy<T>(operation: () => T): Promise<T> {
  const deadline = Date.now() + BUSY_DEADLINE_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return operation();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (!code || !BUSY_CODES.has(code) || Date.now() > deadline) throw error;
      // 1, 2, 4 ... 32 ms with jitter: short enough for the hot path, long enough to let
      // another transaction on this thread or in another process commit.
      await sleep(Math.min(32, 2 ** attempt) * (0.5 + Math.random()));
    }
  }
}

type Decision = { keyId: string; limits: Limits; now: number; usage?: UsageEvent };
type Pending = Decision & { resolve: (result: ConsumeResult) => void; reject: (error: unknown) => void };

type KeyRow = Omit<StoredKey, "organizationSuspended" | "expiresAt" | "revokedAt" | "lastUsedAt"> & {
  organizationSuspendedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
};

export function sqliteFileOf(url: string): string {
  // file:./data/copa.db, file:/abs/path.db, optionally with ?options (ignored here).
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

export class SqliteApiStore implements ApiStore {
  readonly dialect = "sqlite" as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Statement>();
  private readonly consumeTx: (batch: readonly Decision[]) => ConsumeResult[];
  private readonly usageTx: (event: UsageEvent) => void;
  private readonly authFailureTx: (ip: string, windowStart: number) => number;
  /** Rate-limit decisions waiting for the next batch (see consumeRateLimit). */
  private pending: Pending[] = [];
  private readonly denials: DenialBuffer;
  private readonly pruner = new ActivityPruner();

  constructor(url: string) {
    this.db = new Database(sqliteFileOf(url), { timeout: 0 });
    try {
      // WAL lets readers proceed while a writer commits; it is a property of the file and
      // harmless to Prisma's connection. Best effort: another connection may hold a lock.
      this.db.pragma("journal_mode = WAL");
    } catch {
      /* keep the current journal mode */
    }
    // Per connection: in WAL mode NORMAL never corrupts the database; a power cut can
    // lose the last few counter increments, which rate limits and usage counts tolerate.
    this.db.pragma("synchronous = NORMAL");
    // Every request looks its key up by hash in an index that outgrows SQLite's default
    // 2 MB page cache at a few tens of thousands of keys; a larger cache and reads through
    // a memory map keep the hot path out of read() calls. Both are per connection and
    // only bound memory use (pages are shared with the OS cache when mapped).
    this.db.pragma("cache_size = -32768");
    this.db.pragma("mmap_size = 268435456");

    // One batch, one IMMEDIATE transaction (see consumeRateLimit). Within it this process is
    // the only writer, so a key's window is read once per batch and minute, every decision
    // after that is made on the in-memory count (which includes the ones before it), and
    // the increments, usage and last-used of each key are written once at the end: the same
    // exact decisions, in arrival order, for a handful of statements per key instead of
    // three or four per request.
    const consume = this.db.transaction((batch: readonly Decision[]): ConsumeResult[] => {
      type Open = { minute: number; hour: number; hourFrom: number; dayFrom: number; usage: WindowUsage; admitted: number };
      const open = new Map<string, Open>();
      const usageByDay = new Map<string, { keyId: string; day: string; ok: number; throttled: number }>();
      const touches = new Map<string, { at: Date; ip: string | null }>();
      const flushBuckets = (keyId: string, entry: Open) => {
        if (entry.admitted === 0) return;
        const rows = this.statement(SQL.INCREMENT_BUCKETS).all(keyId, sqliteDate(entry.minute), entry.admitted, keyId, sqliteDate(entry.hour), entry.admitted) as { granularity: string; count: number }[];
        // The first requests of a minute for this key also drop the buckets that have aged
        // out of both windows, so a key keeps at most 60 + 24 rows.
        if (rows.some((r) => r.granularity === "m" && r.count === entry.admitted)) {
          this.statement(SQL.PRUNE_BUCKETS).run(keyId, sqliteDate(entry.hourFrom), sqliteDate(entry.dayFrom));
        }
        entry.admitted = 0;
      };
      const results = batch.map(({ keyId, limits, now, usage: event }): ConsumeResult => {
        const starts = bucketStarts(now);
        let entry = open.get(keyId);
        if (entry && entry.minute !== starts.minute) {
          flushBuckets(keyId, entry);
          entry = undefined;
        }
        if (!entry) {
          entry = { ...starts, usage: this.readUsage(keyId, starts.hourFrom, starts.dayFrom), admitted: 0 };
          open.set(keyId, entry);
        }
        const allowed = fits(entry.usage, limits);
        if (event) {
          const id = `${keyId}|${event.day}`;
          const day = usageByDay.get(id) ?? { keyId, day: event.day, ok: 0, throttled: 0 };
          if (allowed) day.ok += 1;
          else day.throttled += 1;
          usageByDay.set(id, day);
          if (event.touch) touches.set(keyId, event.touch);
        }
        if (!allowed) {
          // Retry-After needs the buckets as they stand: write this key's admitted ones first.
          flushBuckets(keyId, entry);
          return { allowed: false, usage: entry.usage, buckets: this.readBuckets(keyId, starts.hourFrom, starts.dayFrom) };
        }
        const usage = entry.usage;
        entry.usage = usageWithRequest(usage, starts);
        entry.admitted += 1;
        return { allowed: true, usage: entry.usage };
      });
      for (const [keyId, entry] of open) flushBuckets(keyId, entry);
      for (const u of usageByDay.values()) this.statement(SQL.ADD_USAGE).run(u.keyId, u.day, u.ok, 0, u.throttled, 0);
      for (const [keyId, touch] of touches) this.statement(SQL.TOUCH_KEY).run(sqliteDate(touch.at), touch.ip, keyId);
      this.writeActivity(batch.flatMap((d, i) => (d.usage?.call ? [{ keyId: d.keyId, ...d.usage.call, admitted: results[i].allowed }] : [])));
      return results;
    });
    this.consumeTx = (batch) => consume.immediate(batch);

    const addAuthFailure = this.db.transaction((ip: string, windowStart: number) => {
      const { count } = this.statement(SQL.ADD_AUTH_FAILURE).get(ip, sqliteDate(windowStart)) as { count: number };
      // The first failure of a minute for an address also clears minutes gone by.
      if (count === 1) this.statement(SQL.PRUNE_AUTH_FAILURES).run(sqliteDate(windowStart));
      return count;
    });
    this.authFailureTx = (ip, windowStart) => addAuthFailure.immediate(ip, windowStart);

    const addUsage = this.db.transaction((event: UsageEvent) => this.writeUsage(event));
    this.usageTx = (event) => addUsage.immediate(event);

    const addDenials = this.db.transaction((events: DenialEvent[], pruneBefore: Date | null) => {
      for (const e of events) this.statement(SQL.ADD_DENIAL).run(e.keyId, sqliteDate(e.at), e.method, e.path, e.status, e.reason, e.scope, e.ip);
      if (pruneBefore) this.statement(SQL.PRUNE_DENIALS).run(sqliteDate(pruneBefore));
    });
    this.denials = new DenialBuffer((events, pruneBefore) => retryWhileBusy(() => addDenials.immediate(events, pruneBefore)));
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private writeUsage(event: UsageEvent) {
    this.statement(SQL.ADD_USAGE).run(event.keyId, event.day, ...SQL.usageIncrements(event.statusClass));
    if (event.touch) this.statement(SQL.TOUCH_KEY).run(sqliteDate(event.touch.at), event.touch.ip, event.keyId);
    // A call refused for its scope is still a call of the key, from its address; it used no scope.
    if (event.call) this.writeActivity([{ keyId: event.keyId, ...event.call, admitted: false }]);
  }

  /** The calls' activity rows (lib/api/store/activity.ts), inside the caller's transaction. */
  private writeActivity(calls: Parameters<typeof aggregateCalls>[0]) {
    if (calls.length === 0) return;
    const { hours, ips, scopes } = aggregateCalls(calls);
    for (const h of hours) this.statement(SQL.ADD_CALL_HOUR).run(h.keyId, sqliteDate(h.hour), h.count);
    for (const i of ips) this.statement(SQL.ADD_CLIENT_IP).run(i.keyId, i.ip, sqliteDate(i.lastSeen), i.count);
    for (const u of scopes) this.statement(SQL.ADD_SCOPE_USE).run(u.keyId, u.scope, sqliteDate(u.lastUsed));
    const prune = this.pruner.due(Math.max(...calls.map((c) => c.at.getTime())));
    if (prune) {
      this.statement(SQL.PRUNE_CALL_HOURS).run(sqliteDate(prune.callHoursBefore));
      this.statement(SQL.PRUNE_CLIENT_IPS).run(sqliteDate(prune.clientIpsBefore));
    }
  }

  private readUsage(keyId: string, hourFrom: number, dayFrom: number): WindowUsage {
    const rows = this.statement(SQL.WINDOW_USAGE).all(keyId, sqliteDate(hourFrom), sqliteDate(dayFrom)) as { granularity: string; used: number; oldest: string }[];
    const usage: WindowUsage = { hourUsed: 0, hourOldest: null, dayUsed: 0, dayOldest: null };
    for (const row of rows) {
      if (row.granularity === "m") {
        usage.hourUsed = Number(row.used);
        usage.hourOldest = parseMs(row.oldest);
      } else {
        usage.dayUsed = Number(row.used);
        usage.dayOldest = parseMs(row.oldest);
      }
    }
    return usage;
  }

  private readBuckets(keyId: string, hourFrom: number, dayFrom: number): { minute: Bucket[]; hour: Bucket[] } {
    const rows = this.statement(SQL.WINDOW_BUCKETS).all(keyId, sqliteDate(hourFrom), sqliteDate(dayFrom)) as { granularity: string; bucketStart: string; count: number }[];
    const minute: Bucket[] = [];
    const hour: Bucket[] = [];
    for (const row of rows) (row.granularity === "m" ? minute : hour).push({ start: Date.parse(row.bucketStart), count: Number(row.count) });
    return { minute, hour };
  }

  async findKeyByHash(hash: string): Promise<StoredKey | null> {
    const row = (await retryWhileBusy(() => this.statement(SQL.FIND_KEY).get(hash))) as KeyRow | undefined;
    if (!row) return null;
    return {
      id: row.id,
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      organizationSuspended: row.organizationSuspendedAt !== null,
      name: row.name,
      type: row.type,
      environment: row.environment,
      scopes: row.scopes,
      status: row.status,
      expiresAt: parseDate(row.expiresAt),
      revokedAt: parseDate(row.revokedAt),
      rateLimitHour: row.rateLimitHour,
      rateLimitDay: row.rateLimitDay,
      lastUsedAt: parseDate(row.lastUsedAt),
      lastUsedIp: row.lastUsedIp,
      allowedIps: row.allowedIps ?? "",
    };
  }

  /**
   * Group commit: the decisions requested during one turn of the event loop are made in
   * one write transaction at its end (setImmediate), so a busy server pays one BEGIN
   * IMMEDIATE ... COMMIT, and one write of the touched pages, per batch instead of per
   * request. Each decision is still exact: they run in order inside the transaction,
   * which holds the database's write lock against every other process.
   */
  consumeRateLimit(keyId: string, limits: Limits, now: number, usage?: UsageEvent): Promise<ConsumeResult> {
    return new Promise((resolve, reject) => {
      this.pending.push({ keyId, limits, now, usage, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => void this.flushDecisions());
    });
  }

  private async flushDecisions() {
    const batch = this.pending;
    this.pending = [];
    try {
      const results = await retryWhileBusy(() => this.consumeTx(batch));
      batch.forEach((decision, i) => decision.resolve(results[i]));
    } catch (error) {
      for (const decision of batch) decision.reject(error);
    }
  }

  async reclassifyUsage(keyId: string, day: string, from: StatusClass, to: StatusClass): Promise<void> {
    if (from === to) return;
    await retryWhileBusy(() => this.statement(SQL.reclassifyUsage(from, to)).run(keyId, day));
  }

  peekRateLimit(keyId: string, now: number): Promise<WindowUsage> {
    const starts = bucketStarts(now);
    return retryWhileBusy(() => this.readUsage(keyId, starts.hourFrom, starts.dayFrom));
  }

  recordUsage(event: UsageEvent): Promise<void> {
    return retryWhileBusy(() => this.usageTx(event));
  }

  recordAuthFailure(ip: string, windowStart: number): Promise<number> {
    return retryWhileBusy(() => this.authFailureTx(ip, windowStart));
  }

  recordDenial(event: DenialEvent): void {
    this.denials.add(event);
  }

  flushDenials(): Promise<void> {
    return this.denials.flush();
  }

  /** Nothing waits: activity is written in each decision's transaction. */
  async flushActivity(): Promise<void> {}

  async findGatewayCredential(hash: string): Promise<StoredGatewayCredential | null> {
    const row = (await retryWhileBusy(() => this.statement(SQL.FIND_GATEWAY_CREDENTIAL).get(hash))) as
      | { id: string; revokedAt: string | null; lastUsedAt: string | null }
      | undefined;
    return row ? { id: row.id, revokedAt: parseDate(row.revokedAt), lastUsedAt: parseDate(row.lastUsedAt) } : null;
  }

  async touchGatewayCredential(id: string, at: Date): Promise<void> {
    await retryWhileBusy(() => this.statement(SQL.TOUCH_GATEWAY_CREDENTIAL).run(sqliteDate(at), id));
  }

  select<T>(sql: string, params: readonly (string | number)[]): Promise<T[]> {
    return retryWhileBusy(() => this.statement(sql).all(...params) as T[]);
  }

  async close(): Promise<void> {
    await this.denials.flush();
    this.db.close();
  }
}
