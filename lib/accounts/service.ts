// Accounts: sign-up, admins, passwords, session revocation.
import { recordAudit, type AuditActor } from "@/lib/audit";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { ChangePasswordInput, SignUpInput } from "@/lib/auth/schemas";
import { db, isUniqueViolation } from "@/lib/db";
import { ServiceError } from "@/lib/errors";

export async function signUp(input: SignUpInput, ip: string | null = null): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash, role: "partner" } });
      await recordAudit(tx, { action: "user.signed_up", actor: { id: user.id, email: user.email }, target: { type: "user", id: user.id }, ip });
      return { id: user.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ServiceError("conflict", "An account with this e-mail already exists.", { email: "An account with this e-mail already exists. Sign in instead." });
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
      await tx.user.update({ where: { id: existing.id }, data: { role: "admin", passwordHash, sessionVersion: { increment: 1 } } });
      await recordAudit(tx, { action: "user.role_changed", actor: null, target: { type: "user", id: existing.id }, metadata: { role: "admin", via: "cli" } });
      return { id: existing.id, created: false };
    }
    const user = await tx.user.create({ data: { email: normalized, name, passwordHash, role: "admin" } });
    await recordAudit(tx, { action: "user.signed_up", actor: null, target: { type: "user", id: user.id }, metadata: { role: "admin", via: "cli" } });
    return { id: user.id, created: true };
  });
}

/**
 * Changes a user's password and ends every session of theirs: the session version moves on
 * in the same transaction as the new hash and its audit event. The current password is
 * required even with a valid session, so a session left open on a shared computer is not
 * enough to take the account over. The caller re-issues its own session with the returned
 * version (lib/auth/session-cookie), so only the other sessions end.
 */
export async function changePassword(userId: string, input: ChangePasswordInput, ip: string | null = null): Promise<{ sessionVersion: number }> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, passwordHash: true, sessionVersion: true, disabled: true } });
  if (!user || user.disabled) throw new ServiceError("unauthenticated", "Your session has ended. Please sign in again.");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ServiceError("invalid", "Please correct the highlighted fields.", { currentPassword: "This is not your current password" });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    // Only over the state that was checked: a concurrent change or revocation wins, not both.
    const updated = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash, sessionVersion: user.sessionVersion, disabled: false },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (updated.count !== 1) throw new ServiceError("conflict", "Your account changed while you were typing. Sign in again and retry.");
    await recordAudit(tx, { action: "user.password_changed", actor: { id: user.id, email: user.email }, target: { type: "user", id: user.id }, ip });
    return { sessionVersion: user.sessionVersion + 1 };
  });
}

/** Ends every session of the user on their next request. */
export async function revokeSessions(userId: string, actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await recordAudit(tx, { action: "user.sessions_revoked", actor, target: { type: "user", id: userId } });
  });
}

export async function setUserDisabled(userId: string, disabled: boolean, actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    const result = await tx.user.updateMany({ where: { id: userId }, data: { disabled, sessionVersion: { increment: 1 } } });
    if (result.count === 0) throw new ServiceError("not_found", "Not found.");
    await recordAudit(tx, { action: disabled ? "user.disabled" : "user.enabled", actor, target: { type: "user", id: userId } });
  });
}

export async function setUserRole(userId: string, role: "partner" | "admin", actor: AuditActor): Promise<void> {
  await db.$transaction(async (tx) => {
    if (role === "partner") {
      const admins = await tx.user.count({ where: { role: "admin", disabled: false, id: { not: userId } } });
      if (admins === 0) throw new ServiceError("conflict", "COPA needs at least one active admin.");
    }
    const result = await tx.user.updateMany({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } } });
    if (result.count === 0) throw new ServiceError("not_found", "Not found.");
    await recordAudit(tx, { action: "user.role_changed", actor, target: { type: "user", id: userId }, metadata: { role } });
  });
}
