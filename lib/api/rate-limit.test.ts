import { describe, expect, it } from "vitest";
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  bucketStarts,
  effectiveLimits,
  fits,
  rateLimitHeaders,
  rateLimitState,
  retryAfterSeconds,
  throttledState,
} from "./rate-limit";

const T = Date.UTC(2025, 4, 10, 14, 37, 25, 500); // 14:37:25.500 UTC

describe("bucketStarts", () => {
  it("aligns to the minute and the hour and spans 60 minutes and 24 hours", () => {
    const s = bucketStarts(T);
    expect(new Date(s.minute).toISOString()).toBe("2025-05-10T14:37:00.000Z");
    expect(new Date(s.hour).toISOString()).toBe("2025-05-10T14:00:00.000Z");
    expect((s.minute - s.hourFrom) / MINUTE_MS).toBe(59);
    expect((s.hour - s.dayFrom) / HOUR_MS).toBe(23);
  });
});

describe("effectiveLimits", () => {
  it.each([
    [{ rateLimitHour: null, rateLimitDay: null }, { hour: 1000, day: 10000 }],
    [{ rateLimitHour: 5, rateLimitDay: null }, { hour: 5, day: 10000 }],
    [{ rateLimitHour: null, rateLimitDay: 7 }, { hour: 1000, day: 7 }],
  ])("%o -> %o", (key, expected) => {
    expect(effectiveLimits(key, { hour: 1000, day: 10000 })).toEqual(expected);
  });
});

describe("fits", () => {
  it.each([
    [{ hourUsed: 0, dayUsed: 0 }, true],
    [{ hourUsed: 9, dayUsed: 9 }, true],
    [{ hourUsed: 10, dayUsed: 10 }, false],
    [{ hourUsed: 3, dayUsed: 50 }, false],
  ])("%o under 10/h 50/d -> %s", (used, expected) => {
    expect(fits({ ...used, hourOldest: null, dayOldest: null }, { hour: 10, day: 50 })).toBe(expected);
  });
});

describe("rateLimitState", () => {
  const limits = { hour: 100, day: 1000 };
  it("reports the window with fewer requests left, reset when its oldest bucket ages out", () => {
    const oldestMinute = T - 30 * MINUTE_MS;
    const state = rateLimitState({ hourUsed: 40, hourOldest: oldestMinute, dayUsed: 950, dayOldest: T - 5 * HOUR_MS }, limits, T);
    expect(state.window).toBe("day");
    expect(state.limit).toBe(1000);
    expect(state.remaining).toBe(50);
    expect(state.reset).toBe(Math.ceil((T - 5 * HOUR_MS + DAY_MS) / 1000));
    expect(state.hour).toEqual({ limit: 100, remaining: 60, reset: Math.ceil((oldestMinute + HOUR_MS) / 1000) });
  });
  it("prefers the hour when it is tighter", () => {
    const state = rateLimitState({ hourUsed: 99, hourOldest: T, dayUsed: 99, dayOldest: T }, limits, T);
    expect(state.window).toBe("hour");
    expect(state.remaining).toBe(1);
  });
  it("with nothing counted resets now and leaves the full allowance", () => {
    const state = rateLimitState({ hourUsed: 0, hourOldest: null, dayUsed: 0, dayOldest: null }, limits, T);
    expect(state).toMatchObject({ window: "hour", limit: 100, remaining: 100, reset: Math.ceil(T / 1000) });
  });
  it("never reports negative remaining (a limit lowered below current use)", () => {
    expect(rateLimitState({ hourUsed: 150, hourOldest: T, dayUsed: 150, dayOldest: T }, limits, T).remaining).toBe(0);
  });
  it("renders the three headers as integers", () => {
    const headers = rateLimitHeaders(rateLimitState({ hourUsed: 1, hourOldest: T, dayUsed: 1, dayOldest: T }, limits, T));
    expect(Object.keys(headers)).toEqual(["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]);
    for (const value of Object.values(headers)) expect(value).toMatch(/^\d+$/);
  });
});

describe("retryAfterSeconds", () => {
  const m = (minutesAgo: number, count: number) => ({ start: bucketStarts(T).minute - minutesAgo * MINUTE_MS, count });
  const h = (hoursAgo: number, count: number) => ({ start: bucketStarts(T).hour - hoursAgo * HOUR_MS, count });

  it("waits until enough of the oldest minute buckets age out of the hour", () => {
    // 10 allowed per hour; 4 requests 50 minutes ago, 6 now. The 4 leave the window at
    // (start of that minute + 60 min), after which 6 < 10.
    const buckets = { minute: [m(0, 6), m(50, 4)], hour: [h(0, 10)] };
    const expected = Math.ceil((bucketStarts(T).minute - 50 * MINUTE_MS + HOUR_MS - T) / 1000);
    expect(retryAfterSeconds(buckets, { hour: 10, day: 1000 }, T)).toBe(expected);
  });
  it("takes the later of two exhausted windows", () => {
    const buckets = { minute: [m(1, 5)], hour: [h(20, 40), h(0, 10)] };
    const hourWait = bucketStarts(T).minute - MINUTE_MS + HOUR_MS - T;
    const dayWait = bucketStarts(T).hour - 20 * HOUR_MS + DAY_MS - T;
    expect(retryAfterSeconds(buckets, { hour: 5, day: 50 }, T)).toBe(Math.ceil(Math.max(hourWait, dayWait) / 1000));
  });
  it("is at least one second", () => {
    const justExpiring = { start: T - HOUR_MS + 1, count: 1 };
    expect(retryAfterSeconds({ minute: [justExpiring], hour: [] }, { hour: 1, day: 10 }, T)).toBe(1);
  });
});

describe("throttledState", () => {
  it("reports the exhausted window with nothing remaining and the retry moment as reset", () => {
    const state = throttledState({ hourUsed: 10, hourOldest: T - 10 * MINUTE_MS, dayUsed: 10, dayOldest: T }, { hour: 10, day: 100 }, T, 30);
    expect(state).toMatchObject({ window: "hour", limit: 10, remaining: 0, reset: Math.ceil(T / 1000) + 30 });
  });
});
