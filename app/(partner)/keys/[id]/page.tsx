import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
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
import { ENVIRONMENTS, KEY_TYPES, type KeyType } from "@/lib/keys/key-types";
import { KeyHistory } from "@/components/keys/key-history";
import { KeyExpiryNotice } from "@/components/keys/expiry-notice";
import { allowedScopes } from "@/lib/keys/policy";
import { getKeyHistory, getPendingScopeChange } from "@/lib/keys/scope-changes";
import { getOrganizationKey } from "@/lib/keys/service";
import { getScope } from "@/lib/scopes/catalog";
import { parseScopes } from "@/lib/scopes/enforcement";
import { getKeyUsage } from "@/lib/usage";
import { RevealKeyButton } from "../_components/reveal-key-button";
import { RevokeKeyButton } from "../_components/revoke-key-button";
import { RotateKeyButton } from "../_components/rotate-key-button";
import { ScopeChangePanel } from "../_components/scope-change-panel";

export const metadata: Metadata = { title: "API key" };
// Never cached: a revocation or rotation must show on the next load.
export const dynamic = "force-dynamic";

export default async function KeyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requirePartnerPage(`/keys/${id}`);
  const orgId = user.membership.organizationId;
  // Tenant-scoped: another organisation's key id is simply not found.
  const key = await getOrganizationKey(orgId, id);
  if (!key) notFound();
  const [predecessor, usage, pendingChange, history] = await Promise.all([
    key.rotatedFromId ? getOrganizationKey(orgId, key.rotatedFromId) : null,
    // A key never revealed has never been usable: nothing to chart yet.
    key.revealedAt ? getKeyUsage(key.id) : null,
    getPendingScopeChange(key.id),
    getKeyHistory(key.id, "partner"),
  ]);

  const status = keyDisplayStatus(key);
  const canManage = canManageKeys(user.membership.role);
  const scopes = parseScopes(key.scopes);
  const type = KEY_TYPES.find((t) => t.id === key.type);
  const environment = ENVIRONMENTS.find((e) => e.id === key.environment);
  const inGrace = status.state === "active" && Boolean(key.rotatedTo);
  const canChangeScopes = canManage && (status.state === "active" || status.state === "pending") && !key.rotatedTo;
  const addable = allowedScopes(key.type as KeyType).filter((s) => !scopes.includes(s));

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/keys" className="hover:text-zinc-800 dark:hover:text-zinc-200">API keys</Link> <span aria-hidden>/</span>{" "}
        <span className="text-zinc-700 dark:text-zinc-300">{key.name}</span>
      </nav>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-3">
            <h1 className="break-words text-2xl font-semibold tracking-tight">{key.name}</h1>
            <KeyStatusBadge keyRow={key} />
          </div>
          <p className={`mt-1 break-all text-sm text-zinc-600 dark:text-zinc-400 ${key.mask ? "font-mono" : "italic"}`}>{key.mask ?? "Not revealed yet"}</p>
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
        />
        <KeyExpiryNotice keyRow={key} state={status.state} canManage={canManage} />
        {predecessor && (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Replaces{" "}
            <Link href={`/keys/${predecessor.id}`} className="font-mono text-brand-700 underline dark:text-brand-100">
              {predecessor.mask ?? predecessor.name}
            </Link>
            , rotated <Time value={key.createdAt} />.
          </p>
        )}

        <div className="grid gap-6 lg:grid-cols-3">
          <Card className="p-5 sm:p-6 lg:col-span-2">
            <h2 className="font-semibold">Details</h2>
            <dl className="mt-3 grid gap-x-6 gap-y-4 text-sm sm:grid-cols-2">
              <Item term="Type">
                {type?.label ?? key.type}
                {type && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{type.description}</span>}
              </Item>
              <Item term="Environment">
                {environment?.label ?? key.environment}
                {environment && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{environment.description}</span>}
              </Item>
              <Item term="Status">
                {status.label}
                <span className="block text-xs text-zinc-500 dark:text-zinc-400">{status.explanation}</span>
              </Item>
              <Item term="Created">
                <Time value={key.createdAt} />
              </Item>
              <Item term="Revealed">
                <Time value={key.revealedAt} fallback="Not yet" />
              </Item>
              <Item term="Expires">
                <Time value={key.expiresAt} fallback="Never" />
              </Item>
              <Item term="Last used">
                <Time value={key.lastUsedAt} relative fallback="Never" />
                {key.lastUsedIp && <span className="block font-mono text-xs text-zinc-500 dark:text-zinc-400">from {key.lastUsedIp}</span>}
              </Item>
              {key.requestId && (
                <Item term="Issued for">
                  <Link href={`/requests/${key.requestId}`} className="text-brand-700 underline dark:text-brand-100">
                    The access request
                  </Link>
                </Item>
              )}
            </dl>
          </Card>

          <Card className="p-5 sm:p-6">
            <h2 className="font-semibold">Scopes</h2>
            <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">Calls outside these scopes get 403 Insufficient scope.</p>
            <ul className="mt-3 space-y-3">
              {scopes.map((id) => {
                const scope = getScope(id);
                return (
                  <li key={id} className="text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <ScopeLink scope={id} />
                      {scope?.access === "write" && <Badge tone="red">write</Badge>}
                    </div>
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
            keyId={key.id}
            held={scopes}
            addable={addable}
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

        {usage ? (
          <section aria-label="Usage" className="space-y-4">
            <UsageChart usage={usage} />
            <KeyRateLimits keyId={key.id} rateLimitHour={key.rateLimitHour} rateLimitDay={key.rateLimitDay} />
          </section>
        ) : (
          <Card className="p-5 sm:p-6">
            <h2 className="font-semibold">Usage</h2>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              Requests per day and rate-limit use appear here once the key is revealed. Then make your first call with the{" "}
              <Link href="/docs/quickstart" className="underline">quickstart</Link>.
            </p>
          </Card>
        )}

        <Card className="p-5 sm:p-6">
          <h2 className="mb-3 font-semibold">History</h2>
          <KeyHistory entries={history} />
        </Card>
      </div>
    </>
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

type NoticeProps = {
  state: ReturnType<typeof keyDisplayStatus>["state"];
  canManage: boolean;
  inGrace: boolean;
  expiresAt: Date | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  successor: { id: string; name: string; mask: string | null } | null;
};

/** The one thing to know about this key right now, if anything. */
function KeyNotice({ state, canManage, inGrace, expiresAt, revokedAt, revokedReason, successor }: NoticeProps) {
  const successorLink = successor && (
    <Link href={`/keys/${successor.id}`} className="font-mono font-medium underline">
      {successor.mask ?? successor.name}
    </Link>
  );
  if (state === "pending") {
    return (
      <Alert tone="success" title="Approved and ready to reveal">
        {canManage
          ? "Reveal the key to copy it. It is shown in full only once; afterwards you will see its mask."
          : "An owner or developer of your organisation can reveal it. It is shown in full only once."}
      </Alert>
    );
  }
  if (inGrace) {
    return (
      <Alert tone="warning" title="This key was rotated">
        It keeps working until <Time value={expiresAt} />. Move your systems to its replacement {successorLink} before then.
      </Alert>
    );
  }
  if (state === "revoked") {
    return (
      <Alert tone="error" title="Revoked">
        Revoked <Time value={revokedAt} />
        {revokedReason ? `: ${revokedReason}` : ""}. The API refuses it.
        {successor && <> Its replacement is {successorLink}.</>}
      </Alert>
    );
  }
  if (state === "expired") {
    return (
      <Alert tone="info" title="Expired">
        Expired <Time value={expiresAt} />. The API refuses it.
        {successor ? <> Its replacement is {successorLink}.</> : <> Request a new key if you still need access.</>}
      </Alert>
    );
  }
  return null;
}
