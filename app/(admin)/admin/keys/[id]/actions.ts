"use server";

// Admin key governance. Built with adminAction: session, admin role from the database,
// input parsed again with the form's schema.
import { adminRevokeKeySchema } from "@/lib/admin/schemas";
import { adminAction } from "@/lib/auth/actions";
import { requireFreshAuth } from "@/lib/auth/step-up";
import { revokeKey } from "@/lib/keys/service";

/** Revokes any organisation's key; the API refuses it from the very next request. */
export const adminRevokeKeyAction = adminAction(adminRevokeKeySchema, async (input, admin, { ip }) => {
  await requireFreshAuth(admin);
  await revokeKey(input, admin, { admin: true }, ip);
  return null;
});
