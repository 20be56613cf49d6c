import { describe, expect, it } from "vitest";
import { presentedKey, statusClass, usageEvent } from "./authenticate";

const KEY = `sk_copa_partner_${"a".repeat(32)}`;

describe("presentedKey", () => {
  it.each([
    [{ authorization: `Bearer ${KEY}` }, KEY],
    [{ authorization: `bearer   ${KEY}  ` }, KEY],
    [{ "x-api-key": ` ${KEY} ` }, KEY],
    [{ authorization: `Bearer ${KEY}`, "x-api-key": "other" }, KEY],
    [{ authorization: "Basic dXNlcjpwYXNz", "x-api-key": KEY }, KEY],
    [{ authorization: "Basic dXNlcjpwYXNz" }, ""],
    [{ authorization: "Bearer" }, ""],
    [{}, null],
  ])("%o -> %s", (headers, expected) => {
    expect(presentedKey(new Headers(headers as Record<string, string>))).toBe(expected);
  });
});

describe("statusClass", () => {
  it.each([[200, "2xx"], [201, "2xx"], [400, "4xx"], [404, "4xx"], [405, "4xx"], [429, "429"], [500, "5xx"], [503, "5xx"]] as const)("%i -> %s", (status, cls) => {
    expect(statusClass(status)).toBe(cls);
  });
});

describe("usageEvent", () => {
  const now = new Date("2025-06-01T12:00:00Z");
  it("writes last-used at most once a minute per address", () => {
    const recent = { id: "k", lastUsedAt: new Date(now.getTime() - 30_000), lastUsedIp: "1.1.1.1" };
    expect(usageEvent(recent, 200, "1.1.1.1", now).touch).toBeNull();
    expect(usageEvent(recent, 200, "2.2.2.2", now).touch).toEqual({ at: now, ip: "2.2.2.2" });
    expect(usageEvent({ ...recent, lastUsedAt: new Date(now.getTime() - 61_000) }, 200, null, now).touch).toEqual({ at: now, ip: "1.1.1.1" });
    expect(usageEvent({ id: "k", lastUsedAt: null, lastUsedIp: null }, 404, null, now)).toEqual({ keyId: "k", day: "2025-06-01", statusClass: "4xx", touch: { at: now, ip: null }, call: { at: now, ip: null, scope: null } });
  });
});
