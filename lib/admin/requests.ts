// Admin-side helpers for access-request decisions.
import { db } from "@/lib/db";

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
