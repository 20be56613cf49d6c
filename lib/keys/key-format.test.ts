import { describe, expect, it } from "vitest";
import { KEY_ALPHABET, generateKey, hashKey, isWellFormedKey, keyTypeOf, maskKey, randomKeyBody } from "./key-format";
import { KEY_TYPE_IDS } from "./key-types";

describe("generateKey", () => {
  it.each(KEY_TYPE_IDS)("makes a well-formed %s key", (type) => {
    const key = generateKey(type);
    expect(key).toMatch(new RegExp(`^sk_copa_${type}_[a-z0-9]{32}$`));
    expect(isWellFormedKey(key)).toBe(true);
    expect(keyTypeOf(key)).toBe(type);
  });

  it("never repeats over 20,000 keys", () => {
    const keys = new Set(Array.from({ length: 20_000 }, () => generateKey("partner")));
    expect(keys.size).toBe(20_000);
  });

  it("uses every character of the alphabet with roughly equal frequency", () => {
    const counts = new Map<string, number>();
    const samples = 4000;
    for (let i = 0; i < samples; i++) for (const c of randomKeyBody()) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect([...counts.keys()].sort().join("")).toBe([...KEY_ALPHABET].sort().join(""));
    const expected = (samples * 32) / KEY_ALPHABET.length;
    for (const count of counts.values()) {
      // 128,000 draws over 36 symbols: each lands within 10% of 3,556 (6+ sigma).
      expect(Math.abs(count - expected) / expected).toBeLessThan(0.1);
    }
  });

  it("refuses an unknown type", () => {
    expect(() => generateKey("admin" as never)).toThrow();
  });
});

describe("isWellFormedKey", () => {
  it.each([
    ["", false],
    ["sk_copa_partner_", false],
    ["sk_copa_partner_" + "a".repeat(31), false],
    ["sk_copa_partner_" + "a".repeat(33), false],
    ["sk_copa_partner_" + "A".repeat(32), false],
    ["sk_copa_admin_" + "a".repeat(32), false],
    ["sk_copa_partner_" + "a".repeat(31) + "-", false],
    [" sk_copa_partner_" + "a".repeat(32), false],
    ["sk_copa_partner_" + "a1".repeat(16), true],
    ["sk_copa_system_" + "0".repeat(32), true],
  ])("%j -> %s", (value, expected) => {
    expect(isWellFormedKey(value)).toBe(expected);
  });
});

describe("hashKey", () => {
  it("is SHA-256 hex, deterministic and distinct per key", () => {
    const key = generateKey("partner");
    expect(hashKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashKey(key)).toBe(hashKey(key));
    expect(hashKey(key)).not.toBe(hashKey(generateKey("partner")));
    expect(hashKey(key)).not.toContain(key.slice(16));
  });
});

describe("maskKey", () => {
  it("keeps the prefix and the last four characters only", () => {
    const key = "sk_copa_mobile_abcdefghijklmnopqrstuvwxyz012345";
    expect(maskKey(key)).toBe("sk_copa_mobile_••••2345");
    expect(maskKey(key)).not.toContain("abcdefgh");
  });
  it("refuses anything that is not a key", () => {
    expect(() => maskKey("hello")).toThrow();
  });
});
