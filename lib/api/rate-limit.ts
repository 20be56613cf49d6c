// Rolling-window rate limits, the arithmetic part (pure). Counting lives in the database
// (lib/api/store): minute buckets summed over the last 60 minutes give the hourly count,
// hour buckets summed over the last 24 hours the daily one. Every process reads and
// increments the same rows, so several servers share one count.
//
// Windows are measured in whole buckets: the "hour" is the current minute plus the 59
// before it, the "day" the current hour plus the 23 before it. A request therefore stops
// counting against the hourly limit 60 minutes after the start of its minute, and
// against the daily limit 24 hours after the start of its hour.
import { getEnv } from "@/lib/env";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export type Limits = { hour: number; day: number };

/** What the store reports for one key at one instant. `oldest` = start (ms) of the oldest counted bucket. */
export type WindowUsage = {
  hourUsed: number;
  hourOldest: number | null;
  dayUsed: number;
  dayOldest: number | null;
};

export type Bucket = { start: number; count: number };

export type WindowState = { limit: number; remaining: number; reset: number };

/**
 * The rate-limit state a response reports. `limit`/`remaining`/`reset` describe the
 * binding window: the one with fewer requests left (on a tie, the one that frees up
 * later), which is the one a client will hit first. `reset` is Unix time in seconds.
 */
export type RateLimitState = WindowState & { window: "hour" | "day"; hour: WindowState; day: WindowState };

export function bucketStarts(now: number) {
  const minute = Math.floor(now / MINUTE_MS) * MINUTE_MS;
  const hour = Math.floor(now / HOUR_MS) * HOUR_MS;
  return {
    minute,
    hour,
    /** Oldest minute bucket inside the rolling hour. */
    hourFrom: minute - 59 * MINUTE_MS,
    /** Oldest hour bucket inside the rolling day. */
    dayFrom: hour - 23 * HOUR_MS,
  };
}

/** The usage once an allowed request is counted in the current minute and hour buckets. */
export function usageWithRequest(usage: WindowUsage, starts: { minute: number; hour: number }): WindowUsage {
  return {
    hourUsed: usage.hourUsed + 1,
    hourOldest: usage.hourOldest ?? starts.minute,
    dayUsed: usage.dayUsed + 1,
    dayOldest: usage.dayOldest ?? starts.hour,
  };
}

export function defaultLimits(): Limits {
  const env = getEnv();
  return { hour: env.COPA_RATE_LIMIT_HOUR, day: env.COPA_RATE_LIMIT_DAY };
}

/** A key's own limits where an admin set them, the defaults otherwise. */
export function effectiveLimits(key: { rateLimitHour: number | null; rateLimitDay: number | null }, defaults: Limits = defaultLimits()): Limits {
  return { hour: key.rateLimitHour ?? defaults.hour, day: key.rateLimitDay ?? defaults.day };
}

/** Whether one more request fits in both windows. */
export function fits(usage: WindowUsage, limits: Limits): boolean {
  return usage.hourUsed < limits.hour && usage.dayUsed < limits.day;
}

const toSeconds = (ms: number) => Math.ceil(ms / 1000);

export function rateLimitState(usage: WindowUsage, limits: Limits, now: number): RateLimitState {
  // When nothing is counted there is nothing to wait for: the window "resets" now.
  const hour: WindowState = {
    limit: limits.hour,
    remaining: Math.max(0, limits.hour - usage.hourUsed),
    reset: toSeconds(usage.hourOldest === null ? now : usage.hourOldest + HOUR_MS),
  };
  const day: WindowState = {
    limit: limits.day,
    remaining: Math.max(0, limits.day - usage.dayUsed),
    reset: toSeconds(usage.dayOldest === null ? now : usage.dayOldest + DAY_MS),
  };
  const dayBinds = day.remaining < hour.remaining || (day.remaining === hour.remaining && day.reset > hour.reset);
  return dayBinds ? { ...day, window: "day", hour, day } : { ...hour, window: "hour", hour, day };
}

/**
 * Seconds until one more request fits, from the buckets of both windows (oldest first).
 * A window over its limit frees capacity as its oldest buckets age out; the answer is
 * the moment every exhausted window has room again. At least 1.
 */
export function retryAfterSeconds(buckets: { minute: Bucket[]; hour: Bucket[] }, limits: Limits, now: number): number {
  const waitFor = (list: Bucket[], limit: number, windowMs: number): number => {
    let used = list.reduce((sum, b) => sum + b.count, 0);
    if (used < limit) return 0;
    for (const bucket of [...list].sort((a, b) => a.start - b.start)) {
      used -= bucket.count;
      if (used < limit) return bucket.start + windowMs - now;
    }
    // A limit of 0 never frees up; report the full window.
    return windowMs;
  };
  const ms = Math.max(waitFor(buckets.minute, limits.hour, HOUR_MS), waitFor(buckets.hour, limits.day, DAY_MS));
  return Math.max(1, toSeconds(ms));
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(state.limit),
    "X-RateLimit-Remaining": String(state.remaining),
    "X-RateLimit-Reset": String(state.reset),
  };
}

/** The state after a refusal: the binding window is the exhausted one, free again in `retryAfter` s. */
export function throttledState(usage: WindowUsage, limits: Limits, now: number, retryAfter: number): RateLimitState {
  const state = rateLimitState(usage, limits, now);
  const exhausted: "hour" | "day" = usage.dayUsed >= limits.day ? "day" : "hour";
  const binding = state[exhausted];
  return { ...binding, remaining: 0, reset: toSeconds(now) + retryAfter, window: exhausted, hour: state.hour, day: state.day };
}
