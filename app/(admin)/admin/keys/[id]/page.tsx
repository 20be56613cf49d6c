import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditEventTable } from "@/components/admin/audit-event-list";
import { EnvironmentBadge, KeyStateBadge, keyTypeLabel, SuspendedBadge } from "@/components/admin/badges";
import { BackLink, Detail, DetailList, Section } from "@/components/admin/detail-list";
import { ScopeList } from "@/components/admin/scope-list";
import { Alert } from "@/components/ui/alert";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { KeyRateLimits } from "@/components/usage/key-rate-limits";
import { UsageChart } from "@/components/usage/usage-chart";
import { getKeyForAdmin, getRotationChain, listKeyAuditEvents } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";
import { keyState } from "@/lib/keys/status";
import { getKeyUsage } from "@/lib/usage";
import { parseScopes } from "@/lib/scopes/enforcement";
import { getPendingScopeChange } from "@/lib/keys/scope-changes";
import { db } from "@/lib/db";
import { RevokeKeyForm } from "./_components/revoke-key-form";
import { ScopeChangeDecision } from "./_components/scope-change-decision";

export const metadata: Metadata = { title: "Key" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function Person({ person, fallback }: { person: { id?: string; name: string; email: string } | null; fallback: string }) {
  if (!person) return <span className="text-zinc-500 dark:text-zinc-400">{fallback}</span>;
  return person.id ? (
    <Link href={`/admin/users/${person.id}`} className="hover:underline">
      {person.email}
    </Link>
  ) : (
    <>{person.email}</>
  );
}

export default async function AdminKeyPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdminPage();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const key = await getKeyForAdmin(id);
  if (!key) notFound();
  const now = new Date();
  const [chain, events, usage, pendingChange] = await Promise.all([getRotationChain(key.id), listKeyAuditEvents(key), getKeyUsage(key.id), getPendingScopeChange(key.id)]);
  const state = keyState(key, now);

  return (
    <>
      <BackLink href="/admin/keys">All keys</BackLink>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {key.name} <KeyStateBadge keyRow={key} now={now} />
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/admin/organisations/${key.organization.id}`} className="underline-offset-2 hover:underline">
              {key.organization.legalName}
            </Link>
            <SuspendedBadge since={key.organization.suspendedAt} />
          </span>
        }
      />
      {key.organization.suspendedAt && state === "active" && (
        <div className="mb-6">
          <Alert tone="warning">The organisation is suspended, so the API refuses this key even though it is active.</Alert>
        </div>
      )}

      <Card className="p-4 sm:p-5">
        <DetailList>
          <Detail label="Key">
            <code className="break-all">{key.mask ?? "Not revealed yet"}</code>
          </Detail>
          <Detail label="Type and environment">
            <span className="flex flex-wrap items-center gap-2">
              {keyTypeLabel(key.type)} <EnvironmentBadge environment={key.environment} />
            </span>
          </Detail>
          <Detail label="Scopes" wide>
            <ScopeList scopes={parseScopes(key.scopes)} />
          </Detail>
          <Detail label="Issued">
            <Time value={key.createdAt} />
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">
              by <Person person={key.createdBy} fallback="unknown" />
            </span>
          </Detail>
          <Detail label="Revealed">
            <Time value={key.revealedAt} fallback="Not yet" />
          </Detail>
          <Detail label="Expires">
            <Time value={key.expiresAt} fallback="No expiry" />
          </Detail>
          <Detail label="Last used">
            <Time value={key.lastUsedAt} relative fallback="Never" />
            {key.lastUsedIp && <span className="block font-mono text-xs text-zinc-500 dark:text-zinc-400">from {key.lastUsedIp}</span>}
          </Detail>
          <Detail label="Issued for">
            {key.request ? (
              <Link href={`/admin/requests/${key.request.id}`} className="text-brand-700 underline dark:text-brand-100">
                Access request of <Time value={key.request.createdAt} dateOnly />
              </Link>
            ) : key.rotatedFromId ? (
              <Link href={`/admin/keys/${key.rotatedFromId}`} className="text-brand-700 underline dark:text-brand-100">
                Rotation of an earlier key
              </Link>
            ) : (
              "—"
            )}
          </Detail>
          {key.revokedAt && (
            <>
              <Detail label="Revoked">
                <Time value={key.revokedAt} />
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                  by <Person person={key.revokedBy} fallback="unknown" />
                </span>
              </Detail>
              <Detail label="Reason">{key.revokedReason ?? "—"}</Detail>
            </>
          )}
        </DetailList>
      </Card>

      {pendingChange && (
        <Section id="scope-change" title="Scope change waiting for review" description="The partner asked to add scopes to this key. On approval the key keeps its secret and its next API call uses the new scopes.">
          <Card className="space-y-3 p-4 sm:p-5" data-testid="scope-change-review">
            <DetailList>
              <Detail label="Add" wide>
                <ScopeList scopes={parseScopes(pendingChange.addScopes)} />
              </Detail>
              {pendingChange.removeScopes && (
                <Detail label="Removed at once" wide>
                  <ScopeList scopes={parseScopes(pendingChange.removeScopes)} />
                </Detail>
              )}
              <Detail label="Reason" wide>
                <p className="whitespace-pre-wrap">{pendingChange.reason}</p>
              </Detail>
              <Detail label="Asked">
                <Time value={pendingChange.createdAt} relative />
              </Detail>
            </DetailList>
            <ScopeChangeDecision
              changeId={pendingChange.id}
              firstApproval={
                pendingChange.firstApprovedById
                  ? { byYou: pendingChange.firstApprovedById === admin.id, by: (await db.user.findUnique({ where: { id: pendingChange.firstApprovedById }, select: { email: true } }))?.email ?? "another admin" }
                  : undefined
              }
            />
          </Card>
        </Section>
      )}

      <Section id="usage" title="Usage and rate limits" description="Requests over the last 30 days, and how much of each rolling window the key has used right now.">
        <div className="space-y-4">
          <UsageChart usage={usage} />
          {/* editable: the admin's per-key limit form; its action is adminAction-wrapped. */}
          <KeyRateLimits keyId={key.id} rateLimitHour={key.rateLimitHour} rateLimitDay={key.rateLimitDay} editable={state !== "revoked"} />
        </div>
      </Section>

      <Section id="rotation" title="Rotation chain" description={chain.length > 1 ? "Oldest first. During a rotation's grace period, old and new both work." : "This key has not been rotated."}>
        {chain.length > 1 && (
          <ol className="space-y-2">
            {chain.map((link, i) => {
              const current = link.id === key.id;
              return (
                <li key={link.id} className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border px-3 py-2 text-sm ${current ? "border-brand-600 bg-brand-50/60 dark:bg-brand-900/20" : "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"}`} aria-current={current ? "true" : undefined}>
                  <span className="w-5 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{i + 1}.</span>
                  {current ? <code className="font-medium">{link.mask ?? "not revealed"}</code> : (
                    <Link href={`/admin/keys/${link.id}`} className="text-brand-700 underline dark:text-brand-100">
                      <code>{link.mask ?? "not revealed"}</code>
                    </Link>
                  )}
                  <KeyStateBadge keyRow={link} now={now} />
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">
                    created <Time value={link.createdAt} dateOnly />
                    {current && " · this key"}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </Section>

      {state !== "revoked" && (
        <Section id="revoke" title="Revoke">
          <Card className="border-red-200 p-4 sm:p-5 dark:border-red-900">
            <RevokeKeyForm keyId={key.id} keyName={key.name} organizationName={key.organization.legalName} isPending={state === "pending"} />
          </Card>
        </Section>
      )}

      <Section
        id="history"
        title="Audit trail"
        description="Events about this key, its request and the rotation that created it, newest first."
        actions={
          <Link href={`/admin/audit?target=${key.id}`} className="text-sm text-brand-700 underline dark:text-brand-100">
            Open in the audit log
          </Link>
        }
      >
        {events.length === 0 ? <EmptyState title="No events recorded" /> : <AuditEventTable events={events} caption="Audit events of this key" showOrganization={false} />}
      </Section>
    </>
  );
}
