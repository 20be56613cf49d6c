// The audit trail as CSV, streamed: rows are read in batches on the same keyset as the
// audit pages (newest first) only when the reader asks for more, so an export of any
// size holds one batch in memory and starts downloading at once.
import type { Prisma } from "@/lib/generated/sqlite/client";
import { auditKeyset, withOrganizationNames } from "@/lib/admin/queries";
import { db } from "@/lib/db";

export const AUDIT_CSV_COLUMNS = ["time_utc", "action", "actor_email", "actor_id", "organization_id", "organization_name", "target_type", "target_id", "ip", "metadata"] as const;

type AuditRow = Prisma.AuditEventGetPayload<object>;
export type AuditCsvRow = AuditRow & { organizationName: string | null };
type Row = AuditCsvRow;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. A field a
 * spreadsheet would run as a formula (=, +, -, @, tab, carriage return first: OWASP's CSV
 * injection) is prefixed with an apostrophe, so an e-mail or metadata value chosen by a
 * partner cannot become a formula on an auditor's machine.
 */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvLine(row: Row): string {
  return `${[
    row.createdAt.toISOString(),
    row.action,
    row.actorEmail,
    row.actorId,
    row.organizationId,
    row.organizationName,
    row.targetType,
    row.targetId,
    row.ip,
    row.metadata,
  ]
    .map(csvField)
    .join(",")}\r\n`;
}

export type AuditCsvOptions = {
  batchSize?: number;
  /** Rewrites each batch before it is written (the partner view hides COPA's staff). */
  transform?: (rows: Row[]) => Promise<Row[]> | Row[];
  /** Called with each batch's size as it is read: lets tests see that reading is lazy. */
  onBatch?: (rows: number) => void;
};

export function auditCsvStream(where: Prisma.AuditEventWhereInput, options: AuditCsvOptions = {}): ReadableStream<Uint8Array> {
  const batchSize = options.batchSize ?? 1000;
  const encoder = new TextEncoder();
  let cursor: { id: string; createdAt: Date } | null = null;
  let header = true;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (header) {
          header = false;
          // A byte-order mark, so spreadsheet programs read the UTF-8 names right.
          controller.enqueue(encoder.encode(`\uFEFF${AUDIT_CSV_COLUMNS.join(",")}\r\n`));
          return;
        }
        const rows = await db.auditEvent.findMany({
          where: cursor ? { AND: [where, auditKeyset(cursor)] } : where,
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          take: batchSize,
        });
        options.onBatch?.(rows.length);
        if (rows.length === 0) {
          controller.close();
          return;
        }
        const last = rows[rows.length - 1];
        cursor = { id: last.id, createdAt: last.createdAt };
        const named = await withOrganizationNames(rows);
        const shown = options.transform ? await options.transform(named) : named;
        controller.enqueue(encoder.encode(shown.map(csvLine).join("")));
        if (rows.length < batchSize) controller.close();
      },
    },
    // Ask for the next batch only when the previous one has been taken.
    { highWaterMark: 0 },
  );
}

/** A download's name: copa-audit-20261202T1430Z.csv. */
export function csvFileName(prefix: string, now = new Date()): string {
  return `${prefix}-${now.toISOString().slice(0, 16).replace(/[-:]/g, "")}Z.csv`;
}
