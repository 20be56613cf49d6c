// The API hot path's data access: key lookup, rate-limit counters, usage counters,
// gateway credentials and the sandbox's read queries.
//
// Why not Prisma here: measured on this project's machines, a Prisma query through the
// js engine costs 0.2-0.4 ms and an upsert about 1 ms, against 5-30 µs for a prepared
// statement on the driver. A sandbox request makes five or six of them, so Prisma alone
// would cap the API far below the benchmark's target. Everything else in the portal
// (including the sandbox's writes, which need transactions and validation more than
// speed) stays on Prisma. The SQL here is plain and portable (quoted identifiers,
// INSERT ... ON CONFLICT, LIMIT/OFFSET), so one text serves SQLite and PostgreSQL;
// only locking and date encoding differ per driver.
import type { Bucket, Limits, WindowUsage } from "../rate-limit";

export type StoredKey = {
  id: string;
  organizationId: string;
  organizationName: string;
  organizationSuspended: boolean;
  name: string;
  type: string;
  environment: string;
  scopes: string;
  status: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  rateLimitHour: number | null;
  rateLimitDay: number | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  /** The key's IP allowlist as stored (lib/net/allowlist.ts); "" = any address. */
  allowedIps: string;
};

export type ConsumeResult =
  | { allowed: true; usage: WindowUsage }
  | { allowed: false; usage: WindowUsage; buckets: { minute: Bucket[]; hour: Bucket[] } };

export type StatusClass = "2xx" | "4xx" | "429" | "5xx";

export type UsageEvent = {
  keyId: string;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  statusClass: StatusClass;
  /** Set when last-used should be written (the wrapper throttles it to once a minute per key and IP). */
  touch: { at: Date; ip: string | null } | null;
  /**
   * The call itself, for the key's activity (lib/api/store/activity.ts): counted in its
   * hour and under its client address, and, when admitted, as the last use of `scope`.
   */
  call?: { at: Date; ip: string | null; scope: string | null };
};

/** Why a call by a known key was refused (the denial explorer's reasons). */
export type DenialReason = "revoked" | "expired" | "organization_suspended" | "insufficient_scope" | "rate_limited" | "ip_not_allowed";

/** One refused call of a known key, as the denial explorer shows it. */
export type DenialEvent = {
  keyId: string;
  at: Date;
  /** The endpoint (method and path template); null for a gateway verification. */
  method: string | null;
  path: string | null;
  status: number;
  reason: DenialReason;
  /** For insufficient_scope: the scope the call needed. */
  scope: string | null;
  ip: string | null;
};

export type StoredGatewayCredential = { id: string; revokedAt: Date | null; lastUsedAt: Date | null };

export interface ApiStore {
  readonly dialect: "sqlite" | "postgres";
  findKeyByHash(hash: string): Promise<StoredKey | null>;
  /**
   * Counts one request against both windows if it fits, atomically with respect to every
   * other process: a refused request consumes nothing. `now` is epoch ms.
   *
   * With `usage`, the same transaction also counts the request in the key's daily usage,
   * as 2xx when admitted and 429 when refused (the event's own class is ignored), and
   * writes last-used: the common request then costs one write instead of two. A caller
   * whose admitted request ends in another class moves it with reclassifyUsage.
   */
  consumeRateLimit(keyId: string, limits: Limits, now: number, usage?: UsageEvent): Promise<ConsumeResult>;
  /** Moves one request of `day` from one status class to another. */
  reclassifyUsage(keyId: string, day: string, from: StatusClass, to: StatusClass): Promise<void>;
  /** The current counts, without consuming. */
  peekRateLimit(keyId: string, now: number): Promise<WindowUsage>;
  recordUsage(event: UsageEvent): Promise<void>;
  /**
   * Counts one failed key authentication from `ip` in the minute starting at
   * `windowStart` (epoch ms) and returns the minute's count so far, for every process.
   */
  recordAuthFailure(ip: string, windowStart: number): Promise<number>;
  /**
   * Notes a refused call for the denial explorer. Never waits and never throws: the
   * events of one event-loop turn are written together afterwards, at most
   * DENIALS_PER_KEY_HOUR per key and hour per process, and rows older than
   * DENIAL_RETENTION_DAYS are pruned then (lib/api/store/denials.ts).
   */
  recordDenial(event: DenialEvent): void;
  /** Writes the denials noted so far (tests, and close()). */
  flushDenials(): Promise<void>;
  /**
   * Writes the calls' activity gathered so far (tests, and close()). SQLite writes it with
   * each decision already; PostgreSQL within ACTIVITY_FLUSH_MS (lib/api/store/activity.ts).
   */
  flushActivity(): Promise<void>;
  findGatewayCredential(hash: string): Promise<StoredGatewayCredential | null>;
  touchGatewayCredential(id: string, at: Date): Promise<void>;
  /** A read-only query written with `?` placeholders. Dates come back as Date or ISO text. */
  select<T>(sql: string, params: readonly (string | number)[]): Promise<T[]>;
  close(): Promise<void>;
}
