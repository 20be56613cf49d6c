// proxy.ts as Next calls it: the security headers on every page response (HSTS only when
// the portal's URL is https), the nonce handed to Next through the request's CSP header
// (never the client's), and the comfort redirect recognising every session cookie name.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

async function loadProxy(portalUrl: string) {
  vi.resetModules();
  process.env.NEXTAUTH_URL = portalUrl;
  process.env.NEXTAUTH_SECRET = "proxy-test-secret-0123456789";
  return (await import("@/proxy")).proxy;
}

const forwardedCsp = (response: Response) => response.headers.get("x-middleware-request-content-security-policy");

describe("proxy", () => {
  beforeEach(() => {
    delete process.env.NEXTAUTH_URL;
  });

  it("sets a fresh nonce CSP on each page and hands the same policy to Next", async () => {
    const proxy = await loadProxy("http://localhost:3000");
    const request = () => new NextRequest("http://localhost:3000/docs", { headers: { "content-security-policy": "script-src 'nonce-attacker'" } });
    const [a, b] = [proxy(request()), proxy(request())];
    for (const response of [a, b]) {
      const csp = response.headers.get("content-security-policy");
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'/);
      expect(forwardedCsp(response)).toBe(csp);
      expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(response.headers.get("strict-transport-security")).toBeNull();
    }
    expect(a.headers.get("content-security-policy")).not.toBe(b.headers.get("content-security-policy"));
  });

  it("adds HSTS and upgrade-insecure-requests when the portal's URL is https", async () => {
    const proxy = await loadProxy("https://developers.copa.rw");
    const response = proxy(new NextRequest("https://developers.copa.rw/docs"));
    expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
  });

  it.each(["next-auth.session-token", "__Secure-next-auth.session-token", "__Host-next-auth.session-token"])(
    "lets a visitor with %s through to a protected page",
    async (cookie) => {
      const proxy = await loadProxy("https://developers.copa.rw");
      const response = proxy(new NextRequest("https://developers.copa.rw/keys", { headers: { cookie: `${cookie}=x` } }));
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("content-security-policy")).toBeTruthy();
    },
  );

  it("sends a visitor without a session cookie to sign in", async () => {
    const proxy = await loadProxy("http://localhost:3000");
    const response = proxy(new NextRequest("http://localhost:3000/keys/abc?x=1"));
    expect(response.headers.get("location")).toBe("http://localhost:3000/sign-in?callbackUrl=%2Fkeys%2Fabc%3Fx%3D1");
    expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  });
});
