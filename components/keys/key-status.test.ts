import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n/translator";
import { durationParts, keyDisplayStatus, type KeyStatusInput } from "./key-status";

const now = new Date("2026-03-01T12:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const H = 3_600_000;
const en = translatorFor("en");
const fr = translatorFor("fr");
const rw = translatorFor("rw");

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
    expect(en(status.label.key, status.label.values)).toBe(label);
    expect(status.tone).toBe(tone);
  });

  it.each([
    [{ status: "pending", expiresAt: null }, "Prête à être révélée"],
    [{ status: "active", expiresAt: null }, "Active"],
    [{ status: "active", expiresAt: at(3 * 24 * H + 5) }, "Expire dans 3 jours"],
    [{ status: "active", expiresAt: at(H - 60_000), rotatedTo: { id: "k2" } }, "Expire dans 59 minutes"],
    [{ status: "active", expiresAt: at(1 * 24 * H + 5) }, "Expire dans 1 jour"],
    [{ status: "revoked", expiresAt: null, revokedAt: at(-H) }, "Révoquée"],
  ] as [KeyStatusInput, string][])("in French: %o -> %s", (key, label) => {
    const status = keyDisplayStatus(key, now);
    expect(fr(status.label.key, status.label.values)).toBe(label);
    // The explanation is French too, never the key itself.
    const explanation = fr(status.explanation.key, status.explanation.values);
    expect(explanation).not.toBe(status.explanation.key);
    expect(explanation).not.toBe(en(status.explanation.key, status.explanation.values));
  });

  it("every label and explanation exists in every language", () => {
    const keys: KeyStatusInput[] = [
      { status: "pending", expiresAt: null },
      { status: "active", expiresAt: null },
      { status: "active", expiresAt: at(3 * 24 * H) },
      { status: "active", expiresAt: at(H), rotatedTo: { id: "k2" } },
      { status: "active", expiresAt: at(-1), rotatedTo: { id: "k2" } },
      { status: "active", expiresAt: at(-H) },
      { status: "revoked", expiresAt: null, revokedReason: "Rotated" },
      { status: "revoked", expiresAt: null },
    ];
    for (const t of [en, fr, rw]) {
      for (const key of keys) {
        const status = keyDisplayStatus(key, now);
        expect(t.has(status.label.key)).toBe(true);
        expect(t.has(status.explanation.key)).toBe(true);
      }
    }
  });
});

describe("durationParts, worded by keys.status.expiring", () => {
  it.each([
    [10_000, "less than a minute"],
    [60_000, "1 minute"],
    [59 * 60_000, "59 minutes"],
    [H, "1 hour"],
    [23.9 * H, "23 hours"],
    [24 * H, "1 day"],
    [7 * 24 * H, "7 days"],
  ])("%i ms -> %s", (ms, text) => {
    expect(en("keys.status.expiring", durationParts(ms))).toBe(`Expiring in ${text}`);
  });
});
