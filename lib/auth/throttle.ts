// Throttles for sign-in, sign-up, the password check and (later) reset and verification
// requests. The policy and its reasoning are in ./throttle-policy.ts; this file keeps the
// state in the database (AuthThrottle), so every portal instance shares one count.
//
// Cost: a refused attempt costs one indexed read and no write (an attacker being refused
// cannot make us write); an allowed one adds a short write transaction before the password
// hash and, for sign-in, a settle step after it. The attempt is counted *before* the hash,
// so a burst of parallel guesses cannot all slip past a check that only counted failures.
import { createHash } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { THROTTLE_POLICIES, delaySeconds, type ThrottleAction, type ThrottleDimension, type ThrottleRule } from "./throttle-policy";

export type ThrottleSubject = {
  /** The normalised e-mail, or the user id for checks by a signed-in user. */
  account: string;
  /** From lib/net/client-ip; null when unknown (see throttle-policy.ts). */
  ip: string | null;
};

export type Reservation = {
  action: ThrottleAction;
  /** The keys this attempt was counted under, by dimension. */
  keys: Partial<Record<ThrottleDimension, string>>;
  /** The account+IP pair signed in successfully before: the account and IP limits do not apply. */
  trustedPair: boolean;
};

export type ReserveResult = { ok: true; reservation: Reservation } | { ok: false; retryAfterSeconds: number };

const TRUSTED_PAIR_DAYS = 30;

function throttleKey(action: ThrottleAction, dimension: ThrottleDimension, value: string): string {
  // Hashed: the table holds no e-mail or address in clear, and keys have one length.
  return createHash("sha256").update(`${action}\u0000${dimension}\u0000${value}`).digest("hex");
}

export function throttleKeys(action: ThrottleAction, subject: ThrottleSubject): Partial<Record<ThrottleDimension, string>> {
  const account = subject.account.trim().toLowerCase();
  const keys: Partial<Record<ThrottleDimension, string>> = { account: throttleKey(action, "account", account) };
  if (subject.ip) {
    keys.pair = throttleKey(action, "pair", `${account}\u0000${subject.ip}`);
    keys.ip = throttleKey(action, "ip", subject.ip);
  }
  return keys;
}

class AttemptRefused extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("throttled");
  }
}

/**
 * Counts one attempt at `action`, or refuses it (with the seconds to wait) when one of its
 * keys is inside a delay. Call before computing any password hash.
 */
export async function reserveAttempt(action: ThrottleAction, subject: ThrottleSubject, now = new Date()): Promise<ReserveResult> {
  const policy = THROTTLE_POLICIES[action];
  const allKeys = throttleKeys(action, subject);
  const rows = await db.authThrottle.findMany({ where: { key: { in: Object.values(allKeys) } } });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const pairRow = allKeys.pair ? byKey.get(allKeys.pair) : undefined;
  const trustedPair = !!pairRow?.trustedUntil && pairRow.trustedUntil > now;
  // A known-good pair is judged on its own (strict) limit only: nobody elsewhere can slow it.
  const keys: Reservation["keys"] = trustedPair ? { pair: allKeys.pair } : allKeys;

  let wait = 0;
  for (const key of Object.values(keys)) {
    const blockedUntil = byKey.get(key)?.blockedUntil;
    if (blockedUntil && blockedUntil > now) wait = Math.max(wait, (blockedUntil.getTime() - now.getTime()) / 1000);
  }
  if (wait > 0) return { ok: false, retryAfterSeconds: Math.ceil(wait) };

  try {
    await db.$transaction(async (tx) => {
      for (const [dimension, key] of Object.entries(keys) as [ThrottleDimension, string][]) {
        await countAttempt(tx, key, policy.rules[dimension], now);
      }
    });
  } catch (error) {
    if (error instanceof AttemptRefused) return { ok: false, retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
  return { ok: true, reservation: { action, keys, trustedPair } };
}

async function countAttempt(tx: Tx, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  // Atomic on both providers (INSERT ... ON CONFLICT / one statement under SQLite's write lock).
  const row = await tx.authThrottle.upsert({ where: { key }, create: { key, count: 1, windowStart: now }, update: { count: { increment: 1 } } });
  let count = row.count;
  if (count > 1 && row.windowStart.getTime() <= now.getTime() - rule.windowSeconds * 1000) {
    // The window is over: this attempt opens a new one (only one concurrent attempt does).
    const restarted = await tx.authThrottle.updateMany({ where: { key, windowStart: row.windowStart }, data: { count: 1, windowStart: now } });
    if (restarted.count === 1) count = 1;
  }
  const delay = delaySeconds(rule, count);
  if (delay === 0) return;
  // Past the free attempts, an attempt goes ahead only if it is the one that moves the
  // delay on: of parallel attempts, one wins; the rest are refused and not counted (the
  // thrown error rolls the transaction back). The delay starts now, as if the attempt fails;
  // a successful sign-in clears its pair (settleAttempt).
  const moved = await tx.authThrottle.updateMany({
    where: { key, OR: [{ blockedUntil: null }, { blockedUntil: { lte: now } }] },
    data: { blockedUntil: new Date(now.getTime() + delay * 1000) },
  });
  if (moved.count !== 1) {
    const current = await tx.authThrottle.findUnique({ where: { key }, select: { blockedUntil: true } });
    const seconds = current?.blockedUntil ? (current.blockedUntil.getTime() - now.getTime()) / 1000 : delay;
    throw new AttemptRefused(Math.max(1, Math.ceil(seconds)));
  }
}

/**
 * After a successful attempt, inside the caller's transaction: the attempt is given back
 * where the policy says so, and a sign-in marks its account+IP pair known-good (its own
 * count and delay cleared), so this user on this network is exempt from the account and IP
 * limits from now on.
 */
export async function settleSuccess(tx: Tx, reservation: Reservation, now = new Date()): Promise<void> {
  if (!THROTTLE_POLICIES[reservation.action].refundSuccess) return;
  if (reservation.keys.pair) {
    await tx.authThrottle.update({
      where: { key: reservation.keys.pair },
      data: { count: 0, blockedUntil: null, windowStart: now, trustedUntil: new Date(now.getTime() + TRUSTED_PAIR_DAYS * 86_400_000) },
    });
  }
  for (const key of [reservation.keys.account, reservation.keys.ip]) {
    if (key) await tx.authThrottle.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
  }
}
