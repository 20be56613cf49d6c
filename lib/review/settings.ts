// The review rules (issue 11): which grants need a second, different admin to confirm
// before a key exists. They are part of the key policy admins edit at /admin/policy
// (lib/keys/policy-store.ts); this module reads them from it and states the rule.
import type { db, Tx } from "@/lib/db";
import type { EditableKeyPolicy } from "@/lib/keys/policy";
import { getKeyPolicy } from "@/lib/keys/policy-store";
import { messageWithValues } from "@/lib/i18n/translate-message";
import { getScope } from "@/lib/scopes/catalog";

export type ReviewSettings = {
  /** A production key with any write scope needs two admins. */
  twoPersonProductionWrite: boolean;
  /** Every system key needs two admins. */
  twoPersonSystem: boolean;
};

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { twoPersonProductionWrite: true, twoPersonSystem: true };

export function reviewSettingsOf(policy: EditableKeyPolicy): ReviewSettings {
  return { twoPersonProductionWrite: policy.twoPerson.productionWrite, twoPersonSystem: policy.twoPerson.system };
}

export async function getReviewSettings(client?: Tx | typeof db): Promise<ReviewSettings> {
  return reviewSettingsOf(await getKeyPolicy(client));
}

/**
 * Why a grant needs a second admin, or null when one admin may decide: a review.twoPerson.*
 * message key (with its values) the edges translate. Pure: the rule the approval services
 * apply and the forms explain.
 */
export function secondApprovalReason(settings: ReviewSettings, grant: { type: string; environment: string; scopes: readonly string[] }): string | null {
  if (settings.twoPersonSystem && grant.type === "system") return "review.twoPerson.system";
  const writes = grant.scopes.filter((s) => getScope(s)?.access === "write");
  if (settings.twoPersonProductionWrite && grant.environment === "production" && writes.length) {
    return messageWithValues("review.twoPerson.productionWrite", { scopes: writes.join(", ") });
  }
  return null;
}
