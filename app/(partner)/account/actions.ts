"use server";

import { z } from "zod";
import { changePassword, revokeSessions } from "@/lib/accounts/service";
import { userAction } from "@/lib/auth/actions";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { reissueSessionCookie } from "@/lib/auth/session-cookie";

/**
 * Ends every session of the caller, this one included: the session version in the
 * database moves on, so each device's token is refused on its next request.
 */
export const signOutEverywhereAction = userAction(z.object({}), async (_input, user) => {
  await revokeSessions(user.id, { id: user.id, email: user.email });
  return null;
});

/**
 * Changes the caller's password. Every session ends with it; this browser alone gets a
 * token for the new session version in the same response, so it stays signed in.
 */
export const changePasswordAction = userAction(changePasswordSchema, async (input, user, ctx) => {
  const { sessionVersion } = await changePassword(user.id, input, ctx.ip);
  const stillSignedIn = await reissueSessionCookie(sessionVersion);
  return { stillSignedIn };
});
