import type { Metadata } from "next";
import Link from "next/link";
import { organizationKindLabel, SuspendedBadge } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { FilterBar, FilterSelect, FilterText } from "@/components/admin/filter-bar";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Time } from "@/components/ui/time";
import { hrefWith, parseOrganizationFilters } from "@/lib/admin/filters";
import { listOrganizationsForAdmin } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";
import { countryName } from "@/lib/organizations/countries";

export const metadata: Metadata = { title: "Organisations" };

export default async function AdminOrganisationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const filters = parseOrganizationFilters(await searchParams);
  const result = await listOrganizationsForAdmin(filters);
  const filtered = !!(filters.q || filters.status);
  return (
    <>
      <PageHeader title="Organisations" description="Every partner organisation, alphabetically, with its members, active keys and pending requests." />
      <FilterBar action="/admin/organisations" resetHref="/admin/organisations" active={filtered}>
        <FilterText name="q" label="Name or contact e-mail" value={filters.q} placeholder="e.g. Umurenge" />
        <FilterSelect name="status" label="Status" value={filters.status} allLabel="All" options={[{ value: "active", label: "Active" }, { value: "suspended", label: "Suspended" }]} />
      </FilterBar>
      {result.rows.length === 0 ? (
        <EmptyState title={filtered ? "No organisations match these filters" : "No organisations yet"}>
          {filtered ? <Link className="underline" href="/admin/organisations">Show all organisations</Link> : "An organisation is created when a partner signs up and completes onboarding."}
        </EmptyState>
      ) : (
        <DataTable caption="Organisations">
          <THead>
            <TH>Organisation</TH>
            <TH className="text-right">Members</TH>
            <TH className="text-right">Active keys</TH>
            <TH className="text-right">Pending requests</TH>
            <TH>Since</TH>
          </THead>
          <TBody>
            {result.rows.map((o) => (
              <TR key={o.id}>
                <TD label="Organisation">
                  <span className="flex flex-wrap items-center gap-2">
                    <Link href={`/admin/organisations/${o.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                      {o.legalName}
                    </Link>
                    <SuspendedBadge since={o.suspendedAt} />
                  </span>
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                    {organizationKindLabel(o.kind)} · {countryName(o.country)}
                  </span>
                </TD>
                <TD label="Members" className="tabular-nums md:text-right">
                  {o._count.memberships}
                </TD>
                <TD label="Active keys" className="tabular-nums md:text-right">
                  {o._count.keys > 0 ? (
                    <Link className="underline" href={hrefWith("/admin/keys", { org: o.id, state: "active" })}>
                      {o._count.keys}
                    </Link>
                  ) : (
                    0
                  )}
                </TD>
                <TD label="Pending requests" className="tabular-nums md:text-right">
                  {o._count.requests > 0 ? (
                    <Link className="font-medium text-amber-700 underline dark:text-amber-300" href={hrefWith("/admin/requests", { org: o.id, status: "pending" })}>
                      {o._count.requests}
                    </Link>
                  ) : (
                    0
                  )}
                </TD>
                <TD label="Since" className="whitespace-nowrap">
                  <Time value={o.createdAt} dateOnly />
                </TD>
              </TR>
            ))}
          </TBody>
        </DataTable>
      )}
      <Pager page={result.page} total={result.total} pageSize={result.pageSize} noun="organisations" hrefFor={(page) => hrefWith("/admin/organisations", { q: filters.q, status: filters.status, page })} />
    </>
  );
}
