"use server";

import { registerAccount } from "@/lib/accounts/service";
import { publicAction } from "@/lib/auth/actions";
import { signUpSchema } from "@/lib/auth/schemas";

/**
 * Creates a partner account. The answer is the same whether or not the address was free
 * (lib/accounts/service registerAccount); the form then signs in through next-auth.
 */
export const signUpAction = publicAction(signUpSchema, async (input, ctx) => {
  await registerAccount(input, ctx.ip);
  return null;
});
