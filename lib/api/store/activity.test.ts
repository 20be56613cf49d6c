import { describe, expect, it, vi } from "vitest";
import { ActivityBuffer, ActivityPruner, aggregateCalls, hourStart, type ActivityRows } from "./activity";

const H = 3_600_000;
const t0 = Date.UTC(2026, 11, 3, 10, 15);

describe("aggregateCalls", () => {
  it("adds one row per key and hour, key and address, key and scope (admitted calls only), with the latest times", () => {
    const { hours, ips, scopes } = aggregateCalls([
      { keyId: "a", at: new Date(t0), ip: "1.1.1.1", scope: "cooperatives:read", admitted: true },
      { keyId: "a", at: new Date(t0 + 60_000), ip: "1.1.1.1", scope: "cooperatives:read", admitted: true },
      { keyId: "a", at: new Date(t0 + H), ip: null, scope: "members:read", admitted: false },
      { keyId: "b", at: new Date(t0), ip: "2.2.2.2", scope: null, admitted: true },
    ]);
    expect(hours).toEqual([
      { keyId: "a", hour: hourStart(t0), count: 2 },
      { keyId: "a", hour: hourStart(t0) + H, count: 1 },
      { keyId: "b", hour: hourStart(t0), count: 1 },
    ]);
    expect(ips).toEqual([
      { keyId: "a", ip: "1.1.1.1", lastSeen: t0 + 60_000, count: 2 },
      { keyId: "b", ip: "2.2.2.2", lastSeen: t0, count: 1 },
    ]);
    expect(scopes).toEqual([{ keyId: "a", scope: "cooperatives:read", lastUsed: t0 + 60_000 }]);
  });
});

describe("ActivityPruner", () => {
  it("is due once per hour, with 7-day and 30-day cutoffs, and again after a failed write", () => {
    const pruner = new ActivityPruner();
    expect(pruner.due(t0)).toEqual({ callHoursBefore: new Date(hourStart(t0) - 7 * 24 * H), clientIpsBefore: new Date(t0 - 30 * 24 * H) });
    expect(pruner.due(t0 + 60_000)).toBeNull();
    pruner.retry();
    expect(pruner.due(t0 + 120_000)).not.toBeNull();
    expect(pruner.due(t0 + H)).not.toBeNull();
  });
});

describe("ActivityBuffer", () => {
  const at = (ms: number) => new Date(ms);

  it("writes the calls gathered during its delay as one summed batch, pruning with the first write of an hour", async () => {
    const writes: { rows: ActivityRows; prune: boolean }[] = [];
    const buffer = new ActivityBuffer(async (rows, prune) => void writes.push({ rows, prune: prune !== null }), 20);
    buffer.add([{ keyId: "a", at: at(t0), ip: "1.1.1.1", scope: "cooperatives:read", admitted: true }]);
    buffer.add([{ keyId: "a", at: at(t0 + 1_000), ip: "1.1.1.1", scope: "cooperatives:read", admitted: true }]);
    expect(writes).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(writes).toHaveLength(1);
    expect(writes[0].rows.hours).toEqual([{ keyId: "a", hour: hourStart(t0), count: 2 }]);
    expect(writes[0].prune).toBe(true);
    buffer.add([{ keyId: "a", at: at(t0 + 2_000), ip: null, scope: null, admitted: false }]);
    await buffer.flush();
    expect(writes).toHaveLength(2);
    expect(writes[1]).toEqual({ rows: { hours: [{ keyId: "a", hour: hourStart(t0), count: 1 }], ips: [], scopes: [] }, prune: false });
    await buffer.flush();
    expect(writes).toHaveLength(2);
  });

  it("writes one batch at a time, and drops a failed one after logging it", async () => {
    let release!: () => void;
    const started: number[] = [];
    const buffer = new ActivityBuffer(async (rows) => {
      started.push(rows.hours[0].count);
      if (started.length === 1) await new Promise<void>((resolve) => (release = resolve));
      if (started.length === 2) throw new Error("connection lost");
    }, 10_000);
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    buffer.add([{ keyId: "a", at: at(t0), ip: null, scope: null, admitted: true }]);
    const first = buffer.flush();
    buffer.add([{ keyId: "a", at: at(t0), ip: null, scope: null, admitted: true }, { keyId: "a", at: at(t0), ip: null, scope: null, admitted: true }]);
    const second = buffer.flush();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(started).toEqual([1]);
    release();
    await Promise.all([first, second]);
    expect(started).toEqual([1, 2]);
    expect(error.mock.calls[0][0]).toMatch(/activity recording failed: Error: connection lost/);
    error.mockRestore();
    await buffer.flush();
    expect(started).toEqual([1, 2]);
  });
});
