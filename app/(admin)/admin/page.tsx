import type { Metadata } from "next";
import Link from "next/link";
import { EnvironmentBadge, keyTypeLabel, organizationKindLabel } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { ScopeList } from "@/components/admin/scope-list";
import { StatCard } from "@/components/admin/stat-card";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { getOverviewCounts } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";
import { listPendingRequests } from "@/lib/requests/service";
import { parseScopes } from "@/lib/scopes/enforcement";

export const metadata: Metadata = { title: "Overview" };

export default async function AdminOverviewPage() {
  await requireAdminPage();
  const [pending, counts] = await Promise.all([listPendingRequests(), getOverviewCounts()]);
  return (
    <>
      <PageHeader title="Admin overview" description="Access requests waiting for a decision, oldest first, and the state of the portal." />
      <div className="mb-8 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label="Pending requests" value={counts.pendingRequests} href="/admin/requests?status=pending" tone={counts.pendingRequests > 0 ? "amber" : "neutral"} />
        <StatCard label="Active keys" value={counts.activeKeys} href="/admin/keys?state=active" note={counts.awaitingReveal ? `${counts.awaitingReveal} awaiting reveal` : undefined} />
        <StatCard label="Organisations" value={counts.organizations} href="/admin/organisations" note={counts.suspendedOrganizations ? `${counts.suspendedOrganizations} suspended` : undefined} />
        <StatCard label="Users" value={counts.users} href="/admin/users" note={counts.disabledUsers ? `${counts.disabledUsers} disabled` : undefined} />
      </div>

      <h2 className="mb-3 text-lg font-semibold">Waiting for review</h2>
      {pending.length === 0 ? (
        <EmptyState title="No requests are waiting">
          New access requests appear here, oldest first. See <Link className="underline" href="/admin/requests">all requests</Link> for decided ones.
        </EmptyState>
      ) : (
        <DataTable caption="Pending access requests, oldest first">
          <THead>
            <TH>Organisation</TH>
            <TH>Key</TH>
            <TH>Requested scopes</TH>
            <TH>Waiting</TH>
            <TH>
              <span className="sr-only">Review</span>
            </TH>
          </THead>
          <TBody>
            {pending.map((r) => (
              <TR key={r.id} data-testid="pending-request">
                <TD label="Organisation">
                  <Link href={`/admin/organisations/${r.organization.id}`} className="font-medium hover:underline">
                    {r.organization.legalName}
                  </Link>
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">{organizationKindLabel(r.organization.kind)}</span>
                </TD>
                <TD label="Key">
                  <span className="font-medium">{r.keyName}</span>
                  <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                    {keyTypeLabel(r.keyType)} <EnvironmentBadge environment={r.environment} />
                  </span>
                </TD>
                <TD label="Scopes">
                  <ScopeList scopes={parseScopes(r.requestedScopes)} />
                </TD>
                <TD label="Waiting" className="whitespace-nowrap">
                  <Time value={r.createdAt} relative />
                </TD>
                <TD className="md:text-right">
                  <Link href={`/admin/requests/${r.id}`} className="inline-block rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium whitespace-nowrap text-white hover:bg-brand-700">
                    Review<span className="sr-only"> {r.keyName} from {r.organization.legalName}</span>
                  </Link>
                </TD>
              </TR>
            ))}
          </TBody>
        </DataTable>
      )}
    </>
  );
}
