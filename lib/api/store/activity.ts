// Per-key activity for the rotation view and the unused-scopes report: calls per UTC
// hour, client addresses (last seen, count) and, per scope, the last admitted call that
// needed it. Not a write of its own: each store adds these rows in the same batched write
// as the key's usage counts (SQLite: the group-commit transaction; PostgreSQL: the one
// call of copa_consume_rate_limits per event-loop turn). Old rows are pruned by the first
// such write of each hour and process, as denials are.
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

type Call = { keyId: string; at: Date; ip: string | null; scope: string | null; admitted: boolean };

/** The rows one batch of calls adds: one per key and hour, key and address, key and scope. */
export function aggregateCalls(calls: readonly Call[]) {
  const hours = new Map<string, { keyId: string; hour: number; count: number }>();
  const ips = new Map<string, { keyId: string; ip: string; lastSeen: number; count: number }>();
  const scopes = new Map<string, { keyId: string; scope: string; lastUsed: number }>();
  for (const c of calls) {
    const at = c.at.getTime();
    const hour = hourStart(at);
    const h = hours.get(`${c.keyId}|${hour}`) ?? { keyId: c.keyId, hour, count: 0 };
    h.count += 1;
    hours.set(`${c.keyId}|${hour}`, h);
    if (c.ip) {
      const i = ips.get(`${c.keyId}|${c.ip}`) ?? { keyId: c.keyId, ip: c.ip, lastSeen: at, count: 0 };
      i.count += 1;
      i.lastSeen = Math.max(i.lastSeen, at);
      ips.set(`${c.keyId}|${c.ip}`, i);
    }
    // Only an admitted call uses its scope: a refused one (rate limited) did not.
    if (c.scope && c.admitted) {
      const s = scopes.get(`${c.keyId}|${c.scope}`) ?? { keyId: c.keyId, scope: c.scope, lastUsed: at };
      s.lastUsed = Math.max(s.lastUsed, at);
      scopes.set(`${c.keyId}|${c.scope}`, s);
    }
  }
  return { hours: [...hours.values()], ips: [...ips.values()], scopes: [...scopes.values()] };
}
