// GET /admin/audit/export?action=&org=&actor=&target=: the audit log as CSV with the
// page's filters, streamed (lib/audit/export). The export itself is audited.
import { parseAuditFilters } from "@/lib/admin/filters";
import { auditWhere } from "@/lib/admin/queries";
import { recordAudit } from "@/lib/audit";
import { auditCsvStream, csvFileName } from "@/lib/audit/export";
import { adminRoute } from "@/lib/auth/route";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const admin = await adminRoute();
  if (admin instanceof Response) return admin;
  const filters = parseAuditFilters(Object.fromEntries(new URL(request.url).searchParams));
  const applied = { action: filters.action ?? null, org: filters.org ?? null, actor: filters.actor ?? null, target: filters.target ?? null };
  await db.$transaction((tx) => recordAudit(tx, { action: "audit.exported", actor: admin, metadata: { scope: "all", ...applied } }));
  return new Response(auditCsvStream(auditWhere(filters)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${csvFileName("copa-audit")}"`,
      "Cache-Control": "no-store",
    },
  });
}
