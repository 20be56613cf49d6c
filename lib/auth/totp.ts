// TOTP (RFC 6238) secrets and codes: pure functions, no database.
//
// Secrets are encrypted at rest with AES-256-GCM under COPA_TOTP_KEY (lib/env), so a copy
// of the database alone (a backup, a leaked dump) cannot mint codes. Each ciphertext is
// bound to its user id as additional authenticated data: a secret copied onto another
// user's row fails to decrypt instead of becoming that user's second factor. The format
// is versioned ("v1.<iv>.<tag>.<ciphertext>", base64url) so the key or cipher can change
// later without guessing what a stored value is.
//
// Codes are 6 digits, SHA-1, 30 s steps: what every authenticator app accepts. One step
// either side is tolerated for clock drift; which step matched is returned so the caller
// can refuse any step at or before the last one accepted (a code works once).
import { createCipheriv, createDecipheriv, createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { Secret, TOTP } from "otpauth";

export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;
/** Steps tolerated either side of now (clock drift between phone and server). */
export const TOTP_WINDOW = 1;
const ISSUER = "COPA Developers";
const FORMAT = "v1";

export function generateTotpSecret(): string {
  // 160 bits, RFC 4226's recommended length for SHA-1.
  return new Secret({ size: 20 }).base32;
}

function totpFor(secretBase32: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: TOTP_DIGITS, period: TOTP_PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/** The otpauth:// URI authenticator apps read from the QR code. */
export function totpUri(secretBase32: string, accountLabel: string): string {
  return totpFor(secretBase32, accountLabel).toString();
}

export function timeStep(at: number = Date.now()): number {
  return Math.floor(at / 1000 / TOTP_PERIOD);
}

/** The code for a secret at a time (tests and the e2e setup compute codes with this). */
export function totpCode(secretBase32: string, at: number = Date.now()): string {
  return totpFor(secretBase32).generate({ timestamp: at });
}

/**
 * The time step a code belongs to, or null when it matches none within the window.
 * Only the caller knows which steps were already used: it must refuse a step that is
 * not newer than the last accepted one.
 */
export function matchTotpStep(secretBase32: string, code: string, at: number = Date.now()): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32).validate({ token, timestamp: at, window: TOTP_WINDOW });
  return delta === null ? null : timeStep(at) + delta;
}

// --- Encryption at rest -------------------------------------------------------------

export function encryptTotpSecret(secretBase32: string, key: Buffer, userId: string): string {
  assertKey(key);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(`${FORMAT}:${userId}`, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(secretBase32, "utf8"), cipher.final()]);
  return [FORMAT, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(".");
}

/** Throws on any change to the stored value, a wrong key or another user's row. */
export function decryptTotpSecret(stored: string, key: Buffer, userId: string): string {
  assertKey(key);
  const parts = stored.split(".");
  if (parts.length !== 4 || parts[0] !== FORMAT) throw new Error("unknown TOTP secret format");
  const [, ivText, tagText, dataText] = parts;
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== 12 || tag.length !== 16) throw new Error("malformed TOTP secret");
  const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: 16 });
  decipher.setAAD(Buffer.from(`${FORMAT}:${userId}`, "utf8"));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(Buffer.from(dataText, "base64url")), decipher.final()]).toString("utf8");
}

function assertKey(key: Buffer) {
  if (key.length !== 32) throw new Error("the TOTP key must be 32 bytes");
}

// --- Recovery codes -----------------------------------------------------------------

// Lower-case letters and digits without 0/o/1/l/i: read from paper without doubt.
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

/**
 * Sixteen characters of a 31-letter alphabet: about 79 bits, so a plain SHA-256 is
 * enough at rest (as for API keys); nobody can search that space offline.
 */
export function generateRecoveryCode(): string {
  let out = "";
  while (out.length < 16) {
    for (const byte of randomBytes(32)) {
      // Rejection sampling keeps every character equally likely.
      if (byte < 248 && out.length < 16) out += RECOVERY_ALPHABET[byte % 31];
    }
  }
  return out.match(/.{4}/g)!.join("-");
}

/** Case, spaces and dashes do not matter when typing a recovery code back. */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.toLowerCase().replace(/[\s-]+/g, "");
  if (compact.length !== 16 || [...compact].some((c) => !RECOVERY_ALPHABET.includes(c))) return null;
  return compact.match(/.{4}/g)!.join("-");
}

export function hashRecoveryCode(normalized: string): string {
  return createHash("sha256").update(normalized, "utf8").digest("hex");
}

/** Constant-time string comparison (MACs in lib/auth/step-up). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
