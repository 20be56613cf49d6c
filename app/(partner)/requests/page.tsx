import type { Metadata } from "next";
import Link from "next/link";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { ScopeSummary } from "@/components/requests/scope-comparison";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { Pager } from "@/components/ui/pager";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { canManageKeys, requirePartnerPage } from "@/lib/auth/session";
import { ENVIRONMENTS, KEY_TYPES } from "@/lib/keys/key-types";
import { parsePage } from "@/lib/paging";
import { countPendingOrganizationRequests, listOrganizationRequests } from "@/lib/requests/service";
import { parseScopes } from "@/lib/scopes/enforcement";

export const metadata: Metadata = { title: "Access requests" };
export const dynamic = "force-dynamic";

const typeLabel = (id: string) => KEY_TYPES.find((t) => t.id === id)?.label ?? id;
const envLabel = (id: string) => ENVIRONMENTS.find((e) => e.id === id)?.label ?? id;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RequestsPage({ searchParams }: Props) {
  const user = await requirePartnerPage("/requests");
  const orgId = user.membership.organizationId;
  const page = parsePage((await searchParams).page);
  const [result, pending] = await Promise.all([listOrganizationRequests(orgId, page), countPendingOrganizationRequests(orgId)]);
  const requests = result.rows;
  const total = result.total;
  const canRequest = canManageKeys(user.membership.role);

  return (
    <>
      <PageHeader
        title="Access requests"
        description={
          total === 0
            ? "Every key starts as a request that a COPA admin reviews."
            : `${total.toLocaleString("en-GB")} request${total === 1 ? "" : "s"} from ${user.membership.organization.legalName}${pending ? `, ${pending.toLocaleString("en-GB")} awaiting review` : ""}.`
        }
        actions={
          canRequest && total > 0 ? (
            <LinkButton href="/requests/new">Request API access</LinkButton>
          ) : undefined
        }
      />
      {total === 0 ? (
        <EmptyState title="No requests yet">
          <p>Tell COPA what you are building and which data you need. Most integrations need only cooperatives:read and members:read.</p>
          {canRequest ? (
            <LinkButton href="/requests/new" className="mt-4">
              Request API access
            </LinkButton>
          ) : (
            <p className="mt-2">Ask an owner or developer of your organisation to submit one.</p>
          )}
        </EmptyState>
      ) : requests.length === 0 ? null : (
        // Past the last page (a stale link): the pager below says so and links back.
        <Table>
          <THead>
            <tr>
              <Th>Key</Th>
              <Th>Status</Th>
              <Th>Scopes requested</Th>
              <Th>Submitted</Th>
              <Th>Decided</Th>
            </tr>
          </THead>
          <TBody>
            {requests.map((r) => (
              <Tr key={r.id}>
                <Td className="pb-2 md:pb-3">
                  <div>
                    <Link href={`/requests/${r.id}`} className="font-medium text-zinc-900 hover:underline dark:text-zinc-100">
                      {r.keyName}
                    </Link>
                    <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
                      {typeLabel(r.keyType)} · {envLabel(r.environment)}
                    </p>
                  </div>
                  <span className="md:hidden">
                    <RequestStatusBadge status={r.status} />
                  </span>
                </Td>
                <Td className="hidden md:table-cell">
                  <RequestStatusBadge status={r.status} />
                  {r.status === "approved" && r.key && (
                    <Link href={`/keys/${r.key.id}`} className="mt-1 block text-xs text-brand-700 hover:underline dark:text-brand-100">
                      View key →
                    </Link>
                  )}
                </Td>
                <Td label="Scopes">
                  <ScopeSummary requested={parseScopes(r.requestedScopes)} granted={r.status === "approved" ? parseScopes(r.grantedScopes) : null} />
                </Td>
                <Td label="Submitted" className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <Time value={r.createdAt} relative />
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">by {r.requester.name}</span>
                </Td>
                <Td label="Decided" className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <Time value={r.decidedAt} relative fallback="Not yet" />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pager page={result.page} pageSize={result.pageSize} total={total} noun="requests" hrefFor={(p) => (p > 1 ? `/requests?page=${p}` : "/requests")} />
    </>
  );
}
