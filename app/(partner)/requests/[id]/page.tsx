import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { ScopeComparison } from "@/components/requests/scope-comparison";
import { ScopeLink } from "@/components/scopes/scope-link";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { Time } from "@/components/ui/time";
import { canManageKeys, requirePartnerPage } from "@/lib/auth/session";
import { ENVIRONMENT_IDS, KEY_TYPE_IDS, type Environment, type KeyType } from "@/lib/keys/key-types";
import { RequestThread } from "@/components/requests/request-thread";
import { getKeyPolicy } from "@/lib/keys/policy-store";
import { getOrganizationStanding } from "@/lib/organizations/service";
import { getOrganizationRequest, parseJustifications } from "@/lib/requests/service";
import { getRequestThread } from "@/lib/requests/thread";
import { isScopeId } from "@/lib/scopes/catalog";
import { RequestForm } from "../new/_components/request-form";
import { parseScopes } from "@/lib/scopes/enforcement";
import { WithdrawRequestButton } from "./_components/withdraw-request-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests.detail");
  return { title: t("metaTitle") };
}
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
  const t = await getTranslations("requests");
  const keyType = KEY_TYPE_IDS.find((id) => id === request.keyType);
  const environment = ENVIRONMENT_IDS.find((id) => id === request.environment);
  const keyTypeLabel = keyType ? t(`keyTypes.${keyType}.label`) : request.keyType;
  const environmentLabel = environment ? t(`environments.${environment}.label`) : request.environment;
  const canManage = canManageKeys(user.membership.role);
  const canWithdraw = (request.status === "pending" || request.status === "changes_requested") && canManage;
  const editing = request.status === "changes_requested" && canManage;
  const copaRun = editing ? ((await getOrganizationStanding(user.membership.organizationId))?.copaRun ?? false) : false;
  const lastAsk = [...thread].reverse().find((e) => e.kind === "changes_requested");

  return (
    <>
      <nav aria-label={t("breadcrumb.label")} className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/requests" className="hover:text-zinc-800 dark:hover:text-zinc-200">{t("breadcrumb.requests")}</Link> <span aria-hidden>/</span>{" "}
        <span className="text-zinc-700 dark:text-zinc-300">{request.keyName}</span>
      </nav>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="break-words text-2xl font-semibold tracking-tight">{request.keyName}</h1>
            <RequestStatusBadge status={request.status} />
          </div>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {t.rich("detail.subtitle", {
              type: keyTypeLabel,
              environment: environmentLabel,
              name: request.requester.name,
              time: () => <Time value={request.createdAt} />,
            })}
          </p>
        </div>
        {canWithdraw && (
          <ClientMessages namespaces={["requests"]}>
            <WithdrawRequestButton requestId={request.id} keyName={request.keyName} />
          </ClientMessages>
        )}
      </div>

      <div className="space-y-6">
        {justSubmitted && request.status === "pending" && (
          <Alert tone="success" title={t("detail.submittedTitle")}>
            {t.rich("detail.submittedBody", {
              requests: (chunks) => (
                <Link href="/requests" className="underline">
                  {chunks}
                </Link>
              ),
              keys: (chunks) => (
                <Link href="/keys" className="underline">
                  {chunks}
                </Link>
              ),
            })}
          </Alert>
        )}

        {justResubmitted && request.status === "pending" && (
          <Alert tone="success" title={t("detail.resubmittedTitle")}>
            {t("detail.resubmittedBody")}
          </Alert>
        )}

        <Decision request={request} granted={granted} canManage={canManage} lastAsk={lastAsk?.body ?? null} t={t} />

        {/* A conversation, not just the decision the card above already shows. */}
        {thread.some((e) => e.kind === "changes_requested" || e.kind === "resubmitted") && (
          <Card className="p-5 sm:p-6">
            <h2 className="mb-4 font-semibold">{t("detail.conversation")}</h2>
            <RequestThread entries={thread} audience="partner" submitted={{ at: request.createdAt, by: request.requester }} />
          </Card>
        )}

        {editing && (
          <section aria-labelledby="edit-request-title" className="space-y-4">
            <h2 id="edit-request-title" className="text-lg font-semibold">
              {t("detail.editTitle")}
            </h2>
            <ClientMessages namespaces={["requests", "scopes", "keys"]}>
            <RequestForm
              copaRun={copaRun}
              policy={await getKeyPolicy()}
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
            </ClientMessages>
          </section>
        )}

        <Card className="p-5 sm:p-6">
          <h2 className="font-semibold">{request.status === "approved" ? t("detail.scopesVersus") : t("detail.scopesRequested")}</h2>
          {granted && (
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("detail.grantedOnly")}</p>
          )}
          <div className="mt-3">
            <ScopeComparison requested={requested} granted={granted} />
          </div>
          {Object.keys(justifications).length > 0 && (
            <div className="mt-5">
              <h3 className="text-sm font-medium">{t("detail.justifications")}</h3>
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
          <h2 className="font-semibold">{t("detail.submittedCard")}</h2>
          <dl className="mt-3 grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
            <Item term={t("detail.keyName")}>{request.keyName}</Item>
            <Item term={t("detail.requestedBy")}>
              {request.requester.name} <span className="text-zinc-500 dark:text-zinc-400">({request.requester.email})</span>
            </Item>
            <Item term={t("detail.keyType")}>
              {keyTypeLabel}
              {keyType && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t(`keyTypes.${keyType}.description`)}</span>}
            </Item>
            <Item term={t("detail.environment")}>
              {environmentLabel}
              {environment && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t(`environments.${environment}.description`)}</span>}
            </Item>
            <Item term={t("detail.useCase")} className="sm:col-span-2">
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

type Translate = Awaited<ReturnType<typeof getTranslations<"requests">>>;

function Decision({ request, granted, canManage, lastAsk, t }: { request: RequestRow; granted: string[] | null; canManage: boolean; lastAsk: string | null; t: Translate }) {
  const time = (value: Date | null, relative = false) => () => <Time value={value} relative={relative} />;
  switch (request.status) {
    case "changes_requested":
      return (
        <Alert tone="warning" title={t("detail.changesTitle")}>
          {lastAsk && <p className="whitespace-pre-wrap">{lastAsk}</p>}
          <p className="mt-2">
            {canManage ? t("detail.changesCanEdit") : t("detail.changesCannotEdit")}
          </p>
        </Alert>
      );
    case "pending":
      return (
        <Alert tone="info" title={t("detail.pendingTitle")}>
          {t.rich("detail.pendingBody", { time: time(request.createdAt, true) })}
        </Alert>
      );
    case "approved":
      return (
        <Card className="border-green-200 p-5 sm:p-6 dark:border-green-900">
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div>
              <h2 className="font-semibold text-green-800 dark:text-green-300">{t("detail.approvedTitle")}</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t.rich("detail.approvedBody", { count: granted?.length ?? 0, time: time(request.decidedAt) })}</p>
            </div>
            {request.key && (
              <LinkButton href={`/keys/${request.key.id}`} variant={request.key.status === "pending" ? "primary" : "secondary"}>
                {request.key.status === "pending" ? t("detail.revealKey") : t("detail.viewKey")}
              </LinkButton>
            )}
          </div>
          {request.decisionNote && (
            <blockquote className="mt-4 border-l-2 border-green-300 pl-3 text-sm whitespace-pre-wrap text-zinc-700 dark:border-green-800 dark:text-zinc-300">
              <span className="block text-xs font-medium text-zinc-500 dark:text-zinc-400">{t("detail.noteFromCopa")}</span>
              {request.decisionNote}
            </blockquote>
          )}
        </Card>
      );
    case "rejected":
      return (
        <Alert tone="error" title={t("detail.rejectedTitle")}>
          <p>{t.rich("detail.decided", { time: time(request.decidedAt) })}</p>
          {request.decisionNote && (
            <p className="mt-2 whitespace-pre-wrap">
              <span className="font-medium">{t("detail.reason")}</span>
              {request.decisionNote}
            </p>
          )}
          {canManage && (
            <p className="mt-2">
              {t.rich("detail.startAgain", {
                link: (chunks) => (
                  <Link href={`/requests/new?from=${request.id}`} className="font-medium underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          )}
        </Alert>
      );
    case "withdrawn":
      return (
        <Alert tone="info" title={t("detail.withdrawnTitle")}>
          {t.rich("detail.withdrawnBody", { time: time(request.decidedAt), name: request.decidedBy?.name ?? t("detail.yourOrganisation") })}
        </Alert>
      );
    default:
      return null;
  }
}
