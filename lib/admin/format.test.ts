import { describe, expect, it } from "vitest";
import { formatAuditTime, metadataEntries } from "./format";

describe("formatAuditTime", () => {
  it.each([
    ["2026-03-05T14:03:09.123Z", "05 Mar 2026, 14:03:09 UTC"],
    ["2026-12-31T23:59:59.999Z", "31 Dec 2026, 23:59:59 UTC"],
    ["2027-01-01T00:00:00.000Z", "01 Jan 2027, 00:00:00 UTC"],
  ])("%s -> %s, whatever the server's zone", (iso, expected) => {
    expect(formatAuditTime(new Date(iso))).toBe(expected);
  });

  it.each([
    ["fr", "05 mars 2026, 14:03:09 UTC"],
    ["rw", "05 Werurwe 2026 14:03:09 UTC"],
    ["en", "05 Mar 2026, 14:03:09 UTC"],
  ])("in %s: the month in the reader's language, still UTC to the second", (locale, expected) => {
    expect(formatAuditTime(new Date("2026-03-05T14:03:09.123Z"), locale)).toBe(expected);
  });
});

describe("metadataEntries", () => {
  it.each<[string, [string, string][] | string]>([
    ["{}", []],
    ['{"reason":"Leaked key"}', [["reason", "Leaked key"]]],
    ['{"scopes":["cooperatives:read","members:read"],"expiresAt":null,"revealed":true,"n":3}', [["scopes", "cooperatives:read, members:read"], ["expiresAt", "—"], ["revealed", "true"], ["n", "3"]]],
    ['{"scopes":[]}', [["scopes", "(none)"]]],
    ['{"nested":{"a":1}}', [["nested", '{"a":1}']]],
    ["not json", "not json"],
    ["[1,2]", "[1,2]"],
    ['"<script>alert(1)</script>"', '"<script>alert(1)</script>"'],
  ])("%s", (text, expected) => {
    expect(metadataEntries(text)).toEqual(expected);
  });
});
