"use server";

import { resetPassword } from "@/lib/accounts/recovery";
import { publicAction } from "@/lib/auth/actions";
import { resetPasswordSchema } from "@/lib/auth/schemas";

/** Sets a new password from a reset link; every session of the account ends. */
export const resetPasswordAction = publicAction(resetPasswordSchema, async (input, ctx) => {
  await resetPassword(input.token, input.newPassword, ctx.ip);
  return null;
});
