// Admin-side helpers for access-request decisions.
import { createTranslator } from "next-intl";
import { db } from "@/lib/db";
import { MESSAGES } from "@/lib/i18n/messages";
import type { AnyTranslator } from "@/lib/i18n/translate-message";

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
