import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { keyDisplayStatus } from "@/components/keys/key-status";
import { KeyStatusBadge } from "@/components/keys/key-status-badge";
import { ScopeLink } from "@/components/scopes/scope-link";
import { KeyRateLimits } from "@/components/usage/key-rate-limits";
import { UsageChart } from "@/components/usage/usage-chart";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { canManageKeys, requirePartnerPage } from "@/lib/auth/session";
import type { AnyTranslator } from "@/lib/i18n/translate-message";
import { isEnvironment, isKeyType, type KeyType } from "@/lib/keys/key-types";
import { KeyHistory } from "@/components/keys/key-history";
import { KeyExpiryNotice } from "@/components/keys/expiry-notice";
import { allowedScopes } from "@/lib/keys/policy";
import { getKeyHistory, getPendingScopeChange } from "@/lib/keys/scope-changes";
import { getOrganizationKey } from "@/lib/keys/service";
import { parsePage } from "@/lib/paging";
import { parseStoredAllowlist } from "@/lib/net/allowlist";
import { getScope } from "@/lib/scopes/catalog";
import { parseScopes } from "@/lib/scopes/enforcement";
import { getKeyUsage } from "@/lib/usage";
import { RevealKeyButton } from "../_components/reveal-key-button";
import { RevokeKeyButton } from "../_components/revoke-key-button";
import { RotateKeyButton } from "../_components/rotate-key-button";
import { ScopeChangePanel } from "../_components/scope-change-panel";
import { DenialExplorer } from "../_components/denial-explorer";
import { IpAllowlistPanel } from "../_components/ip-allowlist-panel";
import { RenameKeyForm } from "../_components/rename-key-form";
import { RotationActivity } from "../_components/rotation-activity";
import { getRotationActivity } from "@/lib/keys/activity";
import { RECENT_DAYS, UNUSED_DAYS, getKeyScopeUsage } from "@/lib/keys/unused";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("keys.page");
  return { title: t("title") };
}
// Never cached: a revocation or rotation must show on the next load.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const firstOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function KeyPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const user = await requirePartnerPage(`/keys/${id}`);
  const orgId = user.membership.organizationId;
  // Tenant-scoped: another organisation's key id is simply not found.
  const key = await getOrganizationKey(orgId, id);
  if (!key) notFound();
  const [t, tk, ts, root, predecessor, usage, pendingChange, history, rotation, scopeUse] = await Promise.all([
    getTranslations("keys.page"),
    getTranslations("keys"),
    getTranslations("insight.scopeUse"),
    getTranslations() as Promise<unknown> as Promise<AnyTranslator>,
    key.rotatedFromId ? getOrganizationKey(orgId, key.rotatedFromId) : null,
    // A key never revealed has never been usable: nothing to chart yet.
    key.revealedAt ? getKeyUsage(key.id) : null,
    getPendingScopeChange(key.id),
    getKeyHistory(key.id, "partner"),
    // Either key of a rotation in its grace period shows the old key's callers.
    key.revealedAt ? getRotationActivity(orgId, key.id) : null,
    key.revealedAt ? getKeyScopeUsage(orgId, key.id, parseScopes(key.scopes)) : null,
  ]);

  const status = keyDisplayStatus(key);
  const canManage = canManageKeys(user.membership.role);
  const scopes = parseScopes(key.scopes);
  const inGrace = status.state === "active" && Boolean(key.rotatedTo);
  const canChangeScopes = canManage && (status.state === "active" || status.state === "pending") && !key.rotatedTo;
  const addable = allowedScopes(key.type as KeyType).filter((s) => !scopes.includes(s));
  // A missing-scope denial links here with ?addScope=<scope>: the form opens with it ticked.
  const addScope = firstOf(query.addScope);
  const prefill = addScope && (addable as string[]).includes(addScope) ? [addScope] : [];
  const typeName = isKeyType(key.type) ? tk(`types.${key.type}`) : key.type;
  const environmentName = isEnvironment(key.environment) ? tk(`environments.${key.environment}`) : key.environment;

  return (
    <ClientMessages namespaces={["keys", "insight"]}>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/keys" className="hover:text-zinc-800 dark:hover:text-zinc-200">
          {t("breadcrumb")}
        </Link>{" "}
        <span aria-hidden>/</span>{" "}
        <span className="text-zinc-700 dark:text-zinc-300">{key.name}</span>
      </nav>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="break-words text-2xl font-semibold tracking-tight">{key.name}</h1>
            <KeyStatusBadge keyRow={key} />
          </div>
          <p className={`mt-1 break-all text-sm text-zinc-600 dark:text-zinc-400 ${key.mask ? "font-mono" : "italic"}`}>{key.mask ?? t("notRevealed")}</p>
          {canManage && <RenameKeyForm keyId={key.id} name={key.name} />}
        </div>
        {canManage && (
          <div className="flex flex-wrap gap-2">
            {status.state === "pending" && <RevealKeyButton keyId={key.id} keyName={key.name} />}
            {status.state === "active" && !key.rotatedTo && (
              <RotateKeyButton keyId={key.id} keyName={key.name} mask={key.mask} expiresAt={key.expiresAt?.toISOString() ?? null} />
            )}
            {status.state !== "revoked" && <RevokeKeyButton keyId={key.id} keyName={key.name} mask={key.mask} inGrace={inGrace} />}
          </div>
        )}
      </div>

      <div className="space-y-6">
        <KeyNotice
          state={status.state}
          canManage={canManage}
          inGrace={inGrace}
          expiresAt={key.expiresAt}
          revokedAt={key.revokedAt}
          revokedReason={key.revokedReason}
          successor={key.rotatedTo}
          t={t}
        />
        <KeyExpiryNotice keyRow={key} state={status.state} canManage={canManage} />
        {rotation && <RotationActivity activity={rotation} keyId={key.id} canManage={canManage} />}
        {predecessor && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {t.rich("replaces", {
              key: predecessor.mask ?? predecessor.name,
              link: (chunks) => (
                <Link href={`/keys/${predecessor.id}`} className="font-mono text-brand-700 underline dark:text-brand-100">
                  {chunks}
                </Link>
              ),
              time: () => <Time value={key.createdAt} />,
            })}
          </p>
        )}

        <div className="grid gap-6 lg:grid-cols-3">
          <Card className="p-5 sm:p-6 lg:col-span-2">
            <h2 className="font-semibold">{t("details")}</h2>
            <dl className="mt-3 grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
              <Item term={t("type")}>
                {typeName}
                {isKeyType(key.type) && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{tk(`typeDescriptions.${key.type}`)}</span>}
              </Item>
              <Item term={t("environment")}>
                {environmentName}
                {isEnvironment(key.environment) && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{tk(`environmentDescriptions.${key.environment}`)}</span>}
              </Item>
              <Item term={t("status")}>
                {root(status.label.key, status.label.values)}
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">{root(status.explanation.key, status.explanation.values)}</span>
              </Item>
              <Item term={t("created")}>
                <Time value={key.createdAt} />
              </Item>
              <Item term={t("revealed")}>
                <Time value={key.revealedAt} fallback={t("notYet")} />
              </Item>
              <Item term={t("expires")}>
                <Time value={key.expiresAt} fallback={t("never")} />
              </Item>
              <Item term={t("lastUsed")}>
                <Time value={key.lastUsedAt} relative fallback={t("never")} />
                {key.lastUsedIp && <span className="block font-mono text-xs text-zinc-500 dark:text-zinc-400">{t("lastUsedFrom", { ip: key.lastUsedIp })}</span>}
              </Item>
              {key.requestId && (
                <Item term={t("issuedFor")}>
                  <Link href={`/requests/${key.requestId}`} className="text-brand-700 underline dark:text-brand-100">
                    {t("theRequest")}
                  </Link>
                </Item>
              )}
            </dl>
          </Card>

          <Card className="p-5 sm:p-6">
            <h2 className="font-semibold">{t("scopes")}</h2>
            <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{t("scopesHint")}</p>
            <ul className="mt-3 space-y-3">
              {scopes.map((id) => {
                const scope = getScope(id);
                const use = scopeUse?.find((u) => u.scope === id);
                return (
                  <li key={id} className="text-sm" data-testid="key-scope">
                    <div className="flex flex-wrap items-center gap-2">
                      <ScopeLink scope={id} />
                      {scope?.access === "write" && <Badge tone="red">{t("write")}</Badge>}
                    </div>
                    {use && (
                      <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="scope-use">
                        {use.in30 ? (
                          <Badge tone="green">{ts("recent", { days: RECENT_DAYS })}</Badge>
                        ) : use.in90 ? (
                          <Badge tone="blue">{ts("older", { from: RECENT_DAYS, to: UNUSED_DAYS })}</Badge>
                        ) : (
                          <Badge tone="amber">{ts("unused", { days: UNUSED_DAYS })}</Badge>
                        )}
                        {use.lastUsedAt && <span>{ts.rich("lastUsed", { time: () => <Time value={use.lastUsedAt} relative /> })}</span>}
                      </p>
                    )}
                    {scope && (
                      <p className="mt-0.5 font-mono text-xs text-zinc-500 dark:text-zinc-400">
                        {scope.endpoints.length ? scope.endpoints.map((e) => `${e.method} ${e.path}`).join(" · ") : scope.description}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          </Card>
        </div>

        {canChangeScopes && (
          <ScopeChangePanel
            // A new ?addScope= (a denial's link, a client-side navigation) starts the form afresh.
            key={prefill.join(",")}
            keyId={key.id}
            held={scopes}
            addable={addable}
            initialAdd={prefill}
            pending={
              pendingChange
                ? {
                    id: pendingChange.id,
                    add: parseScopes(pendingChange.addScopes),
                    remove: parseScopes(pendingChange.removeScopes),
                    reason: pendingChange.reason,
                    createdAt: pendingChange.createdAt.toISOString(),
                  }
                : null
            }
          />
        )}

        {status.state !== "revoked" && status.state !== "expired" && (
          <IpAllowlistPanel keyId={key.id} entries={parseStoredAllowlist(key.allowedIps)} canEdit={canManage} />
        )}

        {key.revealedAt && <DenialExplorer organizationId={orgId} keyId={key.id} page={parsePage(query.denials)} requestable={canChangeScopes ? addable : []} />}

        {usage ? (
          <section aria-label={t("usage")} className="space-y-4">
            <UsageChart usage={usage} />
            <KeyRateLimits keyId={key.id} rateLimitHour={key.rateLimitHour} rateLimitDay={key.rateLimitDay} />
          </section>
        ) : (
          <Card className="p-5 sm:p-6">
            <h2 className="font-semibold">{t("usage")}</h2>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              {t.rich("usageEmpty", {
                link: (chunks) => (
                  <Link href="/docs/quickstart" className="underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          </Card>
        )}

        <Card className="p-5 sm:p-6">
          <h2 className="mb-3 font-semibold">{t("history")}</h2>
          <KeyHistory entries={history} />
        </Card>
      </div>
    </ClientMessages>
  );
}

function Item({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{term}</dt>
      <dd className="mt-1 break-words text-zinc-900 dark:text-zinc-100">{children}</dd>
    </div>
  );
}

type PageTranslator = Awaited<ReturnType<typeof getTranslations<"keys.page">>>;

type NoticeProps = {
  state: ReturnType<typeof keyDisplayStatus>["state"];
  canManage: boolean;
  inGrace: boolean;
  expiresAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  successor: { id: string; name: string; mask: string | null } | null;
  t: PageTranslator;
};

/** The one thing to know about this key right now, if anything. */
function KeyNotice({ state, canManage, inGrace, expiresAt, revokedAt, revokedReason, successor, t }: NoticeProps) {
  const link = (chunks: React.ReactNode) =>
    successor && (
      <Link href={`/keys/${successor.id}`} className="font-mono font-medium underline">
        {chunks}
      </Link>
    );
  const replacement = successor ? <> {t.rich("replacement", { key: successor.mask ?? successor.name, link })}</> : null;
  if (state === "pending") {
    return (
      <Alert tone="success" title={t("pendingTitle")}>
        {canManage ? t("pendingManage") : t("pendingView")}
      </Alert>
    );
  }
  if (inGrace) {
    return (
      <Alert tone="warning" title={t("rotatedTitle")}>
        {t.rich("rotatedBody", { key: successor?.mask ?? successor?.name ?? "", link, time: () => <Time value={expiresAt} /> })}
      </Alert>
    );
  }
  if (state === "revoked") {
    return (
      <Alert tone="error" title={t("revokedTitle")}>
        {revokedReason
          ? t.rich("revokedBodyReason", { reason: revokedReason, time: () => <Time value={revokedAt} /> })
          : t.rich("revokedBody", { time: () => <Time value={revokedAt} /> })}
        {replacement}
      </Alert>
    );
  }
  if (state === "expired") {
    return (
      <Alert tone="info" title={t("expiredTitle")}>
        {t.rich("expiredBody", { time: () => <Time value={expiresAt} /> })}
        {replacement ?? <> {t("expiredNew")}</>}
      </Alert>
    );
  }
  return null;
}
