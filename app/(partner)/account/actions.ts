"use server";

import { z } from "zod";
import { revokeSessions } from "@/lib/accounts/service";
import { userAction } from "@/lib/auth/actions";

/**
 * Ends every session of the caller, this one included: the session version in the
 * database moves on, so each device's token is refused on its next request.
 */
export const signOutEverywhereAction = userAction(z.object({}), async (_input, user) => {
  await revokeSessions(user.id, { id: user.id, email: user.email });
  return null;
});
