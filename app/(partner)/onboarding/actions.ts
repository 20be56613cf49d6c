"use server";

import { userAction } from "@/lib/auth/actions";
import { forbidden } from "@/lib/errors";
import { createOrganizationSchema } from "@/lib/organizations/schemas";
import { createOrganization } from "@/lib/organizations/service";

/** Onboarding: the signed-in user creates their organisation and becomes its owner. */
export const createOrganizationAction = userAction(createOrganizationSchema, async (input, user, ctx) => {
  // COPA staff review partners; they must not also be one.
  if (user.role === "admin") throw forbidden("account.errors.adminCannotRegister");
  return createOrganization(input, user, ctx.ip);
});
