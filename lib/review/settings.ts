// The review rules admins configure (issue 11): which grants need a second, different
// admin to confirm before a key exists. One row ("default"); absent means the defaults.
// Changes are audited with their before and after, in the same transaction.
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { getScope } from "@/lib/scopes/catalog";

export type ReviewSettings = {
  /** A production key with any write scope needs two admins. */
  twoPersonProductionWrite: boolean;
  /** Every system key needs two admins. */
  twoPersonSystem: boolean;
};

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { twoPersonProductionWrite: true, twoPersonSystem: true };

export async function getReviewSettings(client: Tx | typeof db = db): Promise<ReviewSettings> {
  const row = await client.reviewSettings.findUnique({ where: { id: "default" } });
  return row ? { twoPersonProductionWrite: row.twoPersonProductionWrite, twoPersonSystem: row.twoPersonSystem } : DEFAULT_REVIEW_SETTINGS;
}

/**
 * Why a grant needs a second admin, or null when one admin may decide. Pure: the rule the
 * approval services apply and the forms explain.
 */
export function secondApprovalReason(settings: ReviewSettings, grant: { type: string; environment: string; scopes: readonly string[] }): string | null {
  if (settings.twoPersonSystem && grant.type === "system") return "System keys need a second admin's confirmation.";
  const writes = grant.scopes.filter((s) => getScope(s)?.access === "write");
  if (settings.twoPersonProductionWrite && grant.environment === "production" && writes.length) {
    return `A production key with a write scope (${writes.join(", ")}) needs a second admin's confirmation.`;
  }
  return null;
}

export async function updateReviewSettings(input: ReviewSettings, admin: CurrentUser, ip: string | null) {
  await db.$transaction(async (tx) => {
    const before = await getReviewSettings(tx);
    await tx.reviewSettings.upsert({
      where: { id: "default" },
      create: { id: "default", ...input, updatedById: admin.id },
      update: { ...input, updatedById: admin.id },
    });
    await recordAudit(tx, {
      action: "review_settings.changed",
      actor: { id: admin.id, email: admin.email },
      metadata: {
        twoPersonProductionWrite: input.twoPersonProductionWrite,
        twoPersonSystem: input.twoPersonSystem,
        wasTwoPersonProductionWrite: before.twoPersonProductionWrite,
        wasTwoPersonSystem: before.twoPersonSystem,
      },
      ip,
    });
  });
}
