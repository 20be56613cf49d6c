import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { parseThrottledCode, throttledMessage } from "@/lib/auth/throttle-policy";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// Built per request so reading the environment never happens at build time.
async function handler(req: Request, ctx: Ctx) {
  const response: Response = await NextAuth(req as never, ctx as never, getAuthOptions());
  return req.method === "POST" && new URL(req.url).pathname.endsWith("/callback/credentials") ? asTooManyRequests(response) : response;
}

/**
 * A throttled sign-in (authorize threw `throttled:<seconds>`, lib/auth/options) leaves
 * next-auth as a 401 naming that error. It is answered as what it is, 429 with
 * Retry-After, for the form (next-auth's client still reads `error` from the JSON) and for
 * any other client; every other answer passes through untouched.
 */
async function asTooManyRequests(response: Response): Promise<Response> {
  const location = response.headers.get("location");
  let target = location;
  let body: { url?: string } | null = null;
  if (!target && response.headers.get("content-type")?.includes("application/json")) {
    body = (await response.clone().json().catch(() => null)) as { url?: string } | null;
    target = body?.url ?? null;
  }
  if (!target) return response;
  const seconds = parseThrottledCode(new URL(target, "http://copa.invalid").searchParams.get("error"));
  if (seconds === null) return response;
  const headers = new Headers(response.headers);
  headers.delete("location");
  headers.set("content-type", "application/json");
  headers.set("retry-after", String(seconds));
  return new Response(JSON.stringify({ url: target, detail: throttledMessage(seconds) }), { status: 429, headers });
}

export { handler as GET, handler as POST };
