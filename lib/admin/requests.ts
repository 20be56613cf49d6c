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
  const who = row.decidedById === adminId ? "you (in another tab or window)" : (row.decidedBy?.email ?? "another admin");
  return `This request was already ${VERB[row.status] ?? row.status} by ${who}. Your decision was not applied, and no second key was issued.`;
}
