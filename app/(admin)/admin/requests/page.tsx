import type { Metadata } from "next";
import Link from "next/link";
import { EnvironmentBadge, keyTypeLabel, RequestStatusBadge } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { OrganizationFilter } from "@/components/admin/organization-filter";
import { FilterBar } from "@/components/admin/filter-bar";
import { ScopeList } from "@/components/admin/scope-list";
import { StatusTabs } from "@/components/admin/status-tabs";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Time } from "@/components/ui/time";
import { hrefWith, parseRequestFilters, REQUEST_STATUSES } from "@/lib/admin/filters";
import { countRequestsByStatus, getOrganizationOption, listRequestsForAdmin } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";
import { parseScopes } from "@/lib/scopes/enforcement";

export const metadata: Metadata = { title: "Requests" };

export default async function AdminRequestsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const filters = parseRequestFilters(await searchParams);
  const [result, counts, org] = await Promise.all([listRequestsForAdmin(filters), countRequestsByStatus(), getOrganizationOption(filters.org)]);
  const href = (over: Partial<typeof filters>) => hrefWith("/admin/requests", { status: filters.status, org: filters.org, page: filters.page, ...over });
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <>
      <PageHeader title="Access requests" description={filters.status === "pending" ? "Pending requests, oldest first." : "Every request, newest first."} />
      <StatusTabs
        label="Filter by status"
        tabs={[
          { label: "All", count: total, href: href({ status: undefined, page: 1 }), current: !filters.status },
          ...REQUEST_STATUSES.map((s) => ({ label: (s.charAt(0).toUpperCase() + s.slice(1)).replace(/_/g, " "), count: counts[s] ?? 0, href: href({ status: s, page: 1 }), current: filters.status === s })),
        ]}
      />
      <FilterBar action="/admin/requests" resetHref={hrefWith("/admin/requests", { status: filters.status })} active={!!filters.org}>
        {filters.status && <input type="hidden" name="status" value={filters.status} />}
        <OrganizationFilter key={org?.id ?? "all"} name="org" label="Organisation" selected={org} />
      </FilterBar>
      {result.rows.length === 0 ? (
        <EmptyState title={filters.status || filters.org ? "No requests match these filters" : "No access requests yet"}>
          {filters.status || filters.org ? <Link className="underline" href="/admin/requests">Show all requests</Link> : "Partners' requests appear here as soon as they are submitted."}
        </EmptyState>
      ) : (
        <DataTable caption="Access requests">
          <THead>
            <TH>Key</TH>
            <TH>Organisation</TH>
            <TH>Scopes</TH>
            <TH>Status</TH>
            <TH>Submitted</TH>
          </THead>
          <TBody>
            {result.rows.map((r) => {
              const granted = r.grantedScopes !== null;
              return (
                <TR key={r.id}>
                  <TD label="Key">
                    <Link href={`/admin/requests/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                      {r.keyName}
                    </Link>
                    <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                      {keyTypeLabel(r.keyType)} <EnvironmentBadge environment={r.environment} />
                    </span>
                  </TD>
                  <TD label="Organisation">
                    <Link href={`/admin/organisations/${r.organization.id}`} className="hover:underline">
                      {r.organization.legalName}
                    </Link>
                    <span className="block text-xs break-all text-zinc-500 dark:text-zinc-400">{r.requester.email}</span>
                  </TD>
                  <TD label={granted ? "Granted" : "Requested"}>
                    <span className="mb-1 hidden text-xs text-zinc-500 md:block dark:text-zinc-400">{granted ? "Granted" : "Requested"}</span>
                    <ScopeList scopes={parseScopes(granted ? r.grantedScopes : r.requestedScopes)} />
                  </TD>
                  <TD label="Status">
                    <RequestStatusBadge status={r.status} />
                    {r.decidedAt && (
                      <span className="mt-1 block text-xs text-zinc-500 dark:text-zinc-400">
                        <Time value={r.decidedAt} relative />
                        {r.decidedBy && r.status !== "withdrawn" ? ` by ${r.decidedBy.email}` : ""}
                      </span>
                    )}
                  </TD>
                  <TD label="Submitted" className="whitespace-nowrap">
                    <Time value={r.createdAt} relative />
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </DataTable>
      )}
      <Pager page={result.page} total={result.total} pageSize={result.pageSize} noun="requests" hrefFor={(page) => href({ page })} />
    </>
  );
}
