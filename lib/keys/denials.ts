// The denial explorer's read side: a key's refused calls, newest first, a page at a
// time. Rows are written by the API's hot path (lib/api/store/denials.ts) and kept 30
// days. Tenant-scoped: a key of another organisation has no denials to show.
import { db } from "@/lib/db";
import { paged, pageWindow } from "@/lib/paging";

export { DENIAL_RETENTION_DAYS } from "@/lib/api/store/denials";

export const DENIALS_PAGE_SIZE = 20;

export async function listKeyDenials(organizationId: string, keyId: string, page = 1) {
  const where = { keyId, key: { organizationId } };
  const [rows, total] = await Promise.all([
    db.keyDenial.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      select: { id: true, at: true, method: true, path: true, status: true, reason: true, scope: true, ip: true },
      ...pageWindow(page, DENIALS_PAGE_SIZE),
    }),
    db.keyDenial.count({ where }),
  ]);
  return paged(rows, total, page, DENIALS_PAGE_SIZE);
}
