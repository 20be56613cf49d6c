import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/messages/en/review.json";
import fr from "@/lib/i18n/messages/fr/review.json";
import rw from "@/lib/i18n/messages/rw/review.json";
import { EXPIRY_WARNING_DAYS, daysUntil, renewalHref } from "./expiry-rules";

const now = new Date("2026-12-02T12:00:00Z");
const at = (ms: number) => new Date(now.getTime() + ms);
const DAY = 86_400_000;

describe("daysUntil", () => {
  it.each([
    [14 * DAY, 14],
    [13 * DAY + 1, 14],
    [DAY, 1],
    [60_000, 1],
    [0, 0],
    [-DAY, 0],
  ])("%d ms ahead: %d days", (ms, days) => {
    expect(daysUntil(at(ms), now)).toBe(days);
  });

  it("warns from 14 days", () => expect(EXPIRY_WARNING_DAYS).toBe(14));
});

describe("renewalHref", () => {
  it("starts from the key's own request when it has one", () => {
    expect(renewalHref({ type: "partner", environment: "production", scopes: "cooperatives:read", requestId: "0b7c7c5e-1111-4a4a-9b9b-222222222222" })).toBe(
      "/requests/new?from=0b7c7c5e-1111-4a4a-9b9b-222222222222",
    );
  });
  it("else prefills type, environment and scopes", () => {
    expect(renewalHref({ type: "mobile", environment: "sandbox", scopes: "cooperatives:read members:read", requestId: null })).toBe(
      "/requests/new?scopes=cooperatives%3Aread%2Cmembers%3Aread&type=mobile&environment=sandbox",
    );
  });
});

describe("the countdown in three languages", () => {
  it.each([
    ["en", en, "Expires in 3 days"],
    ["fr", fr, "Expire dans 3 jours"],
    ["rw", rw, "Kirangira mu minsi 3"],
  ] as const)("%s", (locale, messages, text) => {
    const t = createTranslator({ locale, messages: { review: messages }, namespace: "review.expiry" });
    expect(t("countdown", { days: 3 })).toBe(text);
    expect(t("renew")).not.toMatch(/review\./);
  });
});
