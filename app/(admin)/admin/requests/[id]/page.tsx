import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EnvironmentBadge, keyTypeLabel, organizationKindLabel, RequestStatusBadge, SuspendedBadge } from "@/components/admin/badges";
import { BackLink, Detail, DetailList, Section } from "@/components/admin/detail-list";
import { OrgKeysTable, OrgRequestsTable, SeeAll } from "@/components/admin/org-history-tables";
import { ScopeList } from "@/components/admin/scope-list";
import { ScopeLink } from "@/components/scopes/scope-link";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { getOrganizationHistory } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";
import { KEY_TYPES, type Environment, type KeyType } from "@/lib/keys/key-types";
import { countryName } from "@/lib/organizations/countries";
import { RequestThread } from "@/components/requests/request-thread";
import { getRequestForAdmin, parseJustifications } from "@/lib/requests/service";
import { EXPIRY_CHOICES } from "@/lib/requests/schemas";
import { getRequestThread } from "@/lib/requests/thread";
import { getScope } from "@/lib/scopes/catalog";
import { parseScopes } from "@/lib/scopes/enforcement";
import { ConfirmPanel } from "./_components/confirm-panel";
import { DecisionPanel } from "./_components/decision-panel";
import { getReviewSettings, secondApprovalReason } from "@/lib/review/settings";
import { db } from "@/lib/db";
import { requestTranslator } from "@/lib/i18n/translator";
import { translateMessage } from "@/lib/i18n/translate-message";

export const metadata: Metadata = { title: "Review request" };

const RISK_TONE = { low: "green", medium: "amber", high: "red" } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AdminRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdminPage();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const request = await getRequestForAdmin(id);
  if (!request) notFound();
  const org = request.organization;
  const [history, thread, settings, firstApprover, tr] = await Promise.all([
    getOrganizationHistory(org.id, request.id),
    getRequestThread(request.id, "admin"),
    getReviewSettings(),
    request.firstApprovedById ? db.user.findUnique({ where: { id: request.firstApprovedById }, select: { email: true } }) : null,
    requestTranslator(),
  ]);
  const proposal = request.proposal ? (JSON.parse(request.proposal) as { grantedScopes: string[]; expiry: string | null; note: string }) : null;
  const requested = parseScopes(request.requestedScopes);
  const granted = parseScopes(request.grantedScopes);
  const justifications = parseJustifications(request.justifications);
  const keyType = KEY_TYPES.find((t) => t.id === request.keyType);
  // A review.twoPerson.* message (lib/review/settings), in the reader's language.
  const twoPersonRule = secondApprovalReason(settings, { type: request.keyType, environment: request.environment, scopes: requested });

  return (
    <>
      <BackLink href={request.status === "pending" ? "/admin/requests?status=pending" : "/admin/requests"}>{request.status === "pending" ? "Pending requests" : "All requests"}</BackLink>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {request.keyName} <RequestStatusBadge status={request.status} />
          </span>
        }
        description={
          <>
            {org.legalName} asked for a {keyTypeLabel(request.keyType).toLowerCase()} key · submitted <Time value={request.createdAt} relative />
          </>
        }
      />
      {org.suspendedAt && (
        <div className="mb-6">
          <Alert tone="warning" title="This organisation is suspended">
            Its keys are refused by the API and it cannot submit new requests. <Link className="underline" href={`/admin/organisations/${org.id}`}>Review the organisation</Link>.
          </Alert>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card className="p-4 sm:p-5">
            <h2 className="mb-4 text-lg font-semibold">The request</h2>
            <DetailList>
              <Detail label="Key name">{request.keyName}</Detail>
              <Detail label="Environment">
                <EnvironmentBadge environment={request.environment} />
              </Detail>
              <Detail label="Key type" wide>
                {keyType?.label ?? request.keyType}
                {keyType && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{keyType.description}</span>}
              </Detail>
              <Detail label="Use case" wide>
                <p className="whitespace-pre-wrap">{request.useCase}</p>
              </Detail>
            </DetailList>
            <h3 className="mt-6 mb-2 text-sm font-semibold">Requested scopes</h3>
            <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-testid="requested-scopes">
              {requested.map((id) => {
                const scope = getScope(id);
                return (
                  <li key={id} className="p-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <ScopeLink scope={id} newTab />
                      {scope && <Badge tone={RISK_TONE[scope.risk]}>{scope.risk} risk</Badge>}
                    </div>
                    {scope && <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{scope.description}</p>}
                    {justifications[id] && (
                      <blockquote className="mt-2 border-l-2 border-amber-400 pl-3 text-sm whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
                        <span className="block text-xs font-medium text-zinc-500 dark:text-zinc-400">Partner&apos;s justification</span>
                        {justifications[id]}
                      </blockquote>
                    )}
                  </li>
                );
              })}
            </ul>
          </Card>

          {thread.length > 0 && (
            <Card className="p-4 sm:p-5">
              <h2 className="mb-4 text-lg font-semibold">Conversation</h2>
              <RequestThread entries={thread} audience="admin" submitted={{ at: request.createdAt, by: request.requester }} viewerEmail={admin.email} />
            </Card>
          )}

          {request.status === "awaiting_second_approval" ? (
            <>
              <Card className="p-4 sm:p-5" data-testid="first-approval">
                <h2 className="mb-4 text-lg font-semibold">Approved once: waiting for a second admin</h2>
                <DetailList>
                  <Detail label="First approval">
                    <Time value={request.firstApprovedAt} />
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">by {request.firstApprovedById === admin.id ? "you" : (firstApprover?.email ?? "another admin")}</span>
                  </Detail>
                  <Detail label="Expiry">{proposal?.expiry ? EXPIRY_CHOICES.find((c) => c.id === proposal.expiry)?.label ?? proposal.expiry : "The policy's maximum"}</Detail>
                  <Detail label="Scopes to grant" wide>
                    <ScopeList scopes={proposal?.grantedScopes ?? []} />
                  </Detail>
                  {proposal?.note && (
                    <Detail label="Note to the partner" wide>
                      <p className="whitespace-pre-wrap">{proposal.note}</p>
                    </Detail>
                  )}
                </DetailList>
              </Card>
              <ConfirmPanel requestId={request.id} ownApproval={request.firstApprovedById === admin.id} />
            </>
          ) : request.status === "changes_requested" ? (
            <Card className="p-4 sm:p-5" data-testid="decision">
              <h2 className="text-lg font-semibold">Waiting for the partner</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                This request was sent back for changes. It returns to the pending queue when the partner resubmits it; the partner may also withdraw it.
              </p>
            </Card>
          ) : request.status === "pending" ? (
            <>
            {twoPersonRule && (
              <Alert tone="info" title={tr("review.twoPerson.title")}>
                {translateMessage(tr, twoPersonRule)} {tr("review.twoPerson.confirmNote")}
              </Alert>
            )}
            {/* The key policy's refusals (keys.policy.*) are translated in the form; "admin" as the layout gives it. */}
            <ClientMessages namespaces={["admin", "keys"]}>
              <DecisionPanel
                requestId={request.id}
                requested={requested}
                organizationSuspended={!!org.suspendedAt}
                keyType={request.keyType as KeyType}
                environment={request.environment as Environment}
                organizationCopaRun={org.copaRun}
              />
            </ClientMessages>
            </>
          ) : (
            <Card className="p-4 sm:p-5" data-testid="decision">
              <h2 className="mb-4 text-lg font-semibold">Decision</h2>
              <DetailList>
                <Detail label="Outcome">
                  <RequestStatusBadge status={request.status} />
                </Detail>
                <Detail label={request.status === "withdrawn" ? "Withdrawn" : "Decided"}>
                  <Time value={request.decidedAt} />
                  {request.decidedBy && (
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                      by {request.decidedBy.email === admin.email ? "you" : request.decidedBy.email}
                      {request.status === "withdrawn" ? " (the partner)" : ""}
                    </span>
                  )}
                </Detail>
                {request.status === "approved" && (
                  <>
                    <Detail label="Granted scopes" wide>
                      <ScopeList scopes={granted} />
                    </Detail>
                    <Detail label="Key" wide>
                      {request.key ? (
                        <>
                          <Link className="text-brand-700 underline dark:text-brand-100" href={`/admin/keys/${request.key.id}`}>
                            Open the issued key
                          </Link>
                          {request.key.status === "pending" && (
                            <span className="block text-xs text-zinc-500 dark:text-zinc-400">Issued; waiting for the partner to reveal it (shown to them once).</span>
                          )}
                        </>
                      ) : (
                        "No key"
                      )}
                    </Detail>
                  </>
                )}
                {request.decisionNote && (
                  <Detail label={request.status === "rejected" ? "Reason given to the partner" : "Note to the partner"} wide>
                    <p className="whitespace-pre-wrap">{request.decisionNote}</p>
                  </Detail>
                )}
              </DetailList>
            </Card>
          )}
        </div>

        <aside className="space-y-6">
          <Card className="p-4 sm:p-5">
            <h2 className="mb-4 flex flex-wrap items-center gap-2 text-lg font-semibold">
              Organisation <SuspendedBadge since={org.suspendedAt} />
            </h2>
            <DetailList>
              <Detail label="Legal name" wide>
                <Link href={`/admin/organisations/${org.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                  {org.legalName}
                </Link>
              </Detail>
              <Detail label="Kind">{organizationKindLabel(org.kind)}</Detail>
              <Detail label="Country">{countryName(org.country)}</Detail>
              <Detail label="Website" wide>
                {org.website ? (
                  // Partner-supplied: never send our referrer or give the page a handle on ours.
                  <a href={org.website} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-700 underline dark:text-brand-100">
                    {org.website}
                  </a>
                ) : (
                  "—"
                )}
              </Detail>
              <Detail label="Contact" wide>
                <span className="break-all">{org.contactEmail}</span>
              </Detail>
              <Detail label="Member since">
                <Time value={org.createdAt} dateOnly />
              </Detail>
              <Detail label="Members">{history.members}</Detail>
              {org.suspendedAt && (
                <Detail label="Suspended" wide>
                  <Time value={org.suspendedAt} />
                </Detail>
              )}
            </DetailList>
          </Card>
          <Card className="p-4 sm:p-5">
            <h2 className="mb-4 text-lg font-semibold">Requester</h2>
            <DetailList>
              <Detail label="Name" wide>
                {request.requester.name}
              </Detail>
              <Detail label="E-mail" wide>
                <span className="break-all">{request.requester.email}</span>
              </Detail>
            </DetailList>
          </Card>
        </aside>
      </div>

      <Section
        id="org-keys"
        title="The organisation's keys"
        description={history.keyCount ? (history.keyCount > history.keys.length ? `${history.keyCount.toLocaleString("en-GB")} in all; the newest ${history.keys.length} are shown.` : undefined) : "None yet."}
        actions={history.keyCount > history.keys.length ? <SeeAll href={`/admin/keys?org=${org.id}`}>All {history.keyCount.toLocaleString("en-GB")} keys</SeeAll> : undefined}
      >
        {history.keys.length > 0 && (
          <OrgKeysTable keys={history.keys} caption={`Keys of ${org.legalName}`} compact />
        )}
      </Section>

      <Section
        id="org-requests"
        title="Other requests from this organisation"
        description={history.requestCount ? (history.requestCount > history.requests.length ? `${history.requestCount.toLocaleString("en-GB")} in all; the newest ${history.requests.length} are shown.` : undefined) : "This is its first request."}
        actions={history.requestCount > history.requests.length ? <SeeAll href={`/admin/requests?org=${org.id}`}>All {history.requestCount.toLocaleString("en-GB")} requests</SeeAll> : undefined}
      >
        {history.requests.length > 0 && (
          <OrgRequestsTable requests={history.requests} caption={`Other requests of ${org.legalName}`} submitted="date" showRejectionReason />
        )}
      </Section>
    </>
  );
}
