// Admin governance of organisations. Suspension is the lever COPA pulls when a partner
// must stop calling the API at once without losing its history: the organisation's keys
// are refused by the API (lib/keys/lookup.ts checks suspendedAt on every call) and it
// cannot submit new requests, but nothing is deleted and reactivation restores it all.
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ServiceError, notFound } from "@/lib/errors";
import { notify, organizationRecipients } from "@/lib/notifications";
import type { z } from "zod";
import type { organizationIdSchema, setCopaRunSchema, suspendOrganizationSchema } from "./schemas";

const actorOf = (user: CurrentUser) => ({ id: user.id, email: user.email });

export async function suspendOrganization(input: z.output<typeof suspendOrganizationSchema>, admin: CurrentUser, ip: string | null) {
  await db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, legalName: true } });
    if (!org) throw notFound();
    // Conditional on the current state so two admins cannot both "suspend" and leave two
    // audit events for one change.
    const updated = await tx.organization.updateMany({
      where: { id: org.id, suspendedAt: null },
      data: { suspendedAt: new Date(), suspendedReason: input.reason },
    });
    if (updated.count !== 1) throw new ServiceError("conflict", "admin.errors.alreadySuspended");
    const activeKeys = await tx.apiKey.count({ where: { organizationId: org.id, status: "active" } });
    await recordAudit(tx, {
      action: "organization.suspended",
      actor: actorOf(admin),
      organizationId: org.id,
      target: { type: "organization", id: org.id },
      metadata: { reason: input.reason, activeKeys },
      ip,
    });
    await notify(tx, await organizationRecipients(tx, org.id), "organization_suspended", { organizationName: org.legalName, reason: input.reason });
  });
}

export async function reactivateOrganization(input: z.output<typeof organizationIdSchema>, admin: CurrentUser, ip: string | null) {
  await db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, legalName: true, suspendedAt: true, suspendedReason: true } });
    if (!org) throw notFound();
    const updated = await tx.organization.updateMany({
      where: { id: org.id, suspendedAt: { not: null } },
      data: { suspendedAt: null, suspendedReason: null },
    });
    if (updated.count !== 1) throw new ServiceError("conflict", "admin.errors.notSuspended");
    await recordAudit(tx, {
      action: "organization.reactivated",
      actor: actorOf(admin),
      organizationId: org.id,
      target: { type: "organization", id: org.id },
      // The reason is cleared from the row, so the trail keeps what was lifted.
      metadata: { previousReason: org.suspendedReason, suspendedSince: org.suspendedAt?.toISOString() ?? null },
      ip,
    });
    await notify(tx, await organizationRecipients(tx, org.id), "organization_reactivated", { organizationName: org.legalName });
  });
}

/**
 * Marks an organisation as COPA-run, or clears the mark. Only COPA-run organisations may
 * request, be granted, reveal or rotate system keys (lib/keys/policy.ts), so this is a
 * governance decision: an admin makes it, and the audit trail records who and when.
 * Clearing it does not revoke existing system keys (they keep working until revoked or
 * expired) but they can no longer be revealed or rotated.
 */
export async function setOrganizationCopaRun(input: z.output<typeof setCopaRunSchema>, admin: CurrentUser, ip: string | null) {
  await db.$transaction(async (tx) => {
    const org = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true } });
    if (!org) throw notFound();
    const updated = await tx.organization.updateMany({ where: { id: org.id, copaRun: !input.copaRun }, data: { copaRun: input.copaRun } });
    if (updated.count !== 1) throw new ServiceError("conflict", input.copaRun ? "admin.errors.alreadyCopaRun" : "admin.errors.notCopaRun");
    const systemKeys = await tx.apiKey.count({ where: { organizationId: org.id, type: "system", status: { not: "revoked" } } });
    await recordAudit(tx, {
      action: input.copaRun ? "organization.copa_run_granted" : "organization.copa_run_revoked",
      actor: actorOf(admin),
      organizationId: org.id,
      target: { type: "organization", id: org.id },
      metadata: { systemKeys },
      ip,
    });
  });
}
