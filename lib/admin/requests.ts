// Admin-side helpers for access-request decisions.
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import { approveRequestSchema } from "@/lib/requests/schemas";
import { BULK_MAX } from "./schemas";
import { approveOrRecordFirstApproval, rejectAccessRequest } from "@/lib/requests/service";
import { parseScopes } from "@/lib/scopes/enforcement";

const VERB: Record<string, string> = { approved: "approved", rejected: "rejected", withdrawn: "withdrawn" };

/**
 * Explains why a decision could not be applied: somebody decided first. Says who, so the
 * admin knows whether it was a colleague, the partner withdrawing, or their own other tab.
 */
export async function describeDecision(requestId: string, adminId: string): Promise<string> {
  const row = await db.accessRequest.findUnique({
    where: { id: requestId },
    select: { status: true, decidedById: true, decidedBy: { select: { email: true } } },
  });
  if (!row || row.status === "pending") return "This request changed while you were deciding. Reload it and decide again.";
  if (row.status === "withdrawn") return "The partner withdrew this request before your decision arrived. Nothing was changed.";
  if (row.status === "awaiting_second_approval") {
    return "This request was already approved by another admin and waits for a second admin's confirmation. Your decision was not applied; confirm or reject it instead.";
  }
  if (row.status === "changes_requested") {
    // Not a decision: the asker is the latest "changes requested" entry of the thread.
    const asked = await db.requestEvent.findFirst({ where: { requestId, kind: "changes_requested" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { actorId: true } });
    const asker = asked?.actorId ? await db.user.findUnique({ where: { id: asked.actorId }, select: { email: true } }) : null;
    const who = asked?.actorId === adminId ? "you (in another tab or window)" : (asker?.email ?? "another admin");
    return `This request was already sent back to the partner for changes by ${who}. Your decision was not applied; it returns to the queue when the partner resubmits.`;
  }
  const who = row.decidedById === adminId ? "you (in another tab or window)" : (row.decidedBy?.email ?? "another admin");
  return `This request was already ${VERB[row.status] ?? row.status} by ${who}. Your decision was not applied, and no second key was issued.`;
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
