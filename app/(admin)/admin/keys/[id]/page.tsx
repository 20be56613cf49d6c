import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditEventTable } from "@/components/admin/audit-event-list";
import { adminTranslator, EnvironmentBadge, KeyStateBadge, keyTypeLabel, SuspendedBadge } from "@/components/admin/badges";
import { ClientMessages } from "@/components/i18n/client-messages";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.key");
  return { title: t("metaTitle") };
}

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
  const [t, root] = await Promise.all([getTranslations("admin.key"), adminTranslator()]);

  // The revoke and scope-change forms show field errors of lib/keys/schemas (the keys
  // namespace); the usage chart and limit form speak the usage namespace.
  return (
    <ClientMessages namespaces={["admin", "keys", "usage"]}>
      <BackLink href="/admin/keys">{t("back")}</BackLink>
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
          <Alert tone="warning">{t("suspendedWarning")}</Alert>
        </div>
      )}

      <Card className="p-4 sm:p-5">
        <DetailList>
          <Detail label={t("key")}>
            <code className="break-all">{key.mask ?? t("notRevealedYet")}</code>
          </Detail>
          <Detail label={t("typeAndEnvironment")}>
            <span className="flex flex-wrap items-center gap-2">
              {keyTypeLabel(key.type, root)} <EnvironmentBadge environment={key.environment} />
            </span>
          </Detail>
          <Detail label={t("scopes")} wide>
            <ScopeList scopes={parseScopes(key.scopes)} />
          </Detail>
          <Detail label={t("issued")}>
            <Time value={key.createdAt} />
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">
              {t("by")} <Person person={key.createdBy} fallback={t("unknown")} />
            </span>
          </Detail>
          <Detail label={t("revealed")}>
            <Time value={key.revealedAt} fallback={t("notYet")} />
          </Detail>
          <Detail label={t("expires")}>
            <Time value={key.expiresAt} fallback={t("noExpiry")} />
          </Detail>
          <Detail label={t("lastUsed")}>
            <Time value={key.lastUsedAt} relative fallback={t("never")} />
            {key.lastUsedIp && <span className="block font-mono text-xs text-zinc-500 dark:text-zinc-400">{t("from", { ip: key.lastUsedIp })}</span>}
          </Detail>
          <Detail label={t("issuedFor")}>
            {key.request ? (
              <Link href={`/admin/requests/${key.request.id}`} className="text-brand-700 underline dark:text-brand-100">
                {t("requestOf")} <Time value={key.request.createdAt} dateOnly />
              </Link>
            ) : key.rotatedFromId ? (
              <Link href={`/admin/keys/${key.rotatedFromId}`} className="text-brand-700 underline dark:text-brand-100">
                {t("rotationOf")}
              </Link>
            ) : (
              "—"
            )}
          </Detail>
          {key.revokedAt && (
            <>
              <Detail label={t("revoked")}>
                <Time value={key.revokedAt} />
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                  {t("by")} <Person person={key.revokedBy} fallback={t("unknown")} />
                </span>
              </Detail>
              <Detail label={t("reason")}>{key.revokedReason ?? "—"}</Detail>
            </>
          )}
        </DetailList>
      </Card>

      {pendingChange && (
        <Section id="scope-change" title={t("scopeChangeTitle")} description={t("scopeChangeDescription")}>
          <Card className="space-y-3 p-4 sm:p-5" data-testid="scope-change-review">
            <DetailList>
              <Detail label={t("add")} wide>
                <ScopeList scopes={parseScopes(pendingChange.addScopes)} />
              </Detail>
              {pendingChange.removeScopes && (
                <Detail label={t("removedAtOnce")} wide>
                  <ScopeList scopes={parseScopes(pendingChange.removeScopes)} />
                </Detail>
              )}
              <Detail label={t("reason")} wide>
                <p className="whitespace-pre-wrap">{pendingChange.reason}</p>
              </Detail>
              <Detail label={t("asked")}>
                <Time value={pendingChange.createdAt} relative />
              </Detail>
            </DetailList>
            <ScopeChangeDecision
              changeId={pendingChange.id}
              firstApproval={
                pendingChange.firstApprovedById
                  ? { byYou: pendingChange.firstApprovedById === admin.id, by: (await db.user.findUnique({ where: { id: pendingChange.firstApprovedById }, select: { email: true } }))?.email ?? t("anotherAdmin") }
                  : undefined
              }
            />
          </Card>
        </Section>
      )}

      <Section id="usage" title={t("usageTitle")} description={t("usageDescription")}>
        <div className="space-y-4">
          <UsageChart usage={usage} />
          {/* editable: the admin's per-key limit form; its action is adminAction-wrapped. */}
          <KeyRateLimits keyId={key.id} rateLimitHour={key.rateLimitHour} rateLimitDay={key.rateLimitDay} editable={state !== "revoked"} />
        </div>
      </Section>

      <Section id="rotation" title={t("rotationTitle")} description={chain.length > 1 ? t("rotationDescription") : t("notRotated")}>
        {chain.length > 1 && (
          <ol className="space-y-2">
            {chain.map((link, i) => {
              const current = link.id === key.id;
              return (
                <li key={link.id} className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-md border px-3 py-2 text-sm ${current ? "border-brand-600 bg-brand-50/60 dark:bg-brand-900/20" : "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"}`} aria-current={current ? "true" : undefined}>
                  <span className="w-5 text-xs text-zinc-500 tabular-nums dark:text-zinc-400">{i + 1}.</span>
                  {current ? <code className="font-medium">{link.mask ?? t("notRevealed")}</code> : (
                    <Link href={`/admin/keys/${link.id}`} className="text-brand-700 underline dark:text-brand-100">
                      <code>{link.mask ?? t("notRevealed")}</code>
                    </Link>
                  )}
                  <KeyStateBadge keyRow={link} now={now} />
                  <span className="text-xs text-zinc-500 dark:text-zinc-400">
                    {t("created")} <Time value={link.createdAt} dateOnly />
                    {current && ` · ${t("thisKey")}`}
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </Section>

      {state !== "revoked" && (
        <Section id="revoke" title={t("revokeTitle")}>
          <Card className="border-red-200 p-4 sm:p-5 dark:border-red-900">
            <RevokeKeyForm keyId={key.id} keyName={key.name} organizationName={key.organization.legalName} isPending={state === "pending"} />
          </Card>
        </Section>
      )}

      <Section
        id="history"
        title={t("auditTitle")}
        description={t("auditDescription")}
        actions={
          <Link href={`/admin/audit?target=${key.id}`} className="text-sm text-brand-700 underline dark:text-brand-100">
            {t("openAudit")}
          </Link>
        }
      >
        {events.length === 0 ? <EmptyState title={t("noEvents")} /> : <AuditEventTable events={events} caption={t("auditCaption")} showOrganization={false} />}
      </Section>
    </ClientMessages>
  );
}
