import { describe, expect, it } from "vitest";
import { ActivityPruner, aggregateCalls, hourStart } from "./activity";

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
