import { describe, expect, it } from "vitest";
import { formatDuration, keyDisplayStatus } from "./key-status";

const now = new Date("2026-03-01T12:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const H = 3_600_000;

describe("keyDisplayStatus", () => {
  it.each([
    ["approved, not yet revealed", { status: "pending", expiresAt: null }, "Ready to reveal", "blue"],
    ["active without expiry", { status: "active", expiresAt: null }, "Active", "green"],
    ["active, far expiry", { status: "active", expiresAt: at(90 * 24 * H) }, "Active", "green"],
    ["active, expiry in 3 days", { status: "active", expiresAt: at(3 * 24 * H + 5) }, "Expiring in 3 days", "amber"],
    ["rotated, in its 1-hour grace", { status: "active", expiresAt: at(H - 60_000), rotatedTo: { id: "k2" } }, "Expiring in 59 minutes", "amber"],
    ["rotated, grace over", { status: "active", expiresAt: at(-1), rotatedTo: { id: "k2" } }, "Expired", "neutral"],
    ["past expiry", { status: "active", expiresAt: at(-H) }, "Expired", "neutral"],
    ["revoked", { status: "revoked", expiresAt: null, revokedAt: at(-H) }, "Revoked", "red"],
    ["revoked beats expired", { status: "revoked", expiresAt: at(-H), revokedAt: at(-H) }, "Revoked", "red"],
  ] as const)("%s", (_name, key, label, tone) => {
    const status = keyDisplayStatus(key, now);
    expect(status.label).toBe(label);
    expect(status.tone).toBe(tone);
  });
});

describe("formatDuration", () => {
  it.each([
    [10_000, "less than a minute"],
    [60_000, "1 minute"],
    [59 * 60_000, "59 minutes"],
    [H, "1 hour"],
    [23.9 * H, "23 hours"],
    [24 * H, "1 day"],
    [7 * 24 * H, "7 days"],
  ])("%i ms -> %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
