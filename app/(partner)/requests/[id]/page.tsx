import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { ScopeComparison } from "@/components/requests/scope-comparison";
import { ScopeLink } from "@/components/scopes/scope-link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { Time } from "@/components/ui/time";
import { canManageKeys, requirePartnerPage } from "@/lib/auth/session";
import { ENVIRONMENTS, KEY_TYPES, type Environment, type KeyType } from "@/lib/keys/key-types";
import { RequestThread } from "@/components/requests/request-thread";
import { getOrganizationStanding } from "@/lib/organizations/service";
import { getOrganizationRequest, parseJustifications } from "@/lib/requests/service";
import { getRequestThread } from "@/lib/requests/thread";
import { isScopeId } from "@/lib/scopes/catalog";
import { RequestForm } from "../new/_components/request-form";
import { parseScopes } from "@/lib/scopes/enforcement";
import { WithdrawRequestButton } from "./_components/withdraw-request-button";

export const metadata: Metadata = { title: "Access request" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RequestPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requirePartnerPage(`/requests/${id}`);
  // Tenant-scoped read: another organisation's request is simply not found.
  const request = await getOrganizationRequest(user.membership.organizationId, id);
  if (!request) notFound();
  const query = await searchParams;
  const justSubmitted = query.submitted === "1";
  const justResubmitted = query.resubmitted === "1";
  const thread = await getRequestThread(request.id, "partner");

  const requested = parseScopes(request.requestedScopes);
  const granted = request.status === "approved" ? parseScopes(request.grantedScopes) : null;
  const justifications = parseJustifications(request.justifications);
  const keyType = KEY_TYPES.find((t) => t.id === request.keyType);
  const environment = ENVIRONMENTS.find((e) => e.id === request.environment);
  const canManage = canManageKeys(user.membership.role);
  const canWithdraw = (request.status === "pending" || request.status === "changes_requested") && canManage;
  const editing = request.status === "changes_requested" && canManage;
  const copaRun = editing ? ((await getOrganizationStanding(user.membership.organizationId))?.copaRun ?? false) : false;
  const lastAsk = [...thread].reverse().find((e) => e.kind === "changes_requested");

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/requests" className="hover:text-zinc-800 dark:hover:text-zinc-200">Requests</Link> <span aria-hidden>/</span>{" "}
        <span className="text-zinc-700 dark:text-zinc-300">{request.keyName}</span>
      </nav>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="break-words text-2xl font-semibold tracking-tight">{request.keyName}</h1>
            <RequestStatusBadge status={request.status} />
          </div>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {keyType?.label ?? request.keyType} key · {environment?.label ?? request.environment} · submitted <Time value={request.createdAt} /> by {request.requester.name}
          </p>
        </div>
        {canWithdraw && <WithdrawRequestButton requestId={request.id} keyName={request.keyName} />}
      </div>

      <div className="space-y-6">
        {justSubmitted && request.status === "pending" && (
          <Alert tone="success" title="Request submitted">
            A COPA admin will review it. Its status shows here and on the <Link href="/requests" className="underline">Requests</Link> page; once approved, the
            key appears under <Link href="/keys" className="underline">API keys</Link>.
          </Alert>
        )}

        {justResubmitted && request.status === "pending" && (
          <Alert tone="success" title="Request resubmitted">
            It is back with COPA for review, in its original place in the queue.
          </Alert>
        )}

        <Decision request={request} granted={granted} canManage={canManage} lastAsk={lastAsk?.body ?? null} />

        {/* A conversation, not just the decision the card above already shows. */}
        {thread.some((e) => e.kind === "changes_requested" || e.kind === "resubmitted") && (
          <Card className="p-5 sm:p-6">
            <h2 className="mb-4 font-semibold">Conversation with COPA</h2>
            <RequestThread entries={thread} audience="partner" submitted={{ at: request.createdAt, by: request.requester }} />
          </Card>
        )}

        {editing && (
          <section aria-labelledby="edit-request-title" className="space-y-4">
            <h2 id="edit-request-title" className="text-lg font-semibold">
              Edit and resubmit
            </h2>
            <RequestForm
              copaRun={copaRun}
              resubmit={{ requestId: request.id }}
              prefill={{
                keyName: request.keyName,
                keyType: request.keyType as KeyType,
                environment: request.environment as Environment,
                useCase: request.useCase,
                scopes: requested.filter(isScopeId),
                justifications,
              }}
            />
          </section>
        )}

        <Card className="p-5 sm:p-6">
          <h2 className="font-semibold">{request.status === "approved" ? "Requested versus granted scopes" : "Requested scopes"}</h2>
          {granted && (
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">The key can use the granted scopes only. Need another one? Submit a new request.</p>
          )}
          <div className="mt-3">
            <ScopeComparison requested={requested} granted={granted} />
          </div>
          {Object.keys(justifications).length > 0 && (
            <div className="mt-5">
              <h3 className="text-sm font-medium">Justifications</h3>
              <dl className="mt-2 space-y-3">
                {Object.entries(justifications).map(([scope, text]) => (
                  <div key={scope} className="rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-800/50">
                    <dt>
                      <ScopeLink scope={scope} />
                    </dt>
                    <dd className="mt-1 whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{text}</dd>
                  </div>
                ))}
              </dl>
            </div>
          )}
        </Card>

        <Card className="p-5 sm:p-6">
          <h2 className="font-semibold">What you submitted</h2>
          <dl className="mt-3 grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
            <Item term="Key name">{request.keyName}</Item>
            <Item term="Requested by">
              {request.requester.name} <span className="text-zinc-500 dark:text-zinc-400">({request.requester.email})</span>
            </Item>
            <Item term="Key type">
              {keyType?.label ?? request.keyType}
              {keyType && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{keyType.description}</span>}
            </Item>
            <Item term="Environment">
              {environment?.label ?? request.environment}
              {environment && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{environment.description}</span>}
            </Item>
            <Item term="Use case" className="sm:col-span-2">
              <span className="whitespace-pre-wrap">{request.useCase}</span>
            </Item>
          </dl>
        </Card>
      </div>
    </>
  );
}

/** One term of a <dl>: the div wraps exactly one dt and dd, as the HTML spec allows (no further nesting). */
function Item({ term, children, className = "" }: { term: string; children: React.ReactNode; className?: string }) {
  return (
    <div className={`min-w-0 ${className}`}>
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{term}</dt>
      <dd className="mt-1 break-words text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

type RequestRow = NonNullable<Awaited<ReturnType<typeof getOrganizationRequest>>>;

function Decision({ request, granted, canManage, lastAsk }: { request: RequestRow; granted: string[] | null; canManage: boolean; lastAsk: string | null }) {
  switch (request.status) {
    case "changes_requested":
      return (
        <Alert tone="warning" title="COPA asked for changes">
          {lastAsk && <p className="whitespace-pre-wrap">{lastAsk}</p>}
          <p className="mt-2">
            {canManage
              ? "Edit the request below and resubmit it; it returns to the review queue in its original place. You can also withdraw it."
              : "An owner or a developer of your organisation can edit and resubmit it."}
          </p>
        </Alert>
      );
    case "pending":
      return (
        <Alert tone="info" title="Awaiting review">
          Submitted <Time value={request.createdAt} relative />. You can withdraw the request while it is pending.
        </Alert>
      );
    case "approved":
      return (
        <Card className="border-green-200 p-5 sm:p-6 dark:border-green-900">
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div>
              <h2 className="font-semibold text-green-800 dark:text-green-300">Approved</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
                Decided <Time value={request.decidedAt} /> by the COPA review team. Granted {granted?.length ?? 0} scope{granted?.length === 1 ? "" : "s"}.
              </p>
            </div>
            {request.key && (
              <LinkButton href={`/keys/${request.key.id}`} variant={request.key.status === "pending" ? "primary" : "secondary"}>
                {request.key.status === "pending" ? "Reveal your key" : "View the key"}
              </LinkButton>
            )}
          </div>
          {request.decisionNote && (
            <blockquote className="mt-4 border-l-2 border-green-300 pl-3 text-sm whitespace-pre-wrap text-zinc-700 dark:border-green-800 dark:text-zinc-300">
              <span className="block text-xs font-medium text-zinc-500 dark:text-zinc-400">Note from COPA</span>
              {request.decisionNote}
            </blockquote>
          )}
        </Card>
      );
    case "rejected":
      return (
        <Alert tone="error" title="Rejected">
          <p>
            Decided <Time value={request.decidedAt} /> by the COPA review team.
          </p>
          {request.decisionNote && (
            <p className="mt-2 whitespace-pre-wrap">
              <span className="font-medium">Reason: </span>
              {request.decisionNote}
            </p>
          )}
          {canManage && (
            <p className="mt-2">
              You can address the reason and submit a new request:{" "}
              <Link href={`/requests/new?from=${request.id}`} className="font-medium underline">
                Start a new request from this one
              </Link>{" "}
              (its answers filled in for you to change).
            </p>
          )}
        </Alert>
      );
    case "withdrawn":
      return (
        <Alert tone="info" title="Withdrawn">
          Withdrawn <Time value={request.decidedAt} /> by {request.decidedBy?.name ?? "your organisation"}. No key was issued.
        </Alert>
      );
    default:
      return null;
  }
}
