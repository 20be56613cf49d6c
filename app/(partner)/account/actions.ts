"use server";

import { z } from "zod";
import { changePassword, revokeSessions } from "@/lib/accounts/service";
import { resendVerification } from "@/lib/accounts/recovery";
import { userAction } from "@/lib/auth/actions";
import { changePasswordSchema, endSessionSchema } from "@/lib/auth/schemas";
import { endOwnSession } from "@/lib/auth/sessions";

/** Ends every session of the caller, this one included. */
export const signOutEverywhereAction = userAction(z.object({}), async (_input, user) => {
  await revokeSessions(user.id, { id: user.id, email: user.email });
  return null;
});

/** Changes the caller's password; every other session ends, this one goes on. */
export const changePasswordAction = userAction(changePasswordSchema, async (input, user, ctx) => {
  const { endedSessions } = await changePassword(user.id, input, ctx.ip, user.sessionId);
  return { endedSessions };
});

/** Ends one of the caller's own sessions (another user's id is not found). */
export const endSessionAction = userAction(endSessionSchema, async (input, user, ctx) => {
  await endOwnSession(user.id, input.sessionId, { id: user.id, email: user.email }, ctx.ip);
  return { endedCurrent: input.sessionId === user.sessionId };
});

/** Sends the caller a fresh verification link (throttled). */
export const resendVerificationAction = userAction(z.object({}), async (_input, user, ctx) => {
  return resendVerification(user.id, ctx.ip);
});
