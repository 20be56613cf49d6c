import type { Metadata } from "next";
import Link from "next/link";
import { RoleBadge, SuspendedBadge } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { FilterBar, FilterSelect, FilterText } from "@/components/admin/filter-bar";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Time } from "@/components/ui/time";
import { hrefWith, parseUserFilters } from "@/lib/admin/filters";
import { listUsersForAdmin } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdminPage();
  const filters = parseUserFilters(await searchParams);
  const result = await listUsersForAdmin(filters);
  const filtered = !!(filters.q || filters.role || filters.status);
  return (
    <>
      <PageHeader title="Users" description="Everyone with an account, newest first. Open a user to disable them, change their role or sign them out everywhere." />
      <FilterBar action="/admin/users" resetHref="/admin/users" active={filtered}>
        <FilterText name="q" label="Name or e-mail" value={filters.q} placeholder="e.g. aline" />
        <FilterSelect name="role" label="Role" value={filters.role} allLabel="All roles" options={[{ value: "partner", label: "Partner" }, { value: "admin", label: "Admin" }]} />
        <FilterSelect name="status" label="Account" value={filters.status} allLabel="All accounts" options={[{ value: "active", label: "Enabled" }, { value: "disabled", label: "Disabled" }]} />
      </FilterBar>
      {result.rows.length === 0 ? (
        <EmptyState title={filtered ? "No users match these filters" : "No users yet"}>
          {filtered && <Link className="underline" href="/admin/users">Show all users</Link>}
        </EmptyState>
      ) : (
        <DataTable caption="Users">
          <THead>
            <TH>User</TH>
            <TH>Organisation</TH>
            <TH>Role</TH>
            <TH>Last sign-in</TH>
            <TH>Joined</TH>
          </THead>
          <TBody>
            {result.rows.map((u) => {
              const m = u.memberships[0];
              return (
                <TR key={u.id}>
                  <TD label="User">
                    <Link href={`/admin/users/${u.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                      {u.name}
                    </Link>
                    {u.id === admin.id && <span className="ml-1 text-xs text-zinc-500 dark:text-zinc-400">(you)</span>}
                    <span className="block text-xs break-all text-zinc-500 dark:text-zinc-400">{u.email}</span>
                  </TD>
                  <TD label="Organisation">
                    {m ? (
                      <>
                        <Link href={`/admin/organisations/${m.organization.id}`} className="hover:underline">
                          {m.organization.legalName}
                        </Link>{" "}
                        <SuspendedBadge since={m.organization.suspendedAt} />
                        <span className="block text-xs text-zinc-500 capitalize dark:text-zinc-400">{m.role}</span>
                      </>
                    ) : (
                      <span className="text-zinc-500 dark:text-zinc-400">—</span>
                    )}
                  </TD>
                  <TD label="Role">
                    <span className="flex flex-wrap gap-1.5">
                      <RoleBadge role={u.role} />
                      {u.disabled && <Badge tone="red">Disabled</Badge>}
                    </span>
                  </TD>
                  <TD label="Last sign-in" className="whitespace-nowrap">
                    <Time value={u.lastSignInAt} relative fallback="Never" />
                  </TD>
                  <TD label="Joined" className="whitespace-nowrap">
                    <Time value={u.createdAt} dateOnly />
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </DataTable>
      )}
      <Pager page={result.page} total={result.total} pageSize={result.pageSize} noun="users" hrefFor={(page) => hrefWith("/admin/users", { q: filters.q, role: filters.role, status: filters.status, page })} />
    </>
  );
}
