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
// time, so the read-check-increment of a rate-limit decision is serialised.
import Database from "better-sqlite3";
import type { Statement } from "better-sqlite3";
import { bucketStarts, fits, usageWithRequest, type Bucket, type Limits, type WindowUsage } from "../rate-limit";
import * as SQL from "./sql";
import type { ApiStore, ConsumeResult, StatusClass, StoredGatewayCredential, StoredKey, UsageEvent } from "./types";

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
  private readonly consumeTx: (keyId: string, limits: Limits, now: number, usage?: UsageEvent) => ConsumeResult;
  private readonly usageTx: (event: UsageEvent) => void;

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

    const consume = this.db.transaction((keyId: string, limits: Limits, now: number, event?: UsageEvent): ConsumeResult => {
      const starts = bucketStarts(now);
      const usage = this.readUsage(keyId, starts.hourFrom, starts.dayFrom);
      if (!fits(usage, limits)) {
        if (event) this.writeUsage({ ...event, statusClass: "429" });
        return { allowed: false, usage, buckets: this.readBuckets(keyId, starts.hourFrom, starts.dayFrom) };
      }
      if (event) this.writeUsage({ ...event, statusClass: "2xx" });
      const rows = this.statement(SQL.INCREMENT_BUCKETS).all(keyId, sqliteDate(starts.minute), keyId, sqliteDate(starts.hour)) as { granularity: string; count: number }[];
      // The first request of a minute for this key also drops the buckets that have aged
      // out of both windows, so a key keeps at most 60 + 24 rows.
      if (rows.some((r) => r.granularity === "m" && r.count === 1)) {
        this.statement(SQL.PRUNE_BUCKETS).run(keyId, sqliteDate(starts.hourFrom), sqliteDate(starts.dayFrom));
      }
      return { allowed: true, usage: usageWithRequest(usage, starts) };
    });
    // IMMEDIATE takes the write lock before the read, so the check and the increment see
    // the same counts in every process.
    this.consumeTx = (keyId, limits, now, event) => consume.immediate(keyId, limits, now, event);

    const addUsage = this.db.transaction((event: UsageEvent) => this.writeUsage(event));
    this.usageTx = (event) => addUsage.immediate(event);
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
    };
  }

  consumeRateLimit(keyId: string, limits: Limits, now: number, usage?: UsageEvent): Promise<ConsumeResult> {
    return retryWhileBusy(() => this.consumeTx(keyId, limits, now, usage));
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
    this.db.close();
  }
}
