import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EnvironmentBadge, KeyStateBadge, keyTypeLabel, SuspendedBadge } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { OrganizationFilter } from "@/components/admin/organization-filter";
import { FilterBar, FilterSelect } from "@/components/admin/filter-bar";
import { ScopeList } from "@/components/admin/scope-list";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Time } from "@/components/ui/time";
import { hrefWith, parseKeyFilters } from "@/lib/admin/filters";
import { listKeysForAdmin, getOrganizationOption } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";
import { ENVIRONMENTS } from "@/lib/keys/key-types";
import { parseScopes } from "@/lib/scopes/enforcement";

export const metadata: Metadata = { title: "Keys" };

const STATE_OPTIONS = [
  { value: "active", label: "Active" },
  { value: "pending", label: "Awaiting reveal" },
  { value: "expired", label: "Expired" },
  { value: "revoked", label: "Revoked" },
];

export default async function AdminKeysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const filters = parseKeyFilters(await searchParams);
  const now = new Date();
  const [result, org] = await Promise.all([listKeysForAdmin(filters, now), getOrganizationOption(filters.org)]);
  const filtered = !!(filters.state || filters.env || filters.org || filters.expiring);
  const href = (page: number) => hrefWith("/admin/keys", { state: filters.state, env: filters.env, org: filters.org, expiring: filters.expiring, page });
  return (
    <>
      <PageHeader title="API keys" description="Every key across organisations, newest first. Only masks are stored; no one can see a full key again." />
      <FilterBar action="/admin/keys" resetHref="/admin/keys" active={filtered}>
        <FilterSelect name="state" label="State" value={filters.state} options={STATE_OPTIONS} allLabel="All states" />
        <FilterSelect name="env" label="Environment" value={filters.env} options={ENVIRONMENTS.map((e) => ({ value: e.id, label: e.label }))} allLabel="All environments" />
        <OrganizationFilter key={org?.id ?? "all"} name="org" label="Organisation" selected={org} />
        {filters.expiring && <input type="hidden" name="expiring" value={filters.expiring} />}
      </FilterBar>
      {filters.expiring && <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">{(await getTranslations("queue"))("metrics.expiring.title", { days: Number(filters.expiring) })}</p>}
      {result.rows.length === 0 ? (
        <EmptyState title={filtered ? "No keys match these filters" : "No keys yet"}>
          {filtered ? <Link className="underline" href="/admin/keys">Show all keys</Link> : "A key appears here when a request is approved."}
        </EmptyState>
      ) : (
        <DataTable caption="API keys">
          <THead>
            <TH>Key</TH>
            <TH>Organisation</TH>
            <TH>Scopes</TH>
            <TH>State</TH>
            <TH>Last used</TH>
            <TH>Expires</TH>
          </THead>
          <TBody>
            {result.rows.map((k) => (
              <TR key={k.id}>
                <TD label="Key">
                  <Link href={`/admin/keys/${k.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                    {k.name}
                  </Link>
                  <code className="block text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">{k.mask ?? "not revealed yet"}</code>
                  <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                    {keyTypeLabel(k.type)} <EnvironmentBadge environment={k.environment} />
                  </span>
                </TD>
                <TD label="Organisation">
                  <Link href={`/admin/organisations/${k.organization.id}`} className="hover:underline">
                    {k.organization.legalName}
                  </Link>{" "}
                  <SuspendedBadge since={k.organization.suspendedAt} />
                </TD>
                <TD label="Scopes">
                  <ScopeList scopes={parseScopes(k.scopes)} />
                </TD>
                <TD label="State" className="whitespace-nowrap">
                  <KeyStateBadge keyRow={k} now={now} />
                  {k.rotatedTo && <span className="mt-1 block text-xs text-zinc-500 dark:text-zinc-400">Rotated</span>}
                </TD>
                <TD label="Last used" className="whitespace-nowrap">
                  <Time value={k.lastUsedAt} relative fallback="Never" />
                </TD>
                <TD label="Expires" className="whitespace-nowrap">
                  <Time value={k.expiresAt} dateOnly fallback="No expiry" />
                </TD>
              </TR>
            ))}
          </TBody>
        </DataTable>
      )}
      <Pager page={result.page} total={result.total} pageSize={result.pageSize} noun="keys" hrefFor={href} />
    </>
  );
}
