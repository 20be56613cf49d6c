import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_ALLOWLIST_ENTRIES, isIpAllowed, normalizeAllowlist, normalizeAllowlistEntry, serializeAllowlist } from "./allowlist";

const v4 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
const toInt = (ip: string) => ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);

describe("normalizeAllowlistEntry", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["203.0.113.7/32", "203.0.113.7"],
    [" 10.1.2.3/8 ", "10.0.0.0/8"],
    ["0.0.0.0/0", "0.0.0.0/0"],
    ["2001:DB8::1", "2001:db8::1"],
    ["2001:db8:0:0:0:0:0:1/128", "2001:db8::1"],
    ["2001:db8::1234/32", "2001:db8::/32"],
    // IPv4-mapped IPv6 is the IPv4 address it maps, as a socket reports it.
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::ffff:10.9.8.7/104", "10.0.0.0/8"],
  ])("%s -> %s", (input, expected) => {
    expect(normalizeAllowlistEntry(input)).toEqual({ ok: true, entry: expected });
  });

  it.each([
    ["10.1", "invalid"],
    ["010.001.002.003", "invalid"],
    ["256.1.1.1", "invalid"],
    ["fe80::1%eth0", "invalid"],
    ["example.com", "invalid"],
    ["10.0.0.0/33", "prefix"],
    ["10.0.0.0/-1", "prefix"],
    ["10.0.0.0/", "prefix"],
    ["2001:db8::/129", "prefix"],
  ])("refuses %s (%s)", (input, reason) => {
    expect(normalizeAllowlistEntry(input)).toEqual({ ok: false, reason });
  });
});

describe("normalizeAllowlist", () => {
  it("splits on lines, commas and spaces, keeps order and drops duplicates", () => {
    expect(normalizeAllowlist("203.0.113.7\n10.0.0.0/8, 203.0.113.7/32\n\n2001:db8::/32")).toEqual({ ok: true, entries: ["203.0.113.7", "10.0.0.0/8", "2001:db8::/32"] });
    expect(normalizeAllowlist("  ")).toEqual({ ok: true, entries: [] });
  });

  it("names the first bad entry and caps the list", () => {
    expect(normalizeAllowlist("10.0.0.1\nnot-an-ip")).toEqual({ ok: false, entry: "not-an-ip", reason: "invalid" });
    const many = Array.from({ length: MAX_ALLOWLIST_ENTRIES + 1 }, (_, i) => v4(i + 1)).join("\n");
    expect(normalizeAllowlist(many)).toMatchObject({ ok: false, reason: "too_many" });
  });
});

describe("isIpAllowed", () => {
  it("allows any address when there is no list", () => {
    expect(isIpAllowed("", "203.0.113.7")).toBe(true);
    expect(isIpAllowed("", null)).toBe(true);
  });

  it("refuses an unknown caller address when a list exists", () => {
    expect(isIpAllowed("127.0.0.1", null)).toBe(false);
  });

  it("matches addresses, ranges, both families and mapped callers", () => {
    const stored = serializeAllowlist(["127.0.0.1", "10.0.0.0/8", "2001:db8::/32"]);
    expect(isIpAllowed(stored, "127.0.0.1")).toBe(true);
    expect(isIpAllowed(stored, "::ffff:127.0.0.1")).toBe(true);
    expect(isIpAllowed(stored, "10.255.0.1")).toBe(true);
    expect(isIpAllowed(stored, "11.0.0.1")).toBe(false);
    expect(isIpAllowed(stored, "2001:db8:ffff::1")).toBe(true);
    expect(isIpAllowed(stored, "2001:db9::1")).toBe(false);
    expect(isIpAllowed(stored, "::1")).toBe(false);
    // An IPv4 caller matches an IPv6 range that covers its mapped form.
    expect(isIpAllowed("::/0", "198.51.100.1")).toBe(true);
    expect(isIpAllowed(stored, "not an ip")).toBe(false);
  });

  it("an IPv4 address is in a CIDR range exactly when its top prefix bits equal the network's", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }), (net, ip, prefix) => {
        const result = normalizeAllowlistEntry(`${v4(net)}/${prefix}`);
        if (!result.ok) return false;
        const mask = prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
        const expected = ((net & mask) >>> 0) === ((ip & mask) >>> 0);
        // The stored network is the masked address.
        const network = result.entry.split("/")[0];
        return toInt(network) === ((net & mask) >>> 0) && isIpAllowed(result.entry, v4(ip)) === expected && isIpAllowed(result.entry, `::ffff:${v4(ip)}`) === expected;
      }),
    );
  });

  it("normalising is idempotent and a list always allows its own network addresses", () => {
    const entry = fc.oneof(
      fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([ip, p]) => `${ip}/${p}`),
      fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 })).map(([ip, p]) => `${ip}/${p}`),
      fc.ipV4(),
      fc.ipV6(),
    );
    fc.assert(
      fc.property(entry, (raw) => {
        const first = normalizeAllowlistEntry(raw);
        if (!first.ok) return false;
        const again = normalizeAllowlistEntry(first.entry);
        return again.ok && again.entry === first.entry && isIpAllowed(first.entry, first.entry.split("/")[0]);
      }),
    );
  });
});
