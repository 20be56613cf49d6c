// Two-factor (TOTP) lifecycle: enrol, confirm, verify a code at sign-in or step-up,
// disable. One TwoFactor row per user (pending until confirmed with a first code) and ten
// one-time recovery codes stored as SHA-256. Secrets are encrypted at rest (./../totp).
// No "server-only" marker: npm run admin:create (tsx, outside Next) loads this module.
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { getTotpKey } from "@/lib/env";
import { ServiceError, conflict, forbidden, invalid } from "@/lib/errors";
import {
  RECOVERY_CODE_COUNT,
  decryptTotpSecret,
  encryptTotpSecret,
  generateRecoveryCode,
  generateTotpSecret,
  hashRecoveryCode,
  matchTotpStep,
  normalizeRecoveryCode,
  totpUri,
} from "../totp";

type Actor = { id: string; email: string; role?: string };

/** Wrong codes in a row before code entry locks; a TOTP guess wins 3 times in 10^6. */
export const MAX_CODE_FAILURES = 5;
export const CODE_LOCK_MS = 15 * 60 * 1000;

export async function hasTwoFactor(userId: string): Promise<boolean> {
  const row = await db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  return Boolean(row?.enabledAt);
}

export type TwoFactorState =
  | { status: "off" }
  | { status: "pending"; secret: string; uri: string }
  | { status: "on"; enabledAt: Date; recoveryCodesLeft: number };

/** For the user's own enrolment page only: a pending secret is shown until confirmed. */
export async function getTwoFactorState(user: Actor): Promise<TwoFactorState> {
  const row = await db.twoFactor.findUnique({ where: { userId: user.id } });
  if (!row) return { status: "off" };
  if (row.enabledAt) {
    const recoveryCodesLeft = await db.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
    return { status: "on", enabledAt: row.enabledAt, recoveryCodesLeft };
  }
  let secret: string;
  try {
    secret = decryptTotpSecret(row.secret, getTotpKey(), user.id);
  } catch {
    // A pending secret sealed under a key that is gone: offer a fresh start, not an error page.
    return { status: "off" };
  }
  return { status: "pending", secret, uri: totpUri(secret, user.email) };
}

/** Starts (or restarts) enrolment with a fresh secret. Nothing is enforced until confirmed. */
export async function startTwoFactorEnrolment(user: Actor): Promise<void> {
  const secret = encryptTotpSecret(generateTotpSecret(), getTotpKey(), user.id);
  await db.$transaction(async (tx) => {
    const existing = await tx.twoFactor.findUnique({ where: { userId: user.id }, select: { enabledAt: true } });
    if (existing?.enabledAt) throw conflict("auth.errors.twoFactorAlreadyOn");
    await tx.twoFactor.upsert({
      where: { userId: user.id },
      create: { userId: user.id, secret },
      update: { secret, lastUsedStep: null, failedCount: 0, lockedUntil: null },
    });
  });
}

/**
 * Turns two-factor on once the user proves their app holds the secret, and returns the
 * recovery codes: the only time they exist in plain text.
 */
export async function confirmTwoFactorEnrolment(user: Actor, code: string, ip: string | null, now = new Date()): Promise<{ recoveryCodes: string[] }> {
  const row = await db.twoFactor.findUnique({ where: { userId: user.id } });
  if (!row) throw conflict("auth.errors.twoFactorNoPending");
  if (row.enabledAt) throw conflict("auth.errors.twoFactorAlreadyOn");
  const step = matchTotpStep(decryptTotpSecret(row.secret, getTotpKey(), user.id), code, now.getTime());
  if (step === null) throw invalid("auth.errors.twoFactorWrongCode", { code: "auth.errors.twoFactorWrongCodeField" });
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db.$transaction(async (tx) => {
    // Conditional on still pending with the secret the code was checked against: a
    // concurrent restart of the enrolment cannot be confirmed with an old code.
    const flipped = await tx.twoFactor.updateMany({ where: { userId: user.id, enabledAt: null, secret: row.secret }, data: { enabledAt: now, lastUsedStep: step } });
    if (flipped.count !== 1) throw conflict("auth.errors.twoFactorChanged");
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(c) })) });
    await recordAudit(tx, { action: "user.two_factor_enrolled", actor: user, target: { type: "user", id: user.id }, ip });
  });
  return { recoveryCodes };
}

/**
 * Turns two-factor off (the caller checked a fresh authentication). Admins cannot: the
 * console requires it.
 */
export async function disableTwoFactor(user: Actor & { role: string }, ip: string | null): Promise<void> {
  if (user.role === "admin") throw forbidden("auth.errors.twoFactorAdminMustKeep");
  await db.$transaction(async (tx) => {
    const removed = await tx.twoFactor.deleteMany({ where: { userId: user.id, enabledAt: { not: null } } });
    if (removed.count !== 1) throw conflict("auth.errors.twoFactorNotOn");
    await tx.recoveryCode.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, { action: "user.two_factor_disabled", actor: user, target: { type: "user", id: user.id }, ip });
  });
}

export type SecondFactorResult = { ok: true; method: "totp" | "recovery_code" } | { ok: false; reason: "invalid" | "locked" | "not_enrolled" };

/**
 * Checks a code from the app or a recovery code for an enrolled user, at sign-in and at
 * step-up. Each is accepted once: a TOTP step must be newer than the last accepted one
 * (a conditional update, so two requests racing with the same code cannot both win), and
 * a recovery code is marked used in the same conditional way. Wrong codes count towards
 * a short lock, so someone holding only the password cannot search the code space.
 */
export async function verifySecondFactor(user: Actor, input: string, ip: string | null, now = new Date()): Promise<SecondFactorResult> {
  const row = await db.twoFactor.findUnique({ where: { userId: user.id } });
  if (!row?.enabledAt) return { ok: false, reason: "not_enrolled" };
  if (row.lockedUntil && row.lockedUntil > now) return { ok: false, reason: "locked" };

  const recovery = normalizeRecoveryCode(input);
  if (recovery) {
    const used = await db.$transaction(async (tx) => {
      const flipped = await tx.recoveryCode.updateMany({ where: { userId: user.id, codeHash: hashRecoveryCode(recovery), usedAt: null }, data: { usedAt: now } });
      if (flipped.count !== 1) return false;
      const left = await tx.recoveryCode.count({ where: { userId: user.id, usedAt: null } });
      await tx.twoFactor.update({ where: { userId: user.id }, data: { failedCount: 0, lockedUntil: null } });
      await recordAudit(tx, { action: "user.recovery_code_used", actor: user, target: { type: "user", id: user.id }, metadata: { remaining: left }, ip });
      return true;
    });
    if (used) return { ok: true, method: "recovery_code" };
  } else {
    let step: number | null = null;
    try {
      step = matchTotpStep(decryptTotpSecret(row.secret, getTotpKey(), user.id), input, now.getTime());
    } catch {
      // A secret that no longer decrypts (wrong or lost COPA_TOTP_KEY, tampered row)
      // matches nothing; recovery codes still work.
      console.error("two-factor: a stored TOTP secret could not be decrypted");
    }
    if (step !== null) {
      const accepted = await db.twoFactor.updateMany({
        where: { userId: user.id, enabledAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
        data: { lastUsedStep: step, failedCount: 0, lockedUntil: null },
      });
      if (accepted.count === 1) return { ok: true, method: "totp" };
    }
  }

  const failed = await db.twoFactor.update({ where: { userId: user.id }, data: { failedCount: { increment: 1 } }, select: { failedCount: true } });
  if (failed.failedCount >= MAX_CODE_FAILURES) {
    await db.twoFactor.update({ where: { userId: user.id }, data: { failedCount: 0, lockedUntil: new Date(now.getTime() + CODE_LOCK_MS) } });
    return { ok: false, reason: "locked" };
  }
  return { ok: false, reason: "invalid" };
}

export function secondFactorError(reason: Exclude<SecondFactorResult, { ok: true }>["reason"]): ServiceError {
  return reason === "locked"
    ? new ServiceError("forbidden", "auth.errors.tooManyCodes", { code: "auth.errors.tooManyCodesField" })
    : invalid("auth.errors.codeUsed", { code: "auth.errors.codeUsedField" });
}

/**
 * The way back for an admin who lost both their phone and their recovery codes: the
 * operator, with shell access to the server, runs `npm run admin:create -- EMAIL
 * --reset-two-factor`. The account must enrol again at its next sign-in.
 */
export async function resetTwoFactorByOperator(userId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const removed = await tx.twoFactor.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    if (removed.count === 0) return false;
    await recordAudit(tx, { action: "user.two_factor_disabled", actor: null, target: { type: "user", id: userId }, metadata: { via: "cli" } });
    return true;
  });
}
