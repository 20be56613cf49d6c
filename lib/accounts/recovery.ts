// Verified addresses and password recovery, both by one-time links (lib/accounts/tokens).
// Every request for a mail is throttled (lib/auth/throttle) and answers the same whether
// or not the address has an account, so none of them tells a visitor who has one.
import { recordAudit } from "@/lib/audit";
import { hashPassword } from "@/lib/auth/password";
import { endUserSessions } from "@/lib/auth/sessions";
import { reserveAttempt } from "@/lib/auth/throttle";
import { db } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { throttled } from "./service";
import { consumeToken, issueToken } from "./tokens";


/** Sends a fresh verification link (the previous one stops working). Throttled per user and IP. */
export async function resendVerification(userId: string, ip: string | null = null): Promise<{ alreadyVerified: boolean }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, emailVerifiedAt: true, disabled: true } });
  if (!user || user.disabled) throw new ServiceError("unauthenticated", "ui.actions.sessionEnded");
  if (user.emailVerifiedAt) return { alreadyVerified: true };
  const reserved = await reserveAttempt("verification", { account: user.id, ip });
  if (!reserved.ok) throw throttled(reserved.retryAfterSeconds);
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "verify_email");
    await enqueueMail(tx, { to: user.email, template: "verify_email", params: { name: user.name }, secret: token });
  });
  return { alreadyVerified: false };
}

/** Follows a verification link. */
export async function verifyEmail(token: string, ip: string | null = null): Promise<{ email: string }> {
  return db.$transaction(async (tx) => {
    const userId = await consumeToken(tx, token, "verify_email");
    if (!userId) throw new ServiceError("invalid", "auth.errors.verifyLinkExpired");
    const user = await tx.user.update({ where: { id: userId }, data: { emailVerifiedAt: new Date() }, select: { id: true, email: true } });
    await recordAudit(tx, { action: "user.email_verified", actor: { id: user.id, email: user.email }, target: { type: "user", id: user.id }, ip });
    return { email: user.email };
  });
}

/**
 * "Forgot password?": queues a reset link when the address belongs to an active account,
 * and otherwise does nothing; the caller shows the same answer either way. Throttled per
 * address (known or not) and per IP, so nobody can flood an inbox.
 */
export async function requestPasswordReset(email: string, ip: string | null = null): Promise<void> {
  const reserved = await reserveAttempt("password_reset", { account: email, ip });
  if (!reserved.ok) throw throttled(reserved.retryAfterSeconds);
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, disabled: true } });
  if (!user || user.disabled) return;
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "password_reset");
    await enqueueMail(tx, { to: user.email, template: "password_reset", params: { name: user.name }, secret: token });
  });
}

/**
 * Sets a new password from a reset link: the token is used up, every session of the user
 * ends, the address counts as verified (the link proved the mailbox), the change is
 * audited and the owner is told by mail, all in one transaction.
 */
export async function resetPassword(token: string, newPassword: string, ip: string | null = null): Promise<void> {
  const passwordHash = await hashPassword(newPassword);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const userId = await consumeToken(tx, token, "password_reset", now);
    if (!userId) throw new ServiceError("invalid", "auth.errors.resetLinkExpired");
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, disabled: true, emailVerifiedAt: true } });
    if (!user || user.disabled) throw new ServiceError("invalid", "auth.errors.resetLinkExpired");
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 }, emailVerifiedAt: user.emailVerifiedAt ?? now } });
    const endedSessions = await endUserSessions(tx, user.id, "password_changed", { now });
    await recordAudit(tx, { action: "user.password_reset", actor: { id: user.id, email: user.email }, target: { type: "user", id: user.id }, metadata: { endedSessions }, ip });
    await enqueueMail(tx, { to: user.email, template: "password_changed", params: { name: user.name, when: now.toISOString().slice(0, 16).replace("T", " ") } });
  });
}

/** Refuses an action of a user whose address is not verified yet (requests, key reveals). */
export async function assertEmailVerified(userId: string): Promise<void> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true } });
  if (!user?.emailVerifiedAt) {
    throw new ServiceError("forbidden", "auth.errors.emailNotVerified");
  }
}
