import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { KeyScopes } from "@/components/keys/key-scopes";
import { KeyStatusBadge } from "@/components/keys/key-status-badge";
import { ListFilters } from "@/components/keys/list-filters";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { Pager } from "@/components/ui/pager";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { hrefWith } from "@/lib/admin/filters";
import { canManageKeys, requirePartnerPage } from "@/lib/auth/session";
import { ENVIRONMENT_IDS, KEY_TYPE_IDS, isEnvironment, isKeyType } from "@/lib/keys/key-types";
import { KEY_LIST_STATES, isFiltered, listOrganizationKeysFiltered, parseKeyListFilters } from "@/lib/keys/lists";
import { countKeysAwaitingReveal } from "@/lib/keys/service";
import { countPendingOrganizationRequests } from "@/lib/requests/service";
import { parseScopes } from "@/lib/scopes/enforcement";
import { RevealKeyButton } from "./_components/reveal-key-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("keys.list");
  return { title: t("title") };
}
// Key pages are rendered per request and never cached: they reflect revocations at once.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function KeysPage({ searchParams }: Props) {
  const user = await requirePartnerPage("/keys");
  const orgId = user.membership.organizationId;
  const filters = parseKeyListFilters(await searchParams);
  const filtered = isFiltered(filters);
  const [t, tk, tu, result, pendingRequests, readyToReveal] = await Promise.all([
    getTranslations("keys.list"),
    getTranslations("keys"),
    getTranslations("insight.unused"),
    listOrganizationKeysFiltered(orgId, filters),
    countPendingOrganizationRequests(orgId),
    countKeysAwaitingReveal(orgId),
  ]);
  const keys = result.rows;
  const canManage = canManageKeys(user.membership.role);
  const hrefFor = (page: number) => hrefWith("/keys", { q: filters.q, status: filters.status, type: filters.type, env: filters.env, page });
  // "No keys yet" only when the organisation has none at all, not when filters hide them.
  const hasAny = filtered || result.total > 0;

  return (
    <ClientMessages namespaces={["keys"]}>
      <PageHeader
        title={t("title")}
        description={t("description", { organization: user.membership.organization.legalName })}
        actions={
          hasAny ? (
            <div className="flex flex-wrap gap-2">
              <LinkButton href="/keys/unused" variant="secondary">
                {tu("link")}
              </LinkButton>
              {canManage && <LinkButton href="/requests/new">{t("requestAccess")}</LinkButton>}
            </div>
          ) : undefined
        }
      />
      <div className="mb-6 space-y-3">
        {!canManage && <Alert tone="info">{t("viewOnly")}</Alert>}
        {readyToReveal > 0 && canManage && (
          <Alert tone="success" title={t("readyTitle", { count: readyToReveal })}>
            {t("readyBody")}
          </Alert>
        )}
        {pendingRequests > 0 && (
          <Alert tone="info">
            {t("pendingRequests", { count: pendingRequests })}{" "}
            <Link href="/requests" className="font-medium underline">
              {t("seeRequests")}
            </Link>
          </Alert>
        )}
      </div>
      {hasAny && (
        <ListFilters
          action="/keys"
          q={filters.q}
          searchLabel={t("search")}
          searchHint={t("searchHint")}
          active={filtered}
          selects={[
            { name: "status", label: t("status"), allLabel: t("allStatuses"), value: filters.status, options: KEY_LIST_STATES.map((s) => ({ value: s, label: tk(`states.${s}`) })) },
            { name: "type", label: t("type"), allLabel: t("allTypes"), value: filters.type, options: KEY_TYPE_IDS.map((s) => ({ value: s, label: tk(`types.${s}`) })) },
            { name: "env", label: t("environment"), allLabel: t("allEnvironments"), value: filters.env, options: ENVIRONMENT_IDS.map((s) => ({ value: s, label: tk(`environments.${s}`) })) },
          ]}
        />
      )}
      {!hasAny ? (
        <EmptyState title={t("emptyTitle")}>
          <p>
            {t("emptyBody")}
            {pendingRequests === 0 && ` ${t("emptySandbox")}`}
          </p>
          {canManage && pendingRequests === 0 && (
            <LinkButton href="/requests/new" className="mt-4">
              {t("requestAccess")}
            </LinkButton>
          )}
        </EmptyState>
      ) : result.total === 0 ? (
        <EmptyState title={t("noMatchTitle")}>
          <p>{t("noMatchBody")}</p>
        </EmptyState>
      ) : keys.length === 0 ? null : (
        // Past the last page (a stale link): the pager below says so and links back.
        <Table>
          <THead>
            <tr>
              <Th>{t("name")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("scopes")}</Th>
              <Th>{t("created")}</Th>
              <Th>{t("expires")}</Th>
              <Th>{t("lastUsed")}</Th>
              {canManage && (
                <Th>
                  <span className="sr-only">{t("actions")}</span>
                </Th>
              )}
            </tr>
          </THead>
          <TBody>
            {keys.map((key) => (
              <Tr key={key.id}>
                <Td className="pb-2 md:pb-3">
                  <div className="min-w-0">
                    <Link href={`/keys/${key.id}`} className="font-medium text-zinc-900 hover:underline dark:text-zinc-100">
                      {key.name}
                    </Link>
                    <p className={`mt-0.5 text-xs text-zinc-500 dark:text-zinc-400 ${key.mask ? "font-mono" : "italic"}`}>{key.mask ?? t("notRevealed")}</p>
                    <p className="mt-1 flex flex-wrap gap-1">
                      <Badge>{isKeyType(key.type) ? tk(`types.${key.type}`) : key.type}</Badge>
                      <Badge tone={key.environment === "production" ? "amber" : "neutral"}>
                        {isEnvironment(key.environment) ? tk(`environments.${key.environment}`) : key.environment}
                      </Badge>
                    </p>
                  </div>
                  <span className="md:hidden">
                    <KeyStatusBadge keyRow={key} />
                  </span>
                </Td>
                <Td className="hidden md:table-cell">
                  <KeyStatusBadge keyRow={key} />
                </Td>
                <Td label={t("scopes")}>
                  <KeyScopes scopes={parseScopes(key.scopes)} />
                </Td>
                <Td label={t("created")} className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <Time value={key.createdAt} dateOnly />
                </Td>
                <Td label={t("expires")} className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <Time value={key.expiresAt} dateOnly fallback={t("never")} />
                </Td>
                <Td label={t("lastUsed")} className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <Time value={key.lastUsedAt} relative fallback={t("never")} />
                </Td>
                {canManage && (
                  <Td className="pt-3 md:pt-3 md:text-right">
                    {key.status === "pending" ? (
                      <RevealKeyButton keyId={key.id} keyName={key.name} size="sm" />
                    ) : (
                      <LinkButton href={`/keys/${key.id}`} variant="ghost" size="sm">
                        {t("manage")}
                      </LinkButton>
                    )}
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pager page={result.page} pageSize={result.pageSize} total={result.total} noun={t("noun")} label={t("pages")} hrefFor={hrefFor} />
    </ClientMessages>
  );
}
