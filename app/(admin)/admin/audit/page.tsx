import type { Metadata } from "next";
import Link from "next/link";
import { AuditEventTable } from "@/components/admin/audit-event-list";
import { OrganizationFilter } from "@/components/admin/organization-filter";
import { FilterBar, FilterSelect, FilterText } from "@/components/admin/filter-bar";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { CursorPager } from "@/components/ui/cursor-pager";
import { hrefWith, parseAuditFilters } from "@/lib/admin/filters";
import { listAuditEvents, getOrganizationOption } from "@/lib/admin/queries";
import { AUDIT_ACTIONS } from "@/lib/audit";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };

const LINK = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const filters = parseAuditFilters(await searchParams);
  const [page, org] = await Promise.all([listAuditEvents(filters), getOrganizationOption(filters.org)]);
  const base = { action: filters.action, org: filters.org, actor: filters.actor, target: filters.target };
  const filtered = Object.values(base).some(Boolean);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every state change in the portal, newest first. Events are written in the same transaction as the change they record and are never edited."
        actions={
          <a href={hrefWith("/admin/audit/export", base)} className={LINK} download>
            Export CSV{filtered ? " (filtered)" : ""}
          </a>
        }
      />
      <FilterBar action="/admin/audit" resetHref="/admin/audit" active={filtered}>
        <FilterSelect name="action" label="Action" value={filters.action} allLabel="All actions" options={AUDIT_ACTIONS.map((a) => ({ value: a, label: a }))} />
        <OrganizationFilter key={org?.id ?? "all"} name="org" label="Organisation" selected={org} />
        <FilterText name="actor" label="Actor e-mail" value={filters.actor} placeholder="e.g. admin@copa" />
        {filters.target && <input type="hidden" name="target" value={filters.target} />}
      </FilterBar>
      {filters.target && (
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          Showing events about <code className="text-xs">{filters.target}</code> only.{" "}
          <Link className="underline" href={hrefWith("/admin/audit", { ...base, target: undefined })}>
            Remove this filter
          </Link>
        </p>
      )}
      {page.events.length === 0 ? (
        <EmptyState title={filtered ? "No events match these filters" : "No events yet"}>
          {filtered && <Link className="underline" href="/admin/audit">Show every event</Link>}
        </EmptyState>
      ) : (
        <AuditEventTable events={page.events} caption="Audit events, newest first" />
      )}
      <CursorPager path="/admin/audit" params={base} newerCursor={page.newerCursor} olderCursor={page.olderCursor} />
    </>
  );
}
