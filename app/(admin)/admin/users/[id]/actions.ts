"use server";

// Account governance. Each change bumps the user's sessionVersion (lib/accounts/service),
// so it takes effect on their very next request; lib/admin/users adds the guard that an
// admin cannot disable or demote themself. Every export is built with adminAction.
import { adminRevokeSessions, adminSetUserDisabled, adminSetUserRole } from "@/lib/admin/users";
import { setUserDisabledSchema, setUserRoleSchema, userIdSchema } from "@/lib/admin/schemas";
import { adminAction } from "@/lib/auth/actions";
import { requireFreshAuth } from "@/lib/auth/step-up";

export const setUserDisabledAction = adminAction(setUserDisabledSchema, async (input, admin) => {
  await adminSetUserDisabled(input.userId, input.disabled, admin);
  return null;
});

export const setUserRoleAction = adminAction(setUserRoleSchema, async (input, admin) => {
  // Granting or removing admin needs a recent sign-in or step-up.
  await requireFreshAuth(admin);
  await adminSetUserRole(input.userId, input.role, admin);
  return null;
});

export const revokeUserSessionsAction = adminAction(userIdSchema, async (input, admin) => {
  await adminRevokeSessions(input.userId, admin);
  return null;
});
