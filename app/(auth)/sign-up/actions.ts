"use server";

import { signUp } from "@/lib/accounts/service";
import { publicAction } from "@/lib/auth/actions";
import { signUpSchema } from "@/lib/auth/schemas";

/** Creates a partner account. The form then signs in through next-auth itself. */
export const signUpAction = publicAction(signUpSchema, async (input, ctx) => {
  await signUp(input, ctx.ip);
  return null;
});
