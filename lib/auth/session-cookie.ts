// Re-issues this browser's session token after its user's session version moved on (a
// password change). Only the server action that moved it calls this, after checking the
// current session and password; the jwt callback itself never raises a token's version,
// or any stale token could revive itself.
import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { getEnv } from "@/lib/env";
import { authCookies } from "./cookies";
import { SESSION_MAX_AGE, usesSecureCookies } from "./options";

export async function reissueSessionCookie(sessionVersion: number): Promise<boolean> {
  const secret = getEnv().NEXTAUTH_SECRET;
  const { name, options } = authCookies(usesSecureCookies()).sessionToken;
  const jar = await cookies();
  const current = await decode({ token: jar.get(name)?.value, secret }).catch(() => null);
  if (!current) return false;
  const token = await encode({ token: { ...current, sv: sessionVersion }, secret, maxAge: SESSION_MAX_AGE });
  jar.set(name, token, { ...options, maxAge: SESSION_MAX_AGE });
  return true;
}
