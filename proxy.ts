// Runs before every page: sets the per-request security policy (lib/security/headers), and
// sends visitors without a session cookie to sign in before a protected page renders. The
// redirect is a comfort only, never the authorization boundary; every page, action and
// route handler checks the session and role itself (lib/auth).
import { NextResponse, type NextRequest } from "next/server";
import { isHttpsUrl, SESSION_COOKIE_NAMES } from "@/lib/auth/cookies";
import { contentSecurityPolicy, documentSecurityHeaders, newNonce } from "@/lib/security/headers";
import { getEnv } from "@/lib/env";

const PROTECTED = [/^\/keys(\/|$)/, /^\/requests(\/|$)/, /^\/onboarding(\/|$)/, /^\/admin(\/|$)/, /^\/team(\/|$)/, /^\/dashboard(\/|$)/, /^\/activity(\/|$)/];

export function proxy(request: NextRequest) {
  const env = getEnv();
  const https = isHttpsUrl(env.NEXTAUTH_URL);
  const { pathname, search } = request.nextUrl;

  let response: NextResponse;
  if (PROTECTED.some((p) => p.test(pathname)) && !SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name))) {
    const url = request.nextUrl.clone();
    url.pathname = "/sign-in";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    response = NextResponse.redirect(url);
  } else {
    const csp = contentSecurityPolicy(newNonce(), { https, dev: env.NODE_ENV === "development" });
    // Next reads the nonce from the request's CSP header and puts it on every script it
    // renders. set(), not append(): a client-sent header must never choose the nonce.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("Content-Security-Policy", csp);
  }
  for (const [name, value] of Object.entries(documentSecurityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not /api (JSON), not Next's static files. Prefetches carry no document.
      source: "/((?!api/|_next/static|_next/image|favicon\\.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
