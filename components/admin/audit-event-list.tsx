// Renders audit events for the console: time, actor, action, organisation, target and
// metadata. Metadata is stored as JSON text written by the services (never secrets, and
// recordAudit refuses anything key-shaped); it is still rendered strictly as text, never
// as HTML, so nothing in it can run in an admin's browser.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { adminTranslator, labelOf } from "@/components/admin/badges";
import { formatAuditTime, metadataEntries } from "@/lib/admin/format";

export type AuditEventRow = {
  id: string;
  action: string;
  actorId: string | null;
  actorEmail: string | null;
  organizationId: string | null;
  organizationName?: string | null;
  targetType: string | null;
  targetId: string | null;
  metadata: string;
  ip: string | null;
  createdAt: Date;
};

type Links = "admin" | "partner";

/** Where a target links: the console for admins, the partner's own pages for a partner. */
const TARGET_HREF: Record<Links, Record<string, (id: string) => string>> = {
  admin: {
    key: (id) => `/admin/keys/${id}`,
    request: (id) => `/admin/requests/${id}`,
    organization: (id) => `/admin/organisations/${id}`,
    user: (id) => `/admin/users/${id}`,
  },
  partner: {
    key: (id) => `/keys/${id}`,
    request: (id) => `/requests/${id}`,
  },
};

function Metadata({ text }: { text: string }) {
  const parsed = metadataEntries(text);
  if (typeof parsed === "string") return <code className="mt-2 block text-xs break-all text-zinc-700 dark:text-zinc-300">{parsed}</code>;
  if (parsed.length === 0) return null;
  return (
    <dl className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs">
      {parsed.map(([k, v]) => (
        <div key={k} className="flex max-w-full min-w-0 gap-1.5">
          <dt className="shrink-0 text-zinc-500 dark:text-zinc-400">{k}</dt>
          <dd className="min-w-0 font-mono break-words text-zinc-800 dark:text-zinc-200">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export async function AuditTarget({ type, id, links = "admin" }: { type: string | null; id: string | null; links?: Links }) {
  if (!type || !id) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  const t = await adminTranslator();
  const href = TARGET_HREF[links][type]?.(id);
  const label = (
    <>
      {labelOf(t, `admin.auditList.targets.${type}`, type.replace("_", " "))} <span className="font-mono text-xs">{id.slice(0, 8)}</span>
    </>
  );
  return href ? (
    <Link href={href} className="text-brand-700 underline underline-offset-2 dark:text-brand-100" title={id}>
      {label}
    </Link>
  ) : (
    <span title={id}>{label}</span>
  );
}

/**
 * One event per row: what happened (action, target, organisation) and when on the first
 * line, who did it on the second, then its metadata. A list rather than a table, so long
 * metadata never squeezes the other columns, on a phone or a wide screen.
 */
export async function AuditEventTable({ events, caption, showOrganization = true, links = "admin" }: { events: AuditEventRow[]; caption: string; showOrganization?: boolean; links?: Links }) {
  const [t, locale] = await Promise.all([getTranslations("admin.auditList"), getLocale()]);
  return (
    <ol aria-label={caption} className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white shadow-sm dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
      {events.map((e) => (
        <li key={e.id} className="px-4 py-3 text-sm" data-testid="audit-event">
          <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
            <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
              <code className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-semibold dark:bg-zinc-800">{e.action}</code>
              <AuditTarget type={e.targetType} id={e.targetId} links={links} />
              {showOrganization && e.organizationId && (
                <>
                  <span aria-hidden className="text-zinc-300 dark:text-zinc-600">·</span>
                  <Link href={`/admin/organisations/${e.organizationId}`} className="text-zinc-700 hover:underline dark:text-zinc-300">
                    {e.organizationName ?? e.organizationId.slice(0, 8)}
                  </Link>
                </>
              )}
            </div>
            <time dateTime={e.createdAt.toISOString()} className="shrink-0 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
              {formatAuditTime(e.createdAt, locale)}
            </time>
          </div>
          <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            {t("by")}{" "}
            {e.actorEmail ? (
              e.actorId && links === "admin" ? (
                <Link href={`/admin/users/${e.actorId}`} className="break-all text-zinc-800 hover:underline dark:text-zinc-200">
                  {e.actorEmail}
                </Link>
              ) : (
                <span className="break-all">{e.actorEmail}</span>
              )
            ) : (
              <span title={t("systemTitle")}>{t("system")}</span>
            )}
            {e.ip && <span className="font-mono"> · {e.ip}</span>}
          </p>
          <Metadata text={e.metadata} />
        </li>
      ))}
    </ol>
  );
}
