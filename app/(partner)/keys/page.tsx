import type { Metadata } from "next";
import Link from "next/link";
import { KeyScopes } from "@/components/keys/key-scopes";
import { KeyStatusBadge } from "@/components/keys/key-status-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { Pager } from "@/components/ui/pager";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { canManageKeys, requirePartnerPage } from "@/lib/auth/session";
import { ENVIRONMENTS, KEY_TYPES } from "@/lib/keys/key-types";
import { countKeysAwaitingReveal, listOrganizationKeys } from "@/lib/keys/service";
import { parsePage } from "@/lib/paging";
import { countPendingOrganizationRequests } from "@/lib/requests/service";
import { parseScopes } from "@/lib/scopes/enforcement";
import { RevealKeyButton } from "./_components/reveal-key-button";

export const metadata: Metadata = { title: "API keys" };
// Key pages are rendered per request and never cached: they reflect revocations at once.
export const dynamic = "force-dynamic";

const typeLabel = (id: string) => KEY_TYPES.find((t) => t.id === id)?.label ?? id;
const envLabel = (id: string) => ENVIRONMENTS.find((e) => e.id === id)?.label ?? id;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function KeysPage({ searchParams }: Props) {
  const user = await requirePartnerPage("/keys");
  const orgId = user.membership.organizationId;
  const page = parsePage((await searchParams).page);
  const [result, pendingRequests, readyToReveal] = await Promise.all([
    listOrganizationKeys(orgId, page),
    countPendingOrganizationRequests(orgId),
    countKeysAwaitingReveal(orgId),
  ]);
  const keys = result.rows;
  const canManage = canManageKeys(user.membership.role);

  return (
    <>
      <PageHeader
        title="API keys"
        description={`Keys of ${user.membership.organization.legalName}. Each key is shown in full once; afterwards only its mask.`}
        actions={canManage && result.total > 0 ? <LinkButton href="/requests/new">Request API access</LinkButton> : undefined}
      />
      <div className="mb-6 space-y-3">
        {!canManage && (
          <Alert tone="info">You have view access: you can see your organisation&apos;s keys, but only owners and developers can reveal, rotate or revoke them.</Alert>
        )}
        {readyToReveal > 0 && canManage && (
          <Alert tone="success" title={readyToReveal === 1 ? "A key is ready to reveal" : `${readyToReveal} keys are ready to reveal`}>
            COPA approved your request. Reveal the key to copy it: it is shown only once.
          </Alert>
        )}
        {pendingRequests > 0 && (
          <Alert tone="info">
            {pendingRequests === 1 ? "1 request is" : `${pendingRequests} requests are`} awaiting review.{" "}
            <Link href="/requests" className="font-medium underline">See requests</Link>
          </Alert>
        )}
      </div>
      {result.total === 0 ? (
        <EmptyState title="No API keys yet">
          <p>
            Keys are issued when COPA approves an access request.
            {pendingRequests === 0 && " Start with a sandbox key: it works against fictional sample data."}
          </p>
          {canManage && pendingRequests === 0 && (
            <LinkButton href="/requests/new" className="mt-4">
              Request API access
            </LinkButton>
          )}
        </EmptyState>
      ) : keys.length === 0 ? null : (
        // Past the last page (a stale link): the pager below says so and links back.
        <Table>
          <THead>
            <tr>
              <Th>Name</Th>
              <Th>Status</Th>
              <Th>Scopes</Th>
              <Th>Created</Th>
              <Th>Expires</Th>
              <Th>Last used</Th>
              {canManage && (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              )}
            </tr>
          </THead>
          <TBody>
            {keys.map((key) => (
              <Tr key={key.id}>
                <Td className="pb-2 md:pb-3">
                  <div className="min-w-0">
                    <Link href={`/keys/${key.id}`} className="font-medium text-zinc-900 hover:underline dark:text-zinc-100">
                      {key.name}
                    </Link>
                    <p className={`mt-0.5 text-xs text-zinc-500 dark:text-zinc-400 ${key.mask ? "font-mono" : "italic"}`}>{key.mask ?? "Not revealed yet"}</p>
                    <p className="mt-1 flex flex-wrap gap-1">
                      <Badge>{typeLabel(key.type)}</Badge>
                      <Badge tone={key.environment === "production" ? "amber" : "neutral"}>{envLabel(key.environment)}</Badge>
                    </p>
                  </div>
                  <span className="md:hidden">
                    <KeyStatusBadge keyRow={key} />
                  </span>
                </Td>
                <Td className="hidden md:table-cell">
                  <KeyStatusBadge keyRow={key} />
                </Td>
                <Td label="Scopes">
                  <KeyScopes scopes={parseScopes(key.scopes)} />
                </Td>
                <Td label="Created" className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <Time value={key.createdAt} dateOnly />
                </Td>
                <Td label="Expires" className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <Time value={key.expiresAt} dateOnly fallback="Never" />
                </Td>
                <Td label="Last used" className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <Time value={key.lastUsedAt} relative fallback="Never" />
                </Td>
                {canManage && (
                  <Td className="pt-3 md:pt-3 md:text-right">
                    {key.status === "pending" ? (
                      <RevealKeyButton keyId={key.id} keyName={key.name} size="sm" />
                    ) : (
                      <LinkButton href={`/keys/${key.id}`} variant="ghost" size="sm">
                        Manage
                      </LinkButton>
                    )}
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} noun="keys" hrefFor={(p) => (p > 1 ? `/keys?page=${p}` : "/keys")} />
    </>
  );
}
