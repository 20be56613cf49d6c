// One-time tokens sent by mail. The token (256 random bits, base64url) exists in clear
// only in the mail's link (and in the outbox row until it is sent); the database keeps
// its SHA-256. A token works once (a conditional update sets usedAt, so two concurrent
// uses cannot both win) and only before it expires. Issuing a new token of a purpose
// retires the user's earlier unused ones, so only the latest link works.
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";

export type TokenPurpose = "verify_email" | "password_reset";

export const TOKEN_LIFETIME_MS: Record<TokenPurpose, number> = {
  verify_email: 24 * 3600_000,
  password_reset: 30 * 60_000,
};

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export async function issueToken(tx: Tx, userId: string, purpose: TokenPurpose, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.authToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
  await tx.authToken.create({ data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + TOKEN_LIFETIME_MS[purpose]) } });
  return token;
}

/** Uses a token: its user's id, or null when it is unknown, of another purpose, used or expired. */
export async function consumeToken(tx: Tx, token: string, purpose: TokenPurpose, now = new Date()): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const tokenHash = hashToken(token);
  const used = await tx.authToken.updateMany({ where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (used.count !== 1) return null;
  const row = await tx.authToken.findUnique({ where: { tokenHash }, select: { userId: true } });
  return row?.userId ?? null;
}

/** Whether a token would be accepted now (the reset page checks before showing its form). */
export async function isTokenUsable(db: Pick<Tx, "authToken">, token: string, purpose: TokenPurpose, now = new Date()): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
  const row = await db.authToken.findFirst({ where: { tokenHash: hashToken(token), purpose, usedAt: null, expiresAt: { gt: now } }, select: { id: true } });
  return Boolean(row);
}
