"use server";

// Two-factor enrolment for the signed-in user. Every export is built with userAction.
// Each change needs a fresh check (requireFreshAuth): otherwise whoever holds a stolen
// session could put their own authenticator on the account, or take the owner's off.
import { userAction } from "@/lib/auth/actions";
import { requireFreshAuth } from "@/lib/auth/step-up";
import { confirmTwoFactorSchema, emptySchema } from "@/lib/auth/two-factor/schemas";
import { confirmTwoFactorEnrolment, disableTwoFactor, startTwoFactorEnrolment } from "@/lib/auth/two-factor/service";

export const startTwoFactorEnrolmentAction = userAction(emptySchema, async (_input, user) => {
  await requireFreshAuth(user);
  await startTwoFactorEnrolment(user);
  return null;
});

/** Returns the recovery codes: the only time they exist in plain text. */
export const confirmTwoFactorEnrolmentAction = userAction(confirmTwoFactorSchema, async (input, user, ctx) => {
  await requireFreshAuth(user);
  return confirmTwoFactorEnrolment(user, input.code, ctx.ip);
});

export const disableTwoFactorAction = userAction(emptySchema, async (_input, user, ctx) => {
  await requireFreshAuth(user);
  await disableTwoFactor(user, ctx.ip);
  return null;
});
