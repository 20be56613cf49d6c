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

/** At most this many requests in one bulk decision: one page of the queue. */
export const BULK_MAX = 50;

/** The selected requests of a bulk decision: at least one, at most BULK_MAX, no repeats. */
const bulkRequestIds = z
  .array(z.string().uuid("queue.bulk.errors.unknownRequest"))
  .min(1, "queue.bulk.errors.noneSelected")
  .max(BULK_MAX, "queue.bulk.errors.tooMany")
  .refine((ids) => new Set(ids).size === ids.length, "queue.bulk.errors.repeated");

export const bulkApproveSchema = z.object({ requestIds: bulkRequestIds });
export type BulkApproveInput = z.input<typeof bulkApproveSchema>;

/** One reason for every rejected request: the partners each read it. */
export const bulkRejectSchema = z.object({
  requestIds: bulkRequestIds,
  reason: z.string().trim().min(10, "queue.bulk.errors.reasonShort").max(1000, "queue.bulk.errors.reasonLong"),
});
export type BulkRejectInput = z.input<typeof bulkRejectSchema>;
