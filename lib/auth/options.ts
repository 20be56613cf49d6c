// next-auth configuration: e-mail + password (argon2id), JWT sessions whose token carries
// only the id of a server-side Session row (lib/auth/sessions). The jwt callback checks that
// row whenever next-auth reads the cookie (/api/auth/session included), so an ended,
// idle or expired session is refused there too and its cookie cleared; signing out ends the
// row. Who the user is and what they may do is re-read from the database on every request
// (lib/auth/session.ts).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getEnv } from "@/lib/env";
import { clientIp } from "@/lib/net/client-ip";
import { authCookies, isHttpsUrl } from "./cookies";
import { endSessionById, loadLiveSession, SESSION_JWT_MAX_AGE } from "./sessions";
import { authenticate } from "./sign-in";
import { throttledCode } from "./throttle-policy";

let options: NextAuthOptions | undefined;

/** Secure, prefixed cookies when the portal's URL is https (lib/auth/cookies). */
export function usesSecureCookies(): boolean {
  return isHttpsUrl(getEnv().NEXTAUTH_URL);
}

/** Thrown by the jwt callback for a session that no longer admits requests. */
class SessionEndedError extends Error {
  constructor() {
    super("session ended");
    this.name = "SessionEndedError";
  }
}

const header = (headers: unknown, name: string): string | null => {
  const value = (headers as Record<string, string | string[] | undefined> | undefined)?.[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
};

export function getAuthOptions(): NextAuthOptions {
  const secure = usesSecureCookies();
  options ??= {
    secret: getEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_JWT_MAX_AGE },
    useSecureCookies: secure,
    cookies: authCookies(secure),
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const outcome = await authenticate(credentials, {
            ip: clientIp({ socketAddress: null, forwardedFor: header(req?.headers, "x-forwarded-for"), trustProxy: getEnv().COPA_TRUST_PROXY }),
            userAgent: header(req?.headers, "user-agent"),
          });
          if (outcome.ok) return { id: outcome.userId, sessionId: outcome.sessionId };
          // Authorize cannot set a status, but next-auth hands a thrown error's message to the
          // client as `error`: the sign-in form reads `throttled:<seconds>` from it, and the
          // route handler (app/api/auth/[...nextauth]) turns the answer into a 429 with
          // Retry-After for every client. The throttle itself is enforced here, at the only
          // door to a session, not in the form.
          if (outcome.reason === "throttled") throw new Error(throttledCode(outcome.retryAfterSeconds));
          return null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        // At sign-in: the token carries the session id and nothing else (no e-mail, no name).
        if (user) return { sid: (user as { sessionId?: string }).sessionId };
        if (typeof token.sid !== "string" || !(await loadLiveSession(token.sid))) throw new SessionEndedError();
        return { sid: token.sid };
      },
      async session({ session, token }) {
        // Nothing about the user travels to the browser; pages read it server-side.
        return { expires: session.expires, sid: token.sid };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endSessionById(token.sid, "signed_out");
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session read through /api/auth/session is routine, not an error.
        const error = (metadata as { error?: unknown } | undefined)?.error ?? metadata;
        if (error instanceof SessionEndedError) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
      warn(code) {
        console.warn(`[next-auth][warn][${code}]`);
      },
      debug() {},
    },
  };
  return options;
}
