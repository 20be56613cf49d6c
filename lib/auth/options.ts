// next-auth configuration: e-mail + password (argon2id), JWT sessions. The JWT only
// carries the user id and session version; every request re-reads the user from the
// database (lib/auth/session.ts), which is how sessions are revoked.
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { authCookies, isHttpsUrl } from "./cookies";
import { dummyPasswordHash, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { checkSignInSecondFactor } from "./two-factor/sign-in";

let options: NextAuthOptions | undefined;

export const SESSION_MAX_AGE = 60 * 60 * 12;

/** Secure, prefixed cookies when the portal's URL is https (lib/auth/cookies). */
export function usesSecureCookies(): boolean {
  return isHttpsUrl(getEnv().NEXTAUTH_URL);
}

export function getAuthOptions(): NextAuthOptions {
  const secure = usesSecureCookies();
  options ??= {
    secret: getEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE },
    useSecureCookies: secure,
    cookies: authCookies(secure),
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        // `code`: the second step for users with two-factor on (lib/auth/two-factor/sign-in.ts).
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" }, code: { label: "Code", type: "text" } },
        async authorize(credentials) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const user = await db.user.findUnique({ where: { email: parsed.data.email } });
          const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), parsed.data.password);
          if (!user || !ok || user.disabled) return null;
          // Two-factor: throws (no session) until a valid, unused code comes with the password.
          await checkSignInSecondFactor(user, credentials);
          await db.$transaction(async (tx) => {
            await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
            await recordAudit(tx, { action: "user.signed_in", actor: { id: user.id, email: user.email }, target: { type: "user", id: user.id } });
          });
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          // When the user proved who they are: sign-in counts as a fresh check (lib/auth/step-up.ts).
          token.authAt = Date.now();
        }
        return token;
      },
      async session({ session, token }) {
        // Only identifiers travel to the client; role and organisation are read server-side.
        return { ...session, user: { email: session.user?.email, name: session.user?.name }, uid: token.uid, sv: token.sv, authAt: token.authAt };
      },
    },
  };
  return options;
}
