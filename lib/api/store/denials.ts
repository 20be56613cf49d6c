// The denial explorer's write side, shared by both stores. A refused call is noted in
// memory (no await on the request's path) and the notes of one event-loop turn are
// written in one statement or transaction afterwards, as usage counts are. A caller that
// hammers a key it may not use (a leaked key from a foreign address, a loop past its rate
// limit) cannot turn each refusal into a row: each key keeps at most DENIALS_PER_KEY_HOUR
// rows per hour and process, enough to explain what went wrong. Rows older than
// DENIAL_RETENTION_DAYS are pruned by the first write of each hour.
import type { DenialEvent } from "./types";

export const DENIALS_PER_KEY_HOUR = 100;
export const DENIAL_RETENTION_DAYS = 30;
const HOUR_MS = 3_600_000;

export class DenialBuffer {
  private pending: DenialEvent[] = [];
  private hour = -1;
  private perKey = new Map<string, number>();
  private lastPrunedHour = -1;
  private scheduled = false;

  constructor(private readonly write: (events: DenialEvent[], pruneBefore: Date | null) => Promise<void>) {}

  add(event: DenialEvent) {
    const hour = Math.floor(event.at.getTime() / HOUR_MS);
    if (hour !== this.hour) {
      this.hour = hour;
      this.perKey.clear();
    }
    const count = this.perKey.get(event.keyId) ?? 0;
    if (count >= DENIALS_PER_KEY_HOUR) return;
    this.perKey.set(event.keyId, count + 1);
    this.pending.push(event);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => void this.flush());
    }
  }

  async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const latest = Math.max(...batch.map((e) => e.at.getTime()));
    const hour = Math.floor(latest / HOUR_MS);
    const pruneBefore = hour !== this.lastPrunedHour ? new Date(latest - DENIAL_RETENTION_DAYS * 86_400_000) : null;
    try {
      await this.write(batch, pruneBefore);
      if (pruneBefore) this.lastPrunedHour = hour;
    } catch (error) {
      // Best effort, like usage: losing a note never fails or slows a request.
      console.error(`[api] denial recording failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
  }
}
