"use server";

import { requestPasswordReset } from "@/lib/accounts/recovery";
import { publicAction } from "@/lib/auth/actions";
import { forgotPasswordSchema } from "@/lib/auth/schemas";

/** Mails a reset link when the address has an account; the same answer either way. */
export const requestPasswordResetAction = publicAction(forgotPasswordSchema, async (input, ctx) => {
  await requestPasswordReset(input.email, ctx.ip);
  return null;
});
