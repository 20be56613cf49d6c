import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import type { createOrganizationSchema } from "./schemas";
import type { z } from "zod";

/** Onboarding: the creator becomes the organisation's owner. One organisation per user. */
export async function createOrganization(
  input: z.output<typeof createOrganizationSchema>,
  user: CurrentUser,
  ip: string | null,
): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const existing = await tx.membership.count({ where: { userId: user.id } });
    if (existing > 0) throw new ServiceError("conflict", "team.errors.alreadyBelong");
    const org = await tx.organization.create({
      data: { legalName: input.legalName, kind: input.kind, country: input.country, website: input.website, contactEmail: input.contactEmail },
    });
    await tx.membership.create({ data: { userId: user.id, organizationId: org.id, role: "owner" } });
    await recordAudit(tx, {
      action: "organization.created",
      actor: { id: user.id, email: user.email },
      organizationId: org.id,
      target: { type: "organization", id: org.id },
      metadata: { legalName: org.legalName, kind: org.kind },
      ip,
    });
    return { id: org.id };
  });
}

/**
 * What the partner pages show about their own organisation's standing: suspension (the
 * banner on every partner page) and COPA-run status (whether system keys are offered).
 * Tenant-scoped by the caller's own organisation id, from the session's membership.
 */
export function getOrganizationStanding(organizationId: string) {
  return db.organization.findUnique({ where: { id: organizationId }, select: { legalName: true, suspendedAt: true, copaRun: true } });
}
