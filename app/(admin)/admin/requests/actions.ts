"use server";

// Bulk decisions from the queue. Every export is a public endpoint, so each is built with
// adminAction (session, admin role and two-factor re-read from the database, the bounded
// list of ids parsed again): a partner, or a list longer than BULK_MAX, is refused before
// any request is touched.
import { getTranslations } from "next-intl/server";
import { bulkApproveSchema, bulkRejectSchema } from "@/lib/admin/schemas";
import { decideInBulk, type BulkItemResult, type BulkOutcome } from "@/lib/admin/requests";
import { adminAction } from "@/lib/auth/actions";
import { translateMessage, type AnyTranslator } from "@/lib/i18n/translate-message";

export type BulkResult = {
  counts: Record<BulkOutcome, number>;
  /** The requests that were not decided, with why, in the reader's language. */
  failures: { id: string; keyName: string | null; reason: string }[];
};

async function summarise(results: BulkItemResult[]): Promise<BulkResult> {
  const t = (await getTranslations()) as unknown as AnyTranslator;
  const counts: Record<BulkOutcome, number> = { approved: 0, awaiting_second_approval: 0, rejected: 0, failed: 0 };
  for (const r of results) counts[r.outcome] += 1;
  const failures = results
    .filter((r) => r.outcome === "failed")
    .map((r) => {
      const values = { ...r.failure?.values };
      if (typeof values.status === "string") values.status = translateMessage(t, `queue.status.${values.status}`);
      return { id: r.id, keyName: r.keyName, reason: translateMessage(t, r.failure?.message ?? "ui.actions.failed", values) };
    });
  return { counts, failures };
}

/** "Approve as requested" for each selected request (two-person rule applied to each). */
export const bulkApproveAction = adminAction(bulkApproveSchema, async (input, admin, { ip }) =>
  summarise(await decideInBulk({ kind: "approve" }, input.requestIds, admin, ip)),
);

/** "Reject with one reason" for each selected request. */
export const bulkRejectAction = adminAction(bulkRejectSchema, async (input, admin, { ip }) =>
  summarise(await decideInBulk({ kind: "reject", reason: input.reason }, input.requestIds, admin, ip)),
);
