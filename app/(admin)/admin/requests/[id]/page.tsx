import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { EnvironmentBadge, keyTypeLabel, labelOf, organizationKindLabel, RequestStatusBadge, SuspendedBadge } from "@/components/admin/badges";
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
import { getKeyPolicy } from "@/lib/keys/policy-store";
import { KEY_POLICY } from "@/lib/keys/policy";
import { scopeText } from "@/lib/scopes/messages";
import { countryName } from "@/lib/organizations/countries";
import { RequestThread } from "@/components/requests/request-thread";
import { getRequestForAdmin, parseJustifications } from "@/lib/requests/service";
import { EXPIRY_CHOICES, expiryChoiceMessage } from "@/lib/requests/schemas";
import { getRequestThread } from "@/lib/requests/thread";
import { getScope } from "@/lib/scopes/catalog";
import { parseScopes } from "@/lib/scopes/enforcement";
import { ConfirmPanel } from "./_components/confirm-panel";
import { DecisionPanel } from "./_components/decision-panel";
import { getReviewSettings, secondApprovalReason } from "@/lib/review/settings";
import { db } from "@/lib/db";
import { requestTranslator } from "@/lib/i18n/translator";
import { translateMessage } from "@/lib/i18n/translate-message";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.request");
  return { title: t("metaTitle") };
}

const RISK_TONE = { low: "green", medium: "amber", high: "red" } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AdminRequestPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdminPage();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const request = await getRequestForAdmin(id);
  if (!request) notFound();
  const org = request.organization;
  const [history, thread, settings, firstApprover, tr, t, o, scopesT, locale, policy] = await Promise.all([
    getOrganizationHistory(org.id, request.id),
    getRequestThread(request.id, "admin"),
    getReviewSettings(),
    request.firstApprovedById ? db.user.findUnique({ where: { id: request.firstApprovedById }, select: { email: true } }) : null,
    requestTranslator(),
    getTranslations("admin.request"),
    getTranslations("admin.organisation"),
    getTranslations("scopes"),
    getLocale(),
    getKeyPolicy(),
  ]);
  const proposal = request.proposal ? (JSON.parse(request.proposal) as { grantedScopes: string[]; expiry: string | null; note: string }) : null;
  const requested = parseScopes(request.requestedScopes);
  const granted = parseScopes(request.grantedScopes);
  const justifications = parseJustifications(request.justifications);
  const keyType = KEY_TYPES.find((k) => k.id === request.keyType);
  const proposedExpiry = proposal?.expiry ? EXPIRY_CHOICES.find((c) => c.id === proposal.expiry) : undefined;
  // A review.twoPerson.* message (lib/review/settings), in the reader's language.
  const twoPersonRule = secondApprovalReason(settings, { type: request.keyType, environment: request.environment, scopes: requested });

  return (
    <>
      <BackLink href={request.status === "pending" ? "/admin/requests?status=pending" : "/admin/requests"}>{request.status === "pending" ? t("backPending") : t("backAll")}</BackLink>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {request.keyName} <RequestStatusBadge status={request.status} />
          </span>
        }
        description={
          <>{t.rich("description", { organisation: org.legalName, type: request.keyType, time: () => <Time value={request.createdAt} relative /> })}</>
        }
      />
      {org.suspendedAt && (
        <div className="mb-6">
          <Alert tone="warning" title={o("suspendedTitle")}>
            {t.rich("suspendedBody", {
              link: (chunks) => (
                <Link className="underline" href={`/admin/organisations/${org.id}`}>
                  {chunks}
                </Link>
              ),
            })}
          </Alert>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card className="p-4 sm:p-5">
            <h2 className="mb-4 text-lg font-semibold">{t("theRequest")}</h2>
            <DetailList>
              <Detail label={t("keyName")}>{request.keyName}</Detail>
              <Detail label={t("environment")}>
                <EnvironmentBadge environment={request.environment} />
              </Detail>
              <Detail label={t("keyType")} wide>
                {keyTypeLabel(request.keyType, tr)}
                {keyType && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{labelOf(tr, `requests.keyTypes.${keyType.id}.description`, keyType.description)}</span>}
              </Detail>
              <Detail label={t("useCase")} wide>
                <p className="whitespace-pre-wrap">{request.useCase}</p>
              </Detail>
            </DetailList>
            <h3 className="mt-6 mb-2 text-sm font-semibold">{t("requestedScopes")}</h3>
            <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800" data-testid="requested-scopes">
              {requested.map((id) => {
                const scope = getScope(id);
                return (
                  <li key={id} className="p-3">
                    <div className="flex flex-wrap items-center gap-2">
                      <ScopeLink scope={id} newTab />
                      {scope && <Badge tone={RISK_TONE[scope.risk]}>{tr(`scopes.risk.${scope.risk}`)}</Badge>}
                    </div>
                    {scope && <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">{scopeText(scopesT, scope).description}</p>}
                    {justifications[id] && (
                      <blockquote className="mt-2 border-l-2 border-amber-400 pl-3 text-sm whitespace-pre-wrap text-zinc-800 dark:text-zinc-200">
                        <span className="block text-xs font-medium text-zinc-500 dark:text-zinc-400">{t("justification")}</span>
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
              <h2 className="mb-4 text-lg font-semibold">{t("conversation")}</h2>
              <RequestThread entries={thread} audience="admin" submitted={{ at: request.createdAt, by: request.requester }} viewerEmail={admin.email} />
            </Card>
          )}

          {request.status === "awaiting_second_approval" ? (
            <>
              <Card className="p-4 sm:p-5" data-testid="first-approval">
                <h2 className="mb-4 text-lg font-semibold">{t("firstApprovalTitle")}</h2>
                <DetailList>
                  <Detail label={t("firstApproval")}>
                    <Time value={request.firstApprovedAt} />
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                      {t("by", { who: request.firstApprovedById === admin.id ? t("you") : (firstApprover?.email ?? t("anotherAdmin")) })}
                    </span>
                  </Detail>
                  <Detail label={t("expiry")}>
                    {proposedExpiry ? translateMessage(tr, expiryChoiceMessage(proposedExpiry)) : (proposal?.expiry ?? t("policyMaximum"))}
                  </Detail>
                  <Detail label={t("scopesToGrant")} wide>
                    <ScopeList scopes={proposal?.grantedScopes ?? []} />
                  </Detail>
                  {proposal?.note && (
                    <Detail label={t("noteToPartner")} wide>
                      <p className="whitespace-pre-wrap">{proposal.note}</p>
                    </Detail>
                  )}
                </DetailList>
              </Card>
              <ConfirmPanel requestId={request.id} ownApproval={request.firstApprovedById === admin.id} />
            </>
          ) : request.status === "changes_requested" ? (
            <Card className="p-4 sm:p-5" data-testid="decision">
              <h2 className="text-lg font-semibold">{t("waitingTitle")}</h2>
              <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("waitingBody")}</p>
            </Card>
          ) : request.status === "pending" ? (
            <>
            {twoPersonRule && (
              <Alert tone="info" title={tr("review.twoPerson.title")}>
                {translateMessage(tr, twoPersonRule)} {tr("review.twoPerson.confirmNote")}
              </Alert>
            )}
            {/* The key policy's refusals (keys.policy.*) and the lifetimes (keys.lifetime) are translated in the form, the
                scope checklist and links read "scopes"; "admin" as the layout gives it. */}
            <ClientMessages namespaces={["admin", "keys", "scopes"]}>
              <DecisionPanel
                requestId={request.id}
                requested={requested}
                organizationSuspended={!!org.suspendedAt}
                keyType={request.keyType as KeyType}
                environment={request.environment as Environment}
                organizationCopaRun={org.copaRun}
                keyPolicyWhy={labelOf(tr, `requests.keyTypes.${request.keyType}.why`, KEY_POLICY[request.keyType as KeyType]?.why ?? "")}
                policy={policy}
              />
            </ClientMessages>
            </>
          ) : (
            <Card className="p-4 sm:p-5" data-testid="decision">
              <h2 className="mb-4 text-lg font-semibold">{t("decisionTitle")}</h2>
              <DetailList>
                <Detail label={t("outcome")}>
                  <RequestStatusBadge status={request.status} />
                </Detail>
                <Detail label={request.status === "withdrawn" ? t("withdrawn") : t("decided")}>
                  <Time value={request.decidedAt} />
                  {request.decidedBy && (
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                      {t(request.status === "withdrawn" ? "byPartner" : "by", { who: request.decidedBy.email === admin.email ? t("you") : request.decidedBy.email })}
                    </span>
                  )}
                </Detail>
                {request.status === "approved" && (
                  <>
                    <Detail label={t("grantedScopes")} wide>
                      <ScopeList scopes={granted} />
                    </Detail>
                    <Detail label={t("key")} wide>
                      {request.key ? (
                        <>
                          <Link className="text-brand-700 underline dark:text-brand-100" href={`/admin/keys/${request.key.id}`}>
                            {t("openKey")}
                          </Link>
                          {request.key.status === "pending" && (
                            <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t("awaitingReveal")}</span>
                          )}
                        </>
                      ) : (
                        t("noKey")
                      )}
                    </Detail>
                  </>
                )}
                {request.decisionNote && (
                  <Detail label={request.status === "rejected" ? t("reasonGiven") : t("noteToPartner")} wide>
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
              {t("organisation")} <SuspendedBadge since={org.suspendedAt} />
            </h2>
            <DetailList>
              <Detail label={o("legalName")} wide>
                <Link href={`/admin/organisations/${org.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                  {org.legalName}
                </Link>
              </Detail>
              <Detail label={o("kind")}>{organizationKindLabel(org.kind, tr)}</Detail>
              <Detail label={o("country")}>{countryName(org.country, locale)}</Detail>
              <Detail label={o("website")} wide>
                {org.website ? (
                  // Partner-supplied: never send our referrer or give the page a handle on ours.
                  <a href={org.website} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-700 underline dark:text-brand-100">
                    {org.website}
                  </a>
                ) : (
                  "—"
                )}
              </Detail>
              <Detail label={o("contact")} wide>
                <span className="break-all">{org.contactEmail}</span>
              </Detail>
              <Detail label={o("memberSince")}>
                <Time value={org.createdAt} dateOnly />
              </Detail>
              <Detail label={t("members")}>{history.members.toLocaleString(locale)}</Detail>
              {org.suspendedAt && (
                <Detail label={t("suspended")} wide>
                  <Time value={org.suspendedAt} />
                </Detail>
              )}
            </DetailList>
          </Card>
          <Card className="p-4 sm:p-5">
            <h2 className="mb-4 text-lg font-semibold">{t("requester")}</h2>
            <DetailList>
              <Detail label={t("name")} wide>
                {request.requester.name}
              </Detail>
              <Detail label={t("email")} wide>
                <span className="break-all">{request.requester.email}</span>
              </Detail>
            </DetailList>
          </Card>
        </aside>
      </div>

      <Section
        id="org-keys"
        title={t("keysTitle")}
        description={history.keyCount ? (history.keyCount > history.keys.length ? t("keysPartial", { count: history.keyCount, shown: history.keys.length }) : undefined) : t("noKeys")}
        actions={history.keyCount > history.keys.length ? <SeeAll href={`/admin/keys?org=${org.id}`}>{o("allKeys", { count: history.keyCount })}</SeeAll> : undefined}
      >
        {history.keys.length > 0 && (
          <OrgKeysTable keys={history.keys} caption={o("keysCaption", { name: org.legalName })} compact />
        )}
      </Section>

      <Section
        id="org-requests"
        title={t("requestsTitle")}
        description={history.requestCount ? (history.requestCount > history.requests.length ? t("requestsPartial", { count: history.requestCount, shown: history.requests.length }) : undefined) : t("noRequests")}
        actions={history.requestCount > history.requests.length ? <SeeAll href={`/admin/requests?org=${org.id}`}>{o("allRequests", { count: history.requestCount })}</SeeAll> : undefined}
      >
        {history.requests.length > 0 && (
          <OrgRequestsTable requests={history.requests} caption={t("requestsCaption", { name: org.legalName })} submitted="date" showRejectionReason />
        )}
      </Section>
    </>
  );
}
