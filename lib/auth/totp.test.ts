import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptTotpSecret,
  encryptTotpSecret,
  generateRecoveryCode,
  generateTotpSecret,
  hashRecoveryCode,
  matchTotpStep,
  normalizeRecoveryCode,
  timeStep,
  totpCode,
  totpUri,
} from "./totp";

const key = randomBytes(32);
const secret = generateTotpSecret();
const sealed = encryptTotpSecret(secret, key, "user-1");

/** Flips one bit of one base64url segment of the stored value. */
function flip(value: string, segment: number): string {
  const parts = value.split(".");
  const bytes = Buffer.from(parts[segment], "base64url");
  bytes[0] ^= 1;
  parts[segment] = bytes.toString("base64url");
  return parts.join(".");
}

describe("TOTP secret encryption (AES-256-GCM)", () => {
  it("round-trips, with a fresh IV each time", () => {
    expect(decryptTotpSecret(sealed, key, "user-1")).toBe(secret);
    const again = encryptTotpSecret(secret, key, "user-1");
    expect(again).not.toBe(sealed);
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain(secret);
  });

  it.each([
    ["a changed IV", flip(sealed, 1), key, "user-1"],
    ["a changed tag", flip(sealed, 2), key, "user-1"],
    ["a changed ciphertext", flip(sealed, 3), key, "user-1"],
    ["another user's row", sealed, key, "user-2"],
    ["another key", sealed, randomBytes(32), "user-1"],
    ["an unknown version", sealed.replace(/^v1/, "v2"), key, "user-1"],
    ["a truncated value", sealed.split(".").slice(0, 3).join("."), key, "user-1"],
  ])("refuses %s", (_what, value, k, user) => {
    expect(() => decryptTotpSecret(value, k, user)).toThrow();
  });

  it("refuses a key that is not 32 bytes", () => {
    expect(() => encryptTotpSecret(secret, randomBytes(16), "user-1")).toThrow(/32 bytes/);
  });
});

describe("TOTP codes", () => {
  const now = Date.UTC(2026, 11, 2, 6, 0, 15);

  it.each([
    ["the current step", now, 0],
    ["the previous step (clock drift)", now - 30_000, -1],
    ["the next step (clock drift)", now + 30_000, 1],
  ])("accepts a code of %s and says which step it was", (_what, at, delta) => {
    expect(matchTotpStep(secret, totpCode(secret, at), now)).toBe(timeStep(now) + delta);
  });

  it.each([
    ["a code two steps old", () => totpCode(secret, now - 60_000)],
    ["another secret's code", () => totpCode(generateTotpSecret(), now)],
    ["not six digits", () => "12345"],
    ["letters", () => "abcdef"],
  ])("refuses %s", (_what, code) => {
    const value = code();
    // A random other secret could collide with probability 3e-6; tolerate nothing else.
    if (value === totpCode(secret, now) || value === totpCode(secret, now - 30_000) || value === totpCode(secret, now + 30_000)) return;
    expect(matchTotpStep(secret, value, now)).toBeNull();
  });

  it("tolerates spaces as apps display them", () => {
    const code = totpCode(secret, now);
    expect(matchTotpStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(timeStep(now));
  });

  it("builds an otpauth URI with issuer and account", () => {
    const uri = totpUri(secret, "ana@bank.rw");
    expect(uri).toMatch(/^otpauth:\/\/totp\/COPA%20Developers:ana%40bank\.rw\?/);
    expect(uri).toContain(`secret=${secret}`);
  });
});

describe("recovery codes", () => {
  it("are 16 characters in groups of four, distinct", () => {
    const codes = Array.from({ length: 50 }, generateRecoveryCode);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(new Set(codes).size).toBe(50);
  });

  it.each([
    ["as shown", "abcd-efgh-jkmn-pqrs", "abcd-efgh-jkmn-pqrs"],
    ["in capitals without dashes", "ABCDEFGHJKMNPQRS", "abcd-efgh-jkmn-pqrs"],
    ["with spaces", " abcd efgh jkmn pqrs ", "abcd-efgh-jkmn-pqrs"],
    ["too short", "abcd-efgh-jkmn", null],
    ["with look-alikes", "abcd-efgh-jkmn-pqr0", null],
    ["a TOTP code", "123456", null],
  ])("normalise %s", (_what, input, expected) => {
    expect(normalizeRecoveryCode(input)).toBe(expected);
  });

  it("hash to SHA-256 hex, never themselves", () => {
    const h = hashRecoveryCode("abcd-efgh-jkmn-pqrs");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain("abcd");
  });
});
