"use server";

// Admin key governance. Built with adminAction: session, admin role from the database,
// input parsed again with the form's schema.
import { getTranslations } from "next-intl/server";
import { adminRevokeKeySchema } from "@/lib/admin/schemas";
import { adminAction } from "@/lib/auth/actions";
import { requireFreshAuth } from "@/lib/auth/step-up";
import { ServiceError } from "@/lib/errors";
import { translateMessage, type AnyTranslator } from "@/lib/i18n/translate-message";
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
    // Returned as data, so translated here rather than by the wrapper.
    if (error instanceof ServiceError && error.code === "conflict") {
      const t = (await getTranslations()) as unknown as AnyTranslator;
      return { outcome: "conflict" as const, message: translateMessage(t, error.message, error.values) };
    }
    throw error;
  }
});
