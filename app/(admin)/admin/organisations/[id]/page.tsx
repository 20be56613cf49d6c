import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AuditEventTable } from "@/components/admin/audit-event-list";
import { adminTranslator, memberRoleLabel, organizationKindLabel, RoleBadge, SuspendedBadge } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { BackLink, Detail, DetailList, Section } from "@/components/admin/detail-list";
import { OrgKeysTable, OrgRequestsTable, SeeAll } from "@/components/admin/org-history-tables";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { getOrganizationForAdmin, getOrganizationHistory, listOrganizationAuditEvents } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";
import { countryName } from "@/lib/organizations/countries";
import { CopaRunPanel } from "./_components/copa-run-panel";
import { SuspensionPanel } from "./_components/suspension-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.organisation");
  return { title: t("metaTitle") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AdminOrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const org = await getOrganizationForAdmin(id);
  if (!org) notFound();
  const now = new Date();
  const [history, events] = await Promise.all([getOrganizationHistory(org.id, undefined, now), listOrganizationAuditEvents(org.id)]);
  const activeKeys = history.activeKeyCount;
  const memberCount = org._count.memberships;
  const [t, root, locale] = await Promise.all([getTranslations("admin.organisation"), adminTranslator(), getLocale()]);
  const kind = organizationKindLabel(org.kind, root);

  return (
    <>
      <BackLink href="/admin/organisations">{t("back")}</BackLink>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {org.legalName} <SuspendedBadge since={org.suspendedAt} />
            {org.copaRun && <Badge tone="blue">{t("copaRun")}</Badge>}
          </span>
        }
        description={`${kind} · ${countryName(org.country, locale)}`}
      />

      {org.suspendedAt && (
        <div className="mb-6">
          <Alert tone="error" title={t("suspendedTitle")}>
            <p>{t("suspendedBody")}</p>
            <p className="mt-2">
              <span className="font-medium">{t("suspendedSince")}</span> <Time value={org.suspendedAt} />
            </p>
            <p className="whitespace-pre-wrap">
              <span className="font-medium">{t("suspendedReason")}</span> {org.suspendedReason ?? t("noReason")}
            </p>
          </Alert>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="p-4 sm:p-5 lg:col-span-2">
          <DetailList>
            <Detail label={t("legalName")}>{org.legalName}</Detail>
            <Detail label={t("kind")}>{kind}</Detail>
            <Detail label={t("country")}>{countryName(org.country, locale)}</Detail>
            <Detail label={t("website")}>
              {org.website ? (
                // Partner-supplied: no referrer, no opener.
                <a href={org.website} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-brand-700 underline dark:text-brand-100">
                  {org.website}
                </a>
              ) : (
                "—"
              )}
            </Detail>
            <Detail label={t("contact")}>
              <span className="break-all">{org.contactEmail}</span>
            </Detail>
            <Detail label={t("memberSince")}>
              <Time value={org.createdAt} dateOnly />
            </Detail>
          </DetailList>
        </Card>
        <Card className="p-4 sm:p-5">
          <h2 className="mb-1 font-semibold">{org.suspendedAt ? t("reactivateHeading") : t("suspendHeading")}</h2>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            {org.suspendedAt ? t("reactivateIntro") : t("suspendIntro")}
          </p>
          <SuspensionPanel organizationId={org.id} organizationName={org.legalName} suspended={!!org.suspendedAt} activeKeys={activeKeys} />
          <h2 className="mt-6 mb-1 font-semibold">{t("copaRun")}</h2>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            {org.copaRun ? t("copaRunYes") : t("copaRunNo")}
          </p>
          <CopaRunPanel organizationId={org.id} organizationName={org.legalName} copaRun={org.copaRun} />
        </Card>
      </div>

      <Section
        id="members"
        title={t("members")}
        description={memberCount > org.memberships.length ? t("membersPartial", { count: memberCount, shown: org.memberships.length }) : t("membersAll", { count: memberCount })}
      >
        <DataTable caption={t("membersCaption", { name: org.legalName })}>
          <THead>
            <TH>{t("person")}</TH>
            <TH>{t("roleHere")}</TH>
            <TH>{t("account")}</TH>
            <TH>{t("lastSignIn")}</TH>
          </THead>
          <TBody>
            {org.memberships.map((m) => (
              <TR key={m.id}>
                <TD label={t("person")}>
                  <Link href={`/admin/users/${m.user.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                    {m.user.name}
                  </Link>
                  <span className="block text-xs break-all text-zinc-500 dark:text-zinc-400">{m.user.email}</span>
                </TD>
                <TD label={t("roleHere")} className="capitalize">
                  {memberRoleLabel(m.role, root)}
                </TD>
                <TD label={t("account")}>
                  <span className="flex flex-wrap gap-1.5">
                    <RoleBadge role={m.user.role} />
                    {m.user.disabled && <Badge tone="red">{t("disabled")}</Badge>}
                  </span>
                </TD>
                <TD label={t("lastSignIn")} className="whitespace-nowrap">
                  <Time value={m.user.lastSignInAt} relative fallback={t("never")} />
                </TD>
              </TR>
            ))}
          </TBody>
        </DataTable>
      </Section>

      <Section
        id="keys"
        title={t("keys")}
        description={
          history.keyCount
            ? history.keyCount > history.keys.length
              ? t("keysPartial", { active: activeKeys, total: history.keyCount, shown: history.keys.length })
              : t("keysAll", { active: activeKeys, total: history.keyCount })
            : t("noKeys")
        }
        actions={history.keyCount > history.keys.length ? <SeeAll href={`/admin/keys?org=${org.id}`}>{t("allKeys", { count: history.keyCount })}</SeeAll> : undefined}
      >
        {history.keys.length > 0 && (
          <OrgKeysTable keys={history.keys} caption={t("keysCaption", { name: org.legalName })} now={now} />
        )}
      </Section>

      <Section
        id="requests"
        title={t("requests")}
        description={history.requestCount ? (history.requestCount > history.requests.length ? t("requestsPartial", { count: history.requestCount, shown: history.requests.length }) : undefined) : t("noRequests")}
        actions={history.requestCount > history.requests.length ? <SeeAll href={`/admin/requests?org=${org.id}`}>{t("allRequests", { count: history.requestCount })}</SeeAll> : undefined}
      >
        {history.requests.length > 0 && (
          <OrgRequestsTable requests={history.requests} caption={t("requestsCaption", { name: org.legalName })} submitted="relative" />
        )}
      </Section>

      <Section
        id="activity"
        title={t("activity")}
        description={t("activityDescription")}
        actions={
          <Link href={`/admin/audit?org=${org.id}`} className="text-sm text-brand-700 underline dark:text-brand-100">
            {t("fullHistory")}
          </Link>
        }
      >
        <AuditEventTable events={events} caption={t("activityCaption", { name: org.legalName })} showOrganization={false} />
      </Section>
    </>
  );
}
