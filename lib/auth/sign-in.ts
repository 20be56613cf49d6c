// Checking e-mail and password for next-auth's Credentials provider: throttle first (no
// hash is computed for a refused attempt), then one argon2 verification whether or not the
// account exists, then either a new session (with the audit event, in one transaction) or
// an audited failure. The answer to the client is the same for an unknown e-mail, a wrong
// password and a disabled account.
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { dummyPasswordHash, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { createSession } from "./sessions";
import { reserveAttempt, settleSuccess } from "./throttle";

export type SignInContext = { ip: string | null; userAgent: string | null; now?: Date };

export type SignInOutcome =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function authenticate(credentials: unknown, ctx: SignInContext): Promise<SignInOutcome> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  const now = ctx.now ?? new Date();

  const reserved = await reserveAttempt("sign_in", { account: email, ip: ctx.ip }, now);
  if (!reserved.ok) return { ok: false, reason: "throttled", retryAfterSeconds: reserved.retryAfterSeconds };

  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, role: true, disabled: true, passwordHash: true } });
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);

  if (!user || !passwordOk || user.disabled) {
    const reason = !user ? "unknown_account" : !passwordOk ? "wrong_password" : "account_disabled";
    // The attempt was counted before the hash; this records why it failed. The e-mail is
    // one that passed the e-mail schema, never free text a password could have been typed into.
    await db.$transaction(async (tx) => {
      await recordAudit(tx, {
        action: "auth.sign_in_failed",
        actor: null,
        target: user ? { type: "user", id: user.id } : undefined,
        metadata: { email, reason, knownNetwork: reserved.reservation.trustedPair },
        ip: ctx.ip,
      });
    });
    return { ok: false, reason: "invalid" };
  }

  const sessionId = await db.$transaction(async (tx) => {
    await settleSuccess(tx, reserved.reservation, now);
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    const session = await createSession(tx, { userId: user.id, role: user.role, ip: ctx.ip, userAgent: ctx.userAgent, now });
    await recordAudit(tx, { action: "user.signed_in", actor: { id: user.id, email: user.email }, target: { type: "user", id: user.id }, metadata: { sessionId: session.id }, ip: ctx.ip });
    return session.id;
  });
  return { ok: true, userId: user.id, sessionId };
}
