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
import { listOldestPendingRequests } from "@/lib/requests/service";
import { parseScopes } from "@/lib/scopes/enforcement";

export const metadata: Metadata = { title: "Overview" };

/** The overview shows the few requests waiting longest; the queue itself is paged. */
const OLDEST_SHOWN = 5;

export default async function AdminOverviewPage() {
  await requireAdminPage();
  const [pending, counts] = await Promise.all([listOldestPendingRequests(OLDEST_SHOWN), getOverviewCounts()]);
  return (
    <>
      <PageHeader title="Admin overview" description="The state of the portal, and the access requests that have waited longest for a decision." />
      <div className="mb-8 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <StatCard label="Pending requests" value={counts.pendingRequests} href="/admin/requests?status=pending" tone={counts.pendingRequests > 0 ? "amber" : "neutral"} />
        <StatCard label="Active keys" value={counts.activeKeys} href="/admin/keys?state=active" note={counts.awaitingReveal ? `${counts.awaitingReveal} awaiting reveal` : undefined} />
        <StatCard label="Organisations" value={counts.organizations} href="/admin/organisations" note={counts.suspendedOrganizations ? `${counts.suspendedOrganizations} suspended` : undefined} />
        <StatCard label="Users" value={counts.users} href="/admin/users" note={counts.disabledUsers ? `${counts.disabledUsers} disabled` : undefined} />
      </div>

      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">Waiting longest for review</h2>
        {counts.pendingRequests > 0 && (
          <Link href="/admin/requests?status=pending" className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
            {counts.pendingRequests > pending.length ? `All ${counts.pendingRequests.toLocaleString("en-GB")} pending requests →` : "The review queue →"}
          </Link>
        )}
      </div>
      {pending.length === 0 ? (
        <EmptyState title="No requests are waiting">
          New access requests appear here, oldest first. See <Link className="underline" href="/admin/requests">all requests</Link> for decided ones.
        </EmptyState>
      ) : (
        <DataTable caption={`The ${pending.length === 1 ? "pending request" : `${pending.length} pending requests`} waiting longest, oldest first`}>
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
