// Per-key activity for the rotation view and the unused-scopes report: calls per UTC
// hour, client addresses (last seen, count) and, per scope, the last admitted call that
// needed it. SQLite adds these rows in its group-commit transaction, with the key's usage
// counts. PostgreSQL gathers them in memory (ActivityBuffer) and writes them as one
// statement at most every ACTIVITY_FLUSH_MS, off the rate-limit function: inside it, under
// the key's lock, the three upserts per event-loop turn had halved the hot path's
// throughput (`npm run bench:pg -- --pg-stats`). Old rows are pruned by the first write
// of each hour and process, as denials are.
export const CALL_HOURS_RETENTION_DAYS = 7;
export const CLIENT_IP_RETENTION_DAYS = 30;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export const hourStart = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

export type PruneCutoffs = { callHoursBefore: Date; clientIpsBefore: Date };

/** Says once per hour (per process) that old activity rows are due for pruning. */
export class ActivityPruner {
  private lastHour = -1;

  due(nowMs: number): PruneCutoffs | null {
    const hour = Math.floor(nowMs / HOUR_MS);
    if (hour === this.lastHour) return null;
    this.lastHour = hour;
    return { callHoursBefore: new Date(hourStart(nowMs) - CALL_HOURS_RETENTION_DAYS * DAY_MS), clientIpsBefore: new Date(nowMs - CLIENT_IP_RETENTION_DAYS * DAY_MS) };
  }

  /** A write that failed did not prune: try again with the next one. */
  retry() {
    this.lastHour = -1;
  }
}

export type Call = { keyId: string; at: Date; ip: string | null; scope: string | null; admitted: boolean };

/** The rows a set of calls adds: one per key and hour, key and address, key and scope. */
class CallAggregate {
  readonly hours = new Map<string, { keyId: string; hour: number; count: number }>();
  readonly ips = new Map<string, { keyId: string; ip: string; lastSeen: number; count: number }>();
  readonly scopes = new Map<string, { keyId: string; scope: string; lastUsed: number }>();
  latest = 0;

  get size() {
    return this.hours.size;
  }

  add(c: Call) {
    const at = c.at.getTime();
    this.latest = Math.max(this.latest, at);
    const hour = hourStart(at);
    const h = this.hours.get(`${c.keyId}|${hour}`) ?? { keyId: c.keyId, hour, count: 0 };
    h.count += 1;
    this.hours.set(`${c.keyId}|${hour}`, h);
    if (c.ip) {
      const i = this.ips.get(`${c.keyId}|${c.ip}`) ?? { keyId: c.keyId, ip: c.ip, lastSeen: at, count: 0 };
      i.count += 1;
      i.lastSeen = Math.max(i.lastSeen, at);
      this.ips.set(`${c.keyId}|${c.ip}`, i);
    }
    // Only an admitted call uses its scope: a refused one (rate limited) did not.
    if (c.scope && c.admitted) {
      const s = this.scopes.get(`${c.keyId}|${c.scope}`) ?? { keyId: c.keyId, scope: c.scope, lastUsed: at };
      s.lastUsed = Math.max(s.lastUsed, at);
      this.scopes.set(`${c.keyId}|${c.scope}`, s);
    }
  }

  rows() {
    return { hours: [...this.hours.values()], ips: [...this.ips.values()], scopes: [...this.scopes.values()] };
  }
}

export type ActivityRows = ReturnType<CallAggregate["rows"]>;

/** The rows one batch of calls adds: one per key and hour, key and address, key and scope. */
export function aggregateCalls(calls: readonly Call[]): ActivityRows {
  const aggregate = new CallAggregate();
  for (const c of calls) aggregate.add(c);
  return aggregate.rows();
}

/** How long a call's activity may wait in memory before it is written (PostgreSQL). */
export const ACTIVITY_FLUSH_MS = 250;

/**
 * Calls' activity gathered in memory and written at most every ACTIVITY_FLUSH_MS, one
 * write at a time, already summed per key and hour, address and scope: under load a
 * write carries hundreds of calls in a few rows. Best effort, like denials: a write that
 * fails is logged and its rows are dropped (a process that dies loses at most its last
 * quarter second of activity); usage counts and rate limits are not written here.
 */
export class ActivityBuffer {
  private pending = new CallAggregate();
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private readonly pruner = new ActivityPruner();

  constructor(
    private readonly write: (rows: ActivityRows, prune: PruneCutoffs | null) => Promise<void>,
    private readonly delayMs = ACTIVITY_FLUSH_MS,
  ) {}

  add(calls: readonly Call[]) {
    for (const c of calls) this.pending.add(c);
    if (this.timer || this.pending.size === 0) return;
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
    this.timer.unref();
  }

  /** Writes what is gathered now (after the write under way, if any). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.writing) await this.writing;
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new CallAggregate();
    const prune = this.pruner.due(batch.latest);
    this.writing = this.write(batch.rows(), prune)
      .catch((error) => {
        if (prune) this.pruner.retry();
        console.error(`[api] activity recording failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      })
      .finally(() => (this.writing = null));
    await this.writing;
  }
}
