// next-auth's cookies, named and flagged in one place. When the portal is served over https
// every cookie is Secure and carries a prefix the browser enforces: the session token and
// the CSRF token take __Host- (Secure, Path=/, no Domain, so no sibling subdomain can set
// or shadow them), the callback URL __Secure-. Over plain http (local use, the tests) the
// browser would drop prefixed cookies, so the names are unprefixed there.
export const SESSION_COOKIE = "next-auth.session-token";

/** Every name the session cookie has had, for the proxy's comfort check. */
export const SESSION_COOKIE_NAMES = [SESSION_COOKIE, `__Secure-${SESSION_COOKIE}`, `__Host-${SESSION_COOKIE}`] as const;

export type CookieOptions = { httpOnly: boolean; sameSite: "lax"; path: "/"; secure: boolean };

export function isHttpsUrl(url: string | undefined): boolean {
  return !!url && url.startsWith("https://");
}

export function authCookies(secure: boolean) {
  const options: CookieOptions = { httpOnly: true, sameSite: "lax", path: "/", secure };
  return {
    sessionToken: { name: secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE, options },
    csrfToken: { name: secure ? "__Host-next-auth.csrf-token" : "next-auth.csrf-token", options },
    callbackUrl: { name: secure ? "__Secure-next-auth.callback-url" : "next-auth.callback-url", options: { sameSite: "lax" as const, path: "/" as const, secure } },
  };
}
