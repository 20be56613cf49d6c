// GitHub's secret scanning partner programme signs each alert: the raw request body,
// signed with ECDSA P-256 / SHA-256 by one of the keys GitHub publishes at
// https://api.github.com/meta/public_keys/secret_scanning, named by the
// Github-Public-Key-Identifier header, the DER signature base64 in
// Github-Public-Key-Signature. The admin pastes that document (or PEM keys) on /admin/leaks;
// nothing is fetched at request time. Pure apart from node:crypto.
import { createPublicKey, verify, type KeyObject } from "node:crypto";

export type SigningKey = { id: string; pem: string };

/** At most this many keys are kept (GitHub publishes a handful, old and current). */
export const MAX_SIGNING_KEYS = 20;

function publicKeyOf(pem: string): KeyObject | null {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === "ec" ? key : null;
  } catch {
    return null;
  }
}

/**
 * The keys in what an admin pasted: GitHub's document (`{"public_keys": [{"key_identifier",
 * "key"}]}`), our own stored array (`[{"id", "pem"}]`), or null with the reason when it is
 * neither or a key is not an EC public key.
 */
export function parseSigningKeys(text: string): { ok: true; keys: SigningKey[] } | { ok: false; reason: "json" | "shape" | "key" | "too_many" } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: "json" };
  }
  const list = Array.isArray(value) ? value : value && typeof value === "object" && Array.isArray((value as { public_keys?: unknown }).public_keys) ? (value as { public_keys: unknown[] }).public_keys : null;
  if (!list) return { ok: false, reason: "shape" };
  if (list.length > MAX_SIGNING_KEYS) return { ok: false, reason: "too_many" };
  const keys: SigningKey[] = [];
  for (const item of list) {
    if (!item || typeof item !== "object") return { ok: false, reason: "shape" };
    const entry = item as Record<string, unknown>;
    const id = entry.key_identifier ?? entry.id;
    const pem = entry.key ?? entry.pem;
    if (typeof id !== "string" || !id.trim() || id.length > 200 || typeof pem !== "string") return { ok: false, reason: "shape" };
    if (!publicKeyOf(pem)) return { ok: false, reason: "key" };
    keys.push({ id: id.trim(), pem });
  }
  return { ok: true, keys };
}

/** Whether `signature` (base64 DER) is a valid signature of exactly these bytes by the key named `keyId`. */
export function verifyGithubSignature(rawBody: Buffer, keyId: string | null, signature: string | null, keys: readonly SigningKey[]): boolean {
  if (!keyId || !signature || signature.length > 512) return false;
  const key = keys.find((k) => k.id === keyId);
  const publicKey = key ? publicKeyOf(key.pem) : null;
  if (!publicKey) return false;
  try {
    return verify("sha256", rawBody, { key: publicKey, dsaEncoding: "der" }, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}
