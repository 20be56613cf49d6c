// The numbers and arithmetic of the authentication throttles (lib/auth/throttle.ts), pure so
// they are tested beside this file and shown to users the same way everywhere.
//
// Each guarded action counts attempts along up to three dimensions:
//   pair    = account + client IP  strict: the one place a lock may bite hard, because an
//                                  attacker elsewhere cannot touch the real user's pair;
//   account = the e-mail (or user)  loose: its delay is capped at a minute, so hammering one
//                                  account from many addresses only slows everyone down a
//                                  little and can never lock the real user out for long;
//   ip      = the client IP        catches one address spraying many accounts.
// After `free` attempts in a window, each further attempt must wait a delay that doubles
// (base, 2×base, ... up to cap); an attempt inside the delay is refused with 429 and
// Retry-After before any password hash is computed.
//
// Why a minute is enough for the account dimension: passwords must resist 10^8 guesses
// (lib/auth/password-strength), and one guess a minute is about 525,000 a year. So the
// account limit does not need to be a lock, and must not be: a lock keyed on the account
// alone is a lock the attacker holds. A pair that signed in successfully (known-good) is
// exempt from the account and IP dimensions altogether, so the real user on their usual
// device and network is not even slowed.
//
// Without a known client IP (Next.js does not show the socket; set COPA_TRUST_PROXY behind
// your own proxy, see lib/net/client-ip) only the account dimension exists: brute force is
// still capped at one guess a minute per account, and the real user waits at most that
// minute, but nobody is "known-good" and a many-account spray from one address is only
// slowed per account.

export type ThrottleAction = "sign_in" | "sign_up" | "password_check" | "password_reset" | "verification";
export type ThrottleDimension = "pair" | "account" | "ip";

export type ThrottleRule = {
  /** Attempts in a window before any delay. */
  free: number;
  /** The first delay, doubled for each further attempt. */
  baseSeconds: number;
  capSeconds: number;
  /** Counting restarts when the window's first attempt is older than this. */
  windowSeconds: number;
};

export type ThrottlePolicy = {
  rules: Record<ThrottleDimension, ThrottleRule>;
  /**
   * Whether a successful attempt is given back (sign-in, password check: only failures
   * should count) or counts like any other (sign-up, reset and verification requests: each
   * one costs the service something and may send mail).
   */
  refundSuccess: boolean;
};

const HOUR = 3600;

const CREDENTIAL_CHECK: ThrottlePolicy = {
  rules: {
    pair: { free: 5, baseSeconds: 30, capSeconds: 15 * 60, windowSeconds: HOUR },
    account: { free: 10, baseSeconds: 15, capSeconds: 60, windowSeconds: HOUR },
    ip: { free: 30, baseSeconds: 60, capSeconds: HOUR, windowSeconds: HOUR },
  },
  refundSuccess: true,
};

const REQUEST_BY_MAIL: ThrottlePolicy = {
  rules: {
    pair: { free: 3, baseSeconds: 60, capSeconds: 15 * 60, windowSeconds: HOUR },
    account: { free: 5, baseSeconds: 30, capSeconds: 60, windowSeconds: HOUR },
    ip: { free: 10, baseSeconds: 60, capSeconds: HOUR, windowSeconds: HOUR },
  },
  refundSuccess: false,
};

export const THROTTLE_POLICIES: Record<ThrottleAction, ThrottlePolicy> = {
  sign_in: CREDENTIAL_CHECK,
  password_check: CREDENTIAL_CHECK,
  sign_up: REQUEST_BY_MAIL,
  password_reset: REQUEST_BY_MAIL,
  verification: REQUEST_BY_MAIL,
};

/** The delay an attempt numbered `count` in its window imposes on the next one. */
export function delaySeconds(rule: ThrottleRule, count: number): number {
  if (count <= rule.free) return 0;
  return Math.min(rule.capSeconds, rule.baseSeconds * 2 ** Math.min(30, count - rule.free - 1));
}

/** The whole minutes to wait, at least one: what every "try again in N minutes" shows. */
export function retryMinutes(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}

/**
 * "Too many attempts; try again in 2 minutes." in English, for the 429 body of /api/auth
 * (bodies stay English). Forms show auth.errors.throttled with retryMinutes, translated.
 */
export function throttledMessage(retryAfterSeconds: number): string {
  const minutes = retryMinutes(retryAfterSeconds);
  return `Too many attempts; try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** The error code next-auth carries from authorize() to the sign-in form (`throttled:<seconds>`). */
export const THROTTLED_PREFIX = "throttled:";

export function throttledCode(retryAfterSeconds: number): string {
  return `${THROTTLED_PREFIX}${Math.max(1, Math.ceil(retryAfterSeconds))}`;
}

/** The seconds in a `throttled:<seconds>` code, or null for any other error. */
export function parseThrottledCode(code: string | null | undefined): number | null {
  if (!code?.startsWith(THROTTLED_PREFIX)) return null;
  const seconds = Number(code.slice(THROTTLED_PREFIX.length));
  return Number.isInteger(seconds) && seconds > 0 ? seconds : null;
}
