// Inputs of the admin console, one zod schema each, shared by the forms (react-hook-form
// resolver) and the server actions, which parse them again.
import { z } from "zod";
import { revokeKeySchema } from "@/lib/keys/schemas";

export const SUSPENSION_REASON_MIN = 10;
export const ADMIN_REVOKE_REASON_MIN = 10;

export const suspendOrganizationSchema = z.object({
  organizationId: z.string().uuid("admin.errors.unknownOrganisation"),
  reason: z
    .string()
    .trim()
    .min(SUSPENSION_REASON_MIN, "admin.errors.suspensionReasonShort")
    .max(500, "admin.errors.reasonLong"),
});
export type SuspendOrganizationInput = z.input<typeof suspendOrganizationSchema>;

export const organizationIdSchema = z.object({ organizationId: z.string().uuid("admin.errors.unknownOrganisation") });

/** Marks an organisation as run by COPA (it may then hold system keys), or not. */
export const setCopaRunSchema = z.object({ organizationId: z.string().uuid("admin.errors.unknownOrganisation"), copaRun: z.boolean() });

/**
 * An admin revoking another organisation's key must say why: the partner did not ask for
 * it, and the reason is what their team and the audit trail will read.
 */
export const adminRevokeKeySchema = revokeKeySchema.extend({
  reason: z
    .string()
    .trim()
    .min(ADMIN_REVOKE_REASON_MIN, "admin.errors.revokeReasonShort")
    .max(500, "admin.errors.reasonLong"),
});
export type AdminRevokeKeyInput = z.input<typeof adminRevokeKeySchema>;

export const userIdSchema = z.object({ userId: z.string().uuid("admin.errors.unknownUser") });

export const setUserDisabledSchema = z.object({ userId: z.string().uuid("admin.errors.unknownUser"), disabled: z.boolean() });

export const setUserRoleSchema = z.object({ userId: z.string().uuid("admin.errors.unknownUser"), role: z.enum(["partner", "admin"], { message: "admin.errors.chooseRole" }) });

/** What the searchable organisation filter sends as the admin types. */
export const organizationSearchSchema = z.object({ query: z.string().trim().max(100, "admin.errors.searchLong") });
