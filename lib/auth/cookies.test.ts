import { describe, expect, it } from "vitest";
import { authCookies, isHttpsUrl, SESSION_COOKIE_NAMES } from "./cookies";

describe("authCookies", () => {
  it("prefixes and secures every cookie on https", () => {
    const c = authCookies(true);
    expect(c.sessionToken).toEqual({ name: "__Host-next-auth.session-token", options: { httpOnly: true, sameSite: "lax", path: "/", secure: true } });
    expect(c.csrfToken.name).toBe("__Host-next-auth.csrf-token");
    expect(c.callbackUrl.name).toBe("__Secure-next-auth.callback-url");
    for (const cookie of Object.values(c)) expect(cookie.options.secure).toBe(true);
  });

  it("uses plain names over http, where browsers drop prefixed cookies", () => {
    const c = authCookies(false);
    expect(c.sessionToken.name).toBe("next-auth.session-token");
    for (const cookie of Object.values(c)) expect(cookie.options.secure).toBe(false);
  });

  it("lets the proxy recognise the session cookie under any of its names", () => {
    for (const secure of [true, false]) expect(SESSION_COOKIE_NAMES).toContain(authCookies(secure).sessionToken.name);
  });

  it.each([
    ["https://developers.copa.rw", true],
    ["http://localhost:3000", false],
    [undefined, false],
  ])("isHttpsUrl(%s) is %s", (url, expected) => {
    expect(isHttpsUrl(url)).toBe(expected);
  });
});
