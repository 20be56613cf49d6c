// Admin-side helpers for access-request decisions.
import { createTranslator } from "use-intl/core";
import { db } from "@/lib/db";
import { MESSAGES } from "@/lib/i18n/messages";
import type { AnyTranslator } from "@/lib/i18n/translate-message";
import type { CurrentUser } from "@/lib/auth/session";
import { ServiceError } from "@/lib/errors";
import { approveRequestSchema } from "@/lib/requests/schemas";
import { BULK_MAX } from "./schemas";
import { approveOrRecordFirstApproval, rejectAccessRequest } from "@/lib/requests/service";
import { parseScopes } from "@/lib/scopes/enforcement";

/** English, for callers that do not pass the reader's translator. */
const english = createTranslator({ locale: "en", messages: MESSAGES.en }) as unknown as AnyTranslator;

/**
 * Explains why a decision could not be applied: somebody decided first. Says who, so the
 * admin knows whether it was a colleague, the partner withdrawing, or their own other tab.
 * `t` is the reader's root translator (getTranslations()); English without it.
 */
export async function describeDecision(requestId: string, adminId: string, t: AnyTranslator = english): Promise<string> {
  const row = await db.accessRequest.findUnique({
    where: { id: requestId },
    select: { status: true, decidedById: true, decidedBy: { select: { email: true } } },
  });
  if (!row || row.status === "pending") return t("admin.decision.changed");
  if (row.status === "withdrawn") return t("admin.decision.withdrawn");
  if (row.status === "awaiting_second_approval") return t("admin.decision.awaitingSecond");
  if (row.status === "changes_requested") {
    // Not a decision: the asker is the latest "changes requested" entry of the thread.
    const asked = await db.requestEvent.findFirst({ where: { requestId, kind: "changes_requested" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { actorId: true } });
    const asker = asked?.actorId ? await db.user.findUnique({ where: { id: asked.actorId }, select: { email: true } }) : null;
    const who = asked?.actorId === adminId ? t("admin.decision.you") : (asker?.email ?? t("admin.decision.anotherAdmin"));
    return t("admin.decision.changesRequested", { who });
  }
  const who = row.decidedById === adminId ? t("admin.decision.you") : (row.decidedBy?.email ?? t("admin.decision.anotherAdmin"));
  return t("admin.decision.decided", { status: row.status, who });
}

// ---- bulk decisions ---------------------------------------------------------------------

export type BulkOutcome = "approved" | "awaiting_second_approval" | "rejected" | "failed";
/** Why one request of a bulk decision was not decided: a message key (or plain text) and its values. */
export type BulkFailure = { message: string; values?: Record<string, string | number> };
export type BulkItemResult = { id: string; keyName: string | null; outcome: BulkOutcome; failure?: BulkFailure };

/**
 * Decides each selected request one by one through the same service functions as a single
 * decision, so each is its own transaction with its own audit events, notification and
 * conditional status flip, and the two-person rule applies to each: an approval that needs
 * a second admin records a first approval and waits. One request failing (decided
 * meanwhile, beyond the key policy) does not stop the others; the result says which and why.
 * Only pending requests are decided; the caller (adminAction) has checked the admin.
 */
export async function decideInBulk(
  decision: { kind: "approve" } | { kind: "reject"; reason: string },
  requestIds: string[],
  admin: CurrentUser,
  ip: string | null,
): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = [];
  for (const id of [...new Set(requestIds)].slice(0, BULK_MAX)) {
    const request = await db.accessRequest.findUnique({ where: { id }, select: { id: true, keyName: true, status: true, requestedScopes: true } });
    if (!request) {
      results.push({ id, keyName: null, outcome: "failed", failure: { message: "queue.bulk.failure.notFound" } });
      continue;
    }
    const item = { id, keyName: request.keyName };
    if (request.status !== "pending") {
      results.push({ ...item, outcome: "failed", failure: notPending(request.status) });
      continue;
    }
    try {
      if (decision.kind === "approve") {
        // "As requested": the requested scopes and the policy's longest lifetime.
        const input = approveRequestSchema.safeParse({ requestId: id, grantedScopes: parseScopes(request.requestedScopes) });
        if (!input.success) {
          results.push({ ...item, outcome: "failed", failure: { message: input.error.issues[0]?.message ?? "ui.actions.failed" } });
          continue;
        }
        const outcome = await approveOrRecordFirstApproval(input.data, admin, ip);
        results.push({ ...item, outcome: outcome.awaitingSecondApproval ? "awaiting_second_approval" : "approved" });
      } else {
        await rejectAccessRequest({ requestId: id, reason: decision.reason }, admin, ip);
        results.push({ ...item, outcome: "rejected" });
      }
    } catch (error) {
      if (!(error instanceof ServiceError)) {
        console.error("bulk decision failed:", error instanceof Error ? error.message : "unknown error");
        results.push({ ...item, outcome: "failed", failure: { message: "ui.actions.failed" } });
        continue;
      }
      if (error.code === "conflict") {
        // Decided meanwhile (another admin, the partner withdrawing): say what it is now.
        const now = await db.accessRequest.findUnique({ where: { id }, select: { status: true } });
        results.push({ ...item, outcome: "failed", failure: notPending(now?.status ?? "pending") });
        continue;
      }
      results.push({ ...item, outcome: "failed", failure: { message: error.message, values: error.values } });
    }
  }
  return results;
}

function notPending(status: string): BulkFailure {
  return { message: "queue.bulk.failure.notPending", values: { status } };
}
