"use server";

import { verifyEmail } from "@/lib/accounts/recovery";
import { publicAction } from "@/lib/auth/actions";
import { verifyEmailSchema } from "@/lib/auth/schemas";

/** Follows a verification link. A button press, not the page load: mail scanners open links. */
export const verifyEmailAction = publicAction(verifyEmailSchema, async (input, ctx) => {
  await verifyEmail(input.token, ctx.ip);
  return null;
});
