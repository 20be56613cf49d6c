import type { Metadata } from "next";
import Link from "next/link";
import { EnvironmentBadge, keyTypeLabel } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { ScopeList } from "@/components/admin/scope-list";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Time } from "@/components/ui/time";
import { hrefWith } from "@/lib/admin/filters";
import { requireAdminPage } from "@/lib/auth/session";
import { listPendingScopeChanges } from "@/lib/keys/scope-changes";
import { parsePage } from "@/lib/paging";
import { parseScopes } from "@/lib/scopes/enforcement";

export const metadata: Metadata = { title: "Scope changes" };

/** Partners' requests to add scopes to live keys, oldest first; each is decided on its key's page. */
export default async function ScopeChangesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const raw = (await searchParams).page;
  const page = parsePage(Array.isArray(raw) ? raw[0] : raw);
  const result = await listPendingScopeChanges(page);
  return (
    <>
      <PageHeader title="Scope changes" description="Live keys whose partners asked for more scopes, oldest first. Removals apply at once and never wait here." />
      {result.rows.length === 0 ? (
        <EmptyState title="No scope change is waiting">Partners ask for scope changes from their key&apos;s page.</EmptyState>
      ) : (
        <DataTable caption="Pending scope changes">
          <THead>
            <TH>Key</TH>
            <TH>Organisation</TH>
            <TH>Add</TH>
            <TH>Asked</TH>
          </THead>
          <TBody>
            {result.rows.map((c) => (
              <TR key={c.id}>
                <TD label="Key">
                  <Link href={`/admin/keys/${c.keyId}#scope-change-title`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                    {c.key.name}
                  </Link>
                  <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                    {keyTypeLabel(c.key.type)} <EnvironmentBadge environment={c.key.environment} />
                  </span>
                </TD>
                <TD label="Organisation">
                  <Link href={`/admin/organisations/${c.key.organization.id}`} className="hover:underline">
                    {c.key.organization.legalName}
                  </Link>
                </TD>
                <TD label="Add">
                  <ScopeList scopes={parseScopes(c.addScopes)} />
                </TD>
                <TD label="Asked" className="whitespace-nowrap">
                  <Time value={c.createdAt} relative />
                </TD>
              </TR>
            ))}
          </TBody>
        </DataTable>
      )}
      <Pager page={result.page} total={result.total} pageSize={result.pageSize} noun="scope changes" hrefFor={(p) => hrefWith("/admin/scope-changes", { page: p })} />
    </>
  );
}
