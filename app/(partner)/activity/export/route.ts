// GET /activity/export: the organisation's activity log as CSV, streamed, for its owners.
// COPA's staff appear as "COPA staff" (lib/audit/partner). The export itself is audited.
import { recordAudit } from "@/lib/audit";
import { auditCsvStream, csvFileName } from "@/lib/audit/export";
import { partnerActivityWhere, redactStaff } from "@/lib/audit/partner";
import { partnerRoute } from "@/lib/auth/route";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const owner = await partnerRoute(["owner"]);
  if (owner instanceof Response) return owner;
  const organizationId = owner.membership.organizationId;
  await db.$transaction((tx) => recordAudit(tx, { action: "audit.exported", actor: owner, organizationId, metadata: { scope: "organization" } }));
  return new Response(auditCsvStream(partnerActivityWhere(organizationId), { transform: redactStaff }), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName("copa-activity")}"`,
      "Cache-Control": "no-store",
    },
  });
}
