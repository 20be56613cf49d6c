// Step-up: a fresh check (the password, or a TOTP or recovery code, within the last ten
// minutes) before revealing, rotating or revoking a key, issuing a gateway credential or
// changing a user's role. A stolen or left-open session alone then cannot do those.
//
// Where the time of the last check lives:
// - signing in counts: the server-side Session row of this sign-in (lib/auth/sessions)
//   was created when the user proved who they were, and nothing the client sends can
//   move its createdAt;
// - a later check sets a cookie of our own, "<uid>.<authAt>.<checkedAt>.<HMAC>", keyed
//   from NEXTAUTH_SECRET, where authAt is that session's creation time. It is bound to
//   the user and to this very sign-in, so it neither outlives the session nor works with
//   another one.
// requireFreshAuth is the boundary; the dialog in components/auth only asks and retries.
import { createHmac, hkdfSync } from "node:crypto";
import { cookies } from "next/headers";
import { getEnv } from "@/lib/env";
import { ServiceError } from "@/lib/errors";
import { isHttpsUrl } from "./cookies";
import { safeEqual } from "./totp";

export const STEP_UP_MAX_AGE_MS = 10 * 60 * 1000;
/** Clocks of several instances may differ a little; a check never counts from the future beyond this. */
const CLOCK_SKEW_MS = 60 * 1000;
export const STEP_UP_COOKIE = "copa.step-up";

export function stepUpCookieName(secure: boolean): string {
  // __Host-: Secure, Path=/, no Domain, so no sibling host can plant one.
  return secure ? `__Host-${STEP_UP_COOKIE}` : STEP_UP_COOKIE;
}

function macKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "", "copa step-up cookie v1", 32));
}

function mac(secret: string, payload: string): string {
  return createHmac("sha256", macKey(secret)).update(payload).digest("base64url");
}

export type StepUpBinding = { uid: string; authAt: number };

export function signStepUp(binding: StepUpBinding, checkedAt: number, secret: string): string {
  const payload = `${binding.uid}.${binding.authAt}.${checkedAt}`;
  return `${payload}.${mac(secret, payload)}`;
}

/** The time of the check the cookie proves, or null when it is missing, forged or not this session's. */
export function readStepUp(value: string | undefined, binding: StepUpBinding, secret: string): number | null {
  if (!value) return null;
  const parts = value.split(".");
  if (parts.length !== 4) return null;
  const [uid, authAt, checkedAt, signature] = parts;
  if (!safeEqual(signature, mac(secret, `${uid}.${authAt}.${checkedAt}`))) return null;
  if (uid !== binding.uid || Number(authAt) !== binding.authAt) return null;
  const at = Number(checkedAt);
  return Number.isSafeInteger(at) ? at : null;
}

/** Whether the newest of the given check times is recent enough. */
export function isFresh(checks: (number | null | undefined)[], now: number, within: number = STEP_UP_MAX_AGE_MS): boolean {
  const times = checks.filter((t): t is number => typeof t === "number" && Number.isFinite(t));
  if (times.length === 0) return false;
  const newest = Math.max(...times);
  return newest <= now + CLOCK_SKEW_MS && now - newest <= within;
}

function secure(): boolean {
  return isHttpsUrl(getEnv().NEXTAUTH_URL);
}

// Imported lazily: the session modules reach the database, and tests of the pure
// functions above should not need it.
async function currentBinding(userId: string): Promise<StepUpBinding | null> {
  const { getCurrentUser } = await import("./session");
  const { loadLiveSession } = await import("./sessions");
  const user = await getCurrentUser();
  if (!user?.sessionId || user.id !== userId) return null;
  const row = await loadLiveSession(user.sessionId);
  return row ? { uid: userId, authAt: row.createdAt.getTime() } : null;
}

/** Throws step_up_required unless the caller signed in or confirmed it was them within `within`. */
export async function requireFreshAuth(user: { id: string }, within: number = STEP_UP_MAX_AGE_MS): Promise<void> {
  const binding = await currentBinding(user.id);
  const jar = await cookies();
  const stepUpAt = binding ? readStepUp(jar.get(stepUpCookieName(secure()))?.value, binding, getEnv().NEXTAUTH_SECRET) : null;
  if (!binding || !isFresh([binding.authAt || null, stepUpAt], Date.now(), within)) {
    throw new ServiceError("step_up_required", "auth.errors.stepUpRequired");
  }
}

/** Records a successful check for this session (the step-up action calls it after verifying). */
export async function markFreshAuth(user: { id: string }, now: number = Date.now()): Promise<void> {
  const binding = await currentBinding(user.id);
  if (!binding) throw new ServiceError("unauthenticated", "ui.actions.sessionEnded");
  const jar = await cookies();
  jar.set(stepUpCookieName(secure()), signStepUp(binding, now, getEnv().NEXTAUTH_SECRET), {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    secure: secure(),
    maxAge: Math.ceil(STEP_UP_MAX_AGE_MS / 1000),
  });
}
