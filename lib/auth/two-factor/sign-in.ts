// The second step of signing in, called from authorize() (lib/auth/options.ts) after the
// password matched and before any session exists.
//
// The flow: the sign-in form first posts e-mail and password. For a user with two-factor
// on and no code, authorize() throws TWO_FACTOR_REQUIRED; next-auth answers with that
// error name and creates no session, and the form then asks for a code (the form keeps
// the password in memory, never in the URL or storage) and posts all three again. The
// password is checked again on that second post, so the code step cannot be reached
// without it, and a wrong code throws TWO_FACTOR_INVALID, again without a session.
// Answering "code required" only after a correct password tells an attacker nothing
// they did not already hold.
import "server-only";
import { TWO_FACTOR_INVALID, TWO_FACTOR_LOCKED, TWO_FACTOR_REQUIRED, secondFactorCodeSchema } from "./schemas";
import { hasTwoFactor, verifySecondFactor } from "./service";

/** Returns when the user may have a session; throws (no session) otherwise. */
export async function checkSignInSecondFactor(user: { id: string; email: string }, credentials: Record<string, unknown> | undefined): Promise<void> {
  if (!(await hasTwoFactor(user.id))) return;
  const raw = credentials?.code;
  if (typeof raw !== "string" || raw.trim() === "") throw new Error(TWO_FACTOR_REQUIRED);
  const code = secondFactorCodeSchema.safeParse(raw);
  if (!code.success) throw new Error(TWO_FACTOR_INVALID);
  const result = await verifySecondFactor(user, code.data, null);
  if (!result.ok) throw new Error(result.reason === "locked" ? TWO_FACTOR_LOCKED : TWO_FACTOR_INVALID);
}
