import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditEventTable } from "@/components/admin/audit-event-list";
import { organizationKindLabel, RoleBadge, SuspendedBadge } from "@/components/admin/badges";
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

export const metadata: Metadata = { title: "Organisation" };

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

  return (
    <>
      <BackLink href="/admin/organisations">All organisations</BackLink>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {org.legalName} <SuspendedBadge since={org.suspendedAt} />
            {org.copaRun && <Badge tone="blue">COPA-run</Badge>}
          </span>
        }
        description={`${organizationKindLabel(org.kind)} · ${countryName(org.country)}`}
      />

      {org.suspendedAt && (
        <div className="mb-6">
          <Alert tone="error" title="This organisation is suspended">
            <p>Its keys are refused by the API and it cannot submit requests.</p>
            <p className="mt-2">
              <span className="font-medium">Since:</span> <Time value={org.suspendedAt} />
            </p>
            <p className="whitespace-pre-wrap">
              <span className="font-medium">Reason:</span> {org.suspendedReason ?? "none given"}
            </p>
          </Alert>
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="p-4 sm:p-5 lg:col-span-2">
          <DetailList>
            <Detail label="Legal name">{org.legalName}</Detail>
            <Detail label="Kind">{organizationKindLabel(org.kind)}</Detail>
            <Detail label="Country">{countryName(org.country)}</Detail>
            <Detail label="Website">
              {org.website ? (
                // Partner-supplied: no referrer, no opener.
                <a href={org.website} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-brand-700 underline dark:text-brand-100">
                  {org.website}
                </a>
              ) : (
                "—"
              )}
            </Detail>
            <Detail label="Contact">
              <span className="break-all">{org.contactEmail}</span>
            </Detail>
            <Detail label="Member since">
              <Time value={org.createdAt} dateOnly />
            </Detail>
          </DetailList>
        </Card>
        <Card className="p-4 sm:p-5">
          <h2 className="mb-1 font-semibold">{org.suspendedAt ? "Reactivate" : "Suspend"}</h2>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            {org.suspendedAt ? "Lift the suspension: keys work again at once." : "Stop every key of this organisation at once, without deleting anything."}
          </p>
          <SuspensionPanel organizationId={org.id} organizationName={org.legalName} suspended={!!org.suspendedAt} activeKeys={activeKeys} />
          <h2 className="mt-6 mb-1 font-semibold">COPA-run</h2>
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
            {org.copaRun ? "Run by COPA: it may hold system keys." : "Not run by COPA: it cannot hold system keys."}
          </p>
          <CopaRunPanel organizationId={org.id} organizationName={org.legalName} copaRun={org.copaRun} />
        </Card>
      </div>

      <Section id="members" title="Members" description={`${memberCount.toLocaleString("en-GB")} ${memberCount === 1 ? "person" : "people"}${memberCount > org.memberships.length ? `; the first ${org.memberships.length} to join are shown` : ""}.`}>
        <DataTable caption={`Members of ${org.legalName}`}>
          <THead>
            <TH>Person</TH>
            <TH>Role here</TH>
            <TH>Account</TH>
            <TH>Last sign-in</TH>
          </THead>
          <TBody>
            {org.memberships.map((m) => (
              <TR key={m.id}>
                <TD label="Person">
                  <Link href={`/admin/users/${m.user.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                    {m.user.name}
                  </Link>
                  <span className="block text-xs break-all text-zinc-500 dark:text-zinc-400">{m.user.email}</span>
                </TD>
                <TD label="Role here" className="capitalize">
                  {m.role}
                </TD>
                <TD label="Account">
                  <span className="flex flex-wrap gap-1.5">
                    <RoleBadge role={m.user.role} />
                    {m.user.disabled && <Badge tone="red">Disabled</Badge>}
                  </span>
                </TD>
                <TD label="Last sign-in" className="whitespace-nowrap">
                  <Time value={m.user.lastSignInAt} relative fallback="Never" />
                </TD>
              </TR>
            ))}
          </TBody>
        </DataTable>
      </Section>

      <Section
        id="keys"
        title="Keys"
        description={history.keyCount ? `${activeKeys.toLocaleString("en-GB")} active of ${history.keyCount.toLocaleString("en-GB")}${history.keyCount > history.keys.length ? `; the newest ${history.keys.length} are shown` : ""}.` : "No keys yet."}
        actions={history.keyCount > history.keys.length ? <SeeAll href={`/admin/keys?org=${org.id}`}>All {history.keyCount.toLocaleString("en-GB")} keys</SeeAll> : undefined}
      >
        {history.keys.length > 0 && (
          <OrgKeysTable keys={history.keys} caption={`Keys of ${org.legalName}`} now={now} />
        )}
      </Section>

      <Section
        id="requests"
        title="Access requests"
        description={history.requestCount ? (history.requestCount > history.requests.length ? `${history.requestCount.toLocaleString("en-GB")} in all; the newest ${history.requests.length} are shown.` : undefined) : "No requests yet."}
        actions={history.requestCount > history.requests.length ? <SeeAll href={`/admin/requests?org=${org.id}`}>All {history.requestCount.toLocaleString("en-GB")} requests</SeeAll> : undefined}
      >
        {history.requests.length > 0 && (
          <OrgRequestsTable requests={history.requests} caption={`Access requests of ${org.legalName}`} submitted="relative" />
        )}
      </Section>

      <Section
        id="activity"
        title="Recent activity"
        description="The latest audit events of this organisation."
        actions={
          <Link href={`/admin/audit?org=${org.id}`} className="text-sm text-brand-700 underline dark:text-brand-100">
            Full history in the audit log
          </Link>
        }
      >
        <AuditEventTable events={events} caption={`Recent audit events of ${org.legalName}`} showOrganization={false} />
      </Section>
    </>
  );
}
