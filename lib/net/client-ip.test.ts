import { describe, expect, it } from "vitest";
import { clientIp, normalizeIp } from "./client-ip";

describe("clientIp", () => {
  it.each([
    // Without a trusted proxy the header is the caller's claim and is ignored.
    [{ socketAddress: "127.0.0.1", forwardedFor: "6.6.6.6", trustProxy: false }, "127.0.0.1"],
    [{ socketAddress: null, forwardedFor: "6.6.6.6", trustProxy: false }, null],
    [{ socketAddress: "::ffff:127.0.0.1", trustProxy: false }, "127.0.0.1"],
    // Behind a trusted proxy: the hop it appended (the last entry), never the first.
    [{ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.9", trustProxy: true }, "203.0.113.9"],
    [{ socketAddress: "10.0.0.2", forwardedFor: "2001:DB8::1", trustProxy: true }, "2001:db8::1"],
    [{ socketAddress: "10.0.0.2", trustProxy: true }, "10.0.0.2"],
    // Junk is never returned, so it is never stored.
    [{ socketAddress: "10.0.0.2", forwardedFor: "1.1.1.1, <script>", trustProxy: true }, null],
    [{ socketAddress: "not-an-ip", trustProxy: false }, null],
  ])("%j -> %s", (input, expected) => {
    expect(clientIp(input)).toBe(expected);
  });

  it("rejects values that only look like addresses", () => {
    expect(normalizeIp("999.1.1.1")).toBeNull();
    expect(normalizeIp("1:2:3")).toBeNull();
    expect(normalizeIp("")).toBeNull();
  });
});
