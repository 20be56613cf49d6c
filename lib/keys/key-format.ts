// Generating, recognising, hashing and masking COPA API keys. Pure and synchronous: used
// by the portal, the /api/v1 hot path, the verification service and the benchmark.
import { createHash, randomBytes } from "node:crypto";
import { KEY_TYPE_IDS, type KeyType } from "./key-types";

export const KEY_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
export const KEY_RANDOM_LENGTH = 32;
export const KEY_PATTERN = /^sk_copa_(partner|webhook|mobile|system)_([a-z0-9]{32})$/;

// 252 is the largest multiple of 36 below 256: bytes at or above it are discarded so every
// character is equally likely (no modulo bias).
const UNBIASED_LIMIT = 256 - (256 % KEY_ALPHABET.length);

export function randomKeyBody(length = KEY_RANDOM_LENGTH): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= UNBIASED_LIMIT) continue;
      out += KEY_ALPHABET[byte % KEY_ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** A new key: sk_copa_{type}_{32 of [a-z0-9]} from the OS CSPRNG. */
export function generateKey(type: KeyType): string {
  if (!KEY_TYPE_IDS.includes(type)) throw new Error(`unknown key type: ${type}`);
  return `sk_copa_${type}_${randomKeyBody()}`;
}

export function isWellFormedKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

export function keyTypeOf(value: string): KeyType | null {
  const match = KEY_PATTERN.exec(value);
  return match ? (match[1] as KeyType) : null;
}

/**
 * SHA-256 of the key, hex. Keys carry 165 bits of randomness, so a fast unsalted hash is
 * safe here (no dictionary can reach them) and keeps lookup to one indexed equality.
 */
export function hashKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** The only way a key is ever displayed after its one reveal: prefix and last 4. */
export function maskKey(key: string): string {
  const match = KEY_PATTERN.exec(key);
  if (!match) throw new Error("maskKey: not a COPA key");
  return `sk_copa_${match[1]}_••••${match[2].slice(-4)}`;
}
