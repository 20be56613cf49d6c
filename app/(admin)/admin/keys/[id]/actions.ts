"use server";

// Admin key governance. Built with adminAction: session, admin role from the database,
// input parsed again with the form's schema.
import { adminRevokeKeySchema } from "@/lib/admin/schemas";
import { adminAction } from "@/lib/auth/actions";
import { requireFreshAuth } from "@/lib/auth/step-up";
import { ServiceError } from "@/lib/errors";
import { scopeChangeDecisionSchema } from "@/lib/keys/schemas";
import { decideScopeChange } from "@/lib/keys/scope-changes";
import { revokeKey } from "@/lib/keys/service";

/** Revokes any organisation's key; the API refuses it from the very next request. */
export const adminRevokeKeyAction = adminAction(adminRevokeKeySchema, async (input, admin, { ip }) => {
  await requireFreshAuth(admin);
  await revokeKey(input, admin, { admin: true }, ip);
  return null;
});

/**
 * Approves or rejects a pending scope change. "Someone decided first" is an expected
 * outcome of two admins at once: returned as data so the form explains it.
 */
export const decideScopeChangeAction = adminAction(scopeChangeDecisionSchema, async (input, admin, { ip }) => {
  try {
    await decideScopeChange(input, admin, ip);
    return { outcome: "decided" as const };
  } catch (error) {
    if (error instanceof ServiceError && error.code === "conflict") return { outcome: "conflict" as const, message: error.message };
    throw error;
  }
});
