// Accounts: sign-up, admins, passwords, session revocation.
import { recordAudit, type AuditActor } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { ChangePasswordInput, SignUpInput } from "@/lib/auth/schemas";
import { endUserSessions } from "@/lib/auth/sessions";
import { reserveAttempt, settleSuccess } from "@/lib/auth/throttle";
import { retryMinutes } from "@/lib/auth/throttle-policy";
import { db, isUniqueViolation } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import { enqueueMail } from "@/lib/mail/outbox";
import { issueToken } from "./tokens";

export function throttled(retryAfterSeconds: number, field?: string): ServiceError {
  // A message key with its value; the action wrapper words it for the reader (the field
  // error too). The /api/auth 429 body keeps throttledMessage's English.
  const key = "auth.errors.throttled";
  return new ServiceError("rate_limited", key, field ? { [field]: key } : undefined, undefined, { minutes: retryMinutes(retryAfterSeconds) });
}

/**
 * The public sign-up. Its answer is the same whether or not the address already has an
 * account (same result, a hash computed either way, a mail queued either way), so sign-up
 * cannot be used to learn who has one: a new address gets a verification link, a taken
 * one a note to its owner ("someone tried to sign up with your address"), audited as
 * auth.sign_up_refused. Throttled per address and per client IP like sign-in, which also
 * bounds the mails an address can be sent.
 */
export async function registerAccount(input: SignUpInput, ip: string | null = null): Promise<void> {
  const reserved = await reserveAttempt("sign_up", { account: input.email, ip });
  if (!reserved.ok) throw throttled(reserved.retryAfterSeconds);
  try {
    await signUp(input, ip);
  } catch (error) {
    if (!(error instanceof ServiceError && error.code === "conflict")) throw error;
    await db.$transaction(async (tx) => {
      const owner = await tx.user.findUnique({ where: { email: input.email }, select: { name: true, disabled: true } });
      await recordAudit(tx, { action: "auth.sign_up_refused", actor: null, metadata: { email: input.email, reason: "email_taken" }, ip });
      if (owner && !owner.disabled) await enqueueMail(tx, { to: input.email, template: "account_exists", params: { name: owner.name } });
    });
  }
}

/**
 * Creates a partner account and queues its verification mail in the same transaction
 * (tests and seeds too; the public path is registerAccount).
 */
export async function signUp(input: SignUpInput, ip: string | null = null): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, role: "partner" } });
      await recordAudit(tx, { action: "user.signed_up", actor: { id: user.id, email: user.email }, target: { type: "user", id: user.id }, ip });
      const token = await issueToken(tx, user.id, "verify_email");
      await enqueueMail(tx, { to: user.email, template: "verify_email", params: { name: user.name }, secret: token });
      return { id: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ServiceError("conflict", "auth.errors.emailTaken", { email: "auth.errors.emailTakenField" });
    }
    throw error;
  }
}

/** Creates an admin, or promotes an existing user. Used by npm start and npm run admin:create. */
export async function createAdmin(email: string, password: string, name = "COPA admin"): Promise<{ id: string; created: boolean }> {
  const normalized = email.trim().toLowerCase();
  const existing = await db.user.findUnique({ where: { email: normalized } });
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    if (existing) {
      await tx.user.update({ where: { id: existing.id }, data: { role: "admin", passwordHash, sessionVersion: { increment: 1 }, emailVerifiedAt: existing.emailVerifiedAt ?? new Date() } });
      await endUserSessions(tx, existing.id, "revoked");
      await recordAudit(tx, { action: "user.role_changed", actor: null, target: { type: "user", id: existing.id }, metadata: { role: "admin", via: "cli" } });
      return { id: existing.id, created: false };
    }
    // The operator typed the address: it counts as verified.
    const user = await tx.user.create({ data: { email: normalized, name, passwordHash, role: "admin", emailVerifiedAt: new Date() } });
    await recordAudit(tx, { action: "user.signed_up", actor: null, target: { type: "user", id: user.id }, metadata: { role: "admin", via: "cli" } });
    return { id: user.id, created: true };
  });
}

/**
 * Changes a user's password and ends every other session of theirs, in the same
 * transaction as the new hash and its audit event; the caller's own session
 * (`keepSessionId`) goes on. The current password is required even with a valid session,
 * so a session left open on a shared computer is not enough to take the account over, and
 * its check is throttled like sign-in (per user, and per user+IP), before any hash.
 */
export async function changePassword(
  userId: string,
  input: ChangePasswordInput,
  ip: string | null = null,
  keepSessionId?: string,
): Promise<{ sessionVersion: number; endedSessions: number }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, passwordHash: true, sessionVersion: true, disabled: true } });
  if (!user || user.disabled) throw new ServiceError("unauthenticated", "ui.actions.sessionEnded");
  const reserved = await reserveAttempt("password_check", { account: user.id, ip });
  if (!reserved.ok) throw throttled(reserved.retryAfterSeconds, "currentPassword");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ServiceError("invalid", "ui.actions.correctFields", { currentPassword: "auth.errors.wrongCurrentPassword" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    // Only over the state that was checked: a concurrent change or revocation wins, not both.
    const updated = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash, sessionVersion: user.sessionVersion, disabled: false },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw new ServiceError("conflict", "auth.errors.accountChanged");
    await settleSuccess(tx, reserved.reservation);
    const endedSessions = await endUserSessions(tx, user.id, "password_changed", { exceptId: keepSessionId });
    await recordAudit(tx, { action: "user.password_changed", actor: { id: user.id, email: user.email }, target: { type: "user", id: user.id }, metadata: { endedSessions }, ip });
    return { sessionVersion: user.sessionVersion + 1, endedSessions };
  });
}

/** Ends every session of the user on their next request. */
export async function revokeSessions(userId: string, actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    const ended = await endUserSessions(tx, userId, actor?.id === userId ? "signed_out_everywhere" : "revoked");
    await recordAudit(tx, { action: "user.sessions_revoked", actor, target: { type: "user", id: userId }, metadata: { endedSessions: ended } });
  });
}

export async function setUserDisabled(userId: string, disabled: boolean, actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const result = await tx.user.updateMany({ where: { id: userId }, data: { disabled, sessionVersion: { increment: 1 } } });
    if (result.count === 0) throw new ServiceError("not_found", "ui.actions.notFound");
    await endUserSessions(tx, userId, "revoked");
    await recordAudit(tx, { action: disabled ? "user.disabled" : "user.enabled", actor, target: { type: "user", id: userId } });
  });
}

export async function setUserRole(userId: string, role: "partner" | "admin", actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    if (role === "partner") {
      const admins = await tx.user.count({ where: { role: "admin", disabled: false, id: { not: userId } } });
      if (admins === 0) throw new ServiceError("conflict", "auth.errors.lastAdmin");
    }
    const result = await tx.user.updateMany({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    if (result.count === 0) throw new ServiceError("not_found", "ui.actions.notFound");
    await endUserSessions(tx, userId, "revoked");
    await recordAudit(tx, { action: "user.role_changed", actor, target: { type: "user", id: userId }, metadata: { role } });
  });
}
