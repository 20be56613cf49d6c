// Comfort redirects only: sends visitors without a session cookie to sign in before the
// page renders. It is never the authorization boundary; every page, action and route
// handler checks the session and role itself (lib/auth).
import { NextResponse, type NextRequest } from "next/server";

const PROTECTED = [/^\/keys(\/|$)/, /^\/requests(\/|$)/, /^\/onboarding(\/|$)/, /^\/admin(\/|$)/, /^\/team(\/|$)/, /^\/dashboard(\/|$)/];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!PROTECTED.some((p) => p.test(pathname))) return NextResponse.next();
  const hasSession =
    request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/keys/:path*", "/requests/:path*", "/onboarding/:path*", "/admin/:path*", "/team/:path*", "/dashboard/:path*"],
};
