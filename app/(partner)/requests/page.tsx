import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ListFilters } from "@/components/keys/list-filters";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { ScopeSummary } from "@/components/requests/scope-comparison";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { Pager } from "@/components/ui/pager";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { hrefWith } from "@/lib/admin/filters";
import { canManageKeys, requirePartnerPage } from "@/lib/auth/session";
import { ENVIRONMENT_IDS, KEY_TYPE_IDS, isEnvironment, isKeyType } from "@/lib/keys/key-types";
import { REQUEST_STATUSES, isFiltered, listOrganizationRequestsFiltered, parseRequestListFilters } from "@/lib/keys/lists";
import { countPendingOrganizationRequests } from "@/lib/requests/service";
import { parseScopes } from "@/lib/scopes/enforcement";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("insight.requests");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RequestsPage({ searchParams }: Props) {
  const user = await requirePartnerPage("/requests");
  const orgId = user.membership.organizationId;
  const filters = parseRequestListFilters(await searchParams);
  const filtered = isFiltered(filters);
  const [t, tk, result, pending] = await Promise.all([
    getTranslations("insight.requests"),
    getTranslations("keys"),
    listOrganizationRequestsFiltered(orgId, filters),
    countPendingOrganizationRequests(orgId),
  ]);
  const requests = result.rows;
  const total = result.total;
  const canRequest = canManageKeys(user.membership.role);
  const hasAny = filtered || total > 0;
  const typeLabel = (id: string) => (isKeyType(id) ? tk(`types.${id}`) : id);
  const envLabel = (id: string) => (isEnvironment(id) ? tk(`environments.${id}`) : id);
  const organization = user.membership.organization.legalName;
  const hrefFor = (page: number) => hrefWith("/requests", { q: filters.q, status: filters.status, type: filters.type, env: filters.env, page });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          !hasAny
            ? t("descriptionEmpty")
            : pending
              ? t("descriptionPending", { count: total, organization, pending })
              : t("description", { count: total, organization })
        }
        actions={canRequest && hasAny ? <LinkButton href="/requests/new">{t("requestAccess")}</LinkButton> : undefined}
      />
      {hasAny && (
        <ListFilters
          action="/requests"
          q={filters.q}
          searchLabel={t("search")}
          searchHint={t("searchHint")}
          active={filtered}
          selects={[
            { name: "status", label: t("status"), allLabel: t("allStatuses"), value: filters.status, options: REQUEST_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })) },
            { name: "type", label: tk("list.type"), allLabel: tk("list.allTypes"), value: filters.type, options: KEY_TYPE_IDS.map((s) => ({ value: s, label: typeLabel(s) })) },
            { name: "env", label: tk("list.environment"), allLabel: tk("list.allEnvironments"), value: filters.env, options: ENVIRONMENT_IDS.map((s) => ({ value: s, label: envLabel(s) })) },
          ]}
        />
      )}
      {!hasAny ? (
        <EmptyState title={t("emptyTitle")}>
          <p>{t("emptyBody")}</p>
          {canRequest ? (
            <LinkButton href="/requests/new" className="mt-4">
              {t("requestAccess")}
            </LinkButton>
          ) : (
            <p className="mt-2">{t("emptyAsk")}</p>
          )}
        </EmptyState>
      ) : total === 0 ? (
        <EmptyState title={t("noMatchTitle")}>
          <p>{t("noMatchBody")}</p>
        </EmptyState>
      ) : requests.length === 0 ? null : (
        // Past the last page (a stale link): the pager below says so and links back.
        <Table>
          <THead>
            <tr>
              <Th>{t("key")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("scopes")}</Th>
              <Th>{t("submitted")}</Th>
              <Th>{t("decided")}</Th>
            </tr>
          </THead>
          <TBody>
            {requests.map((r) => (
              <Tr key={r.id}>
                <Td className="pb-2 md:pb-3">
                  <div>
                    <Link href={`/requests/${r.id}`} className="font-medium text-zinc-900 hover:underline dark:text-zinc-100">
                      {r.keyName}
                    </Link>
                    <p className="mt-0.5 text-xs text-zinc-500 dark:text-zinc-400">
                      {typeLabel(r.keyType)} · {envLabel(r.environment)}
                    </p>
                  </div>
                  <span className="md:hidden">
                    <RequestStatusBadge status={r.status} />
                  </span>
                </Td>
                <Td className="hidden md:table-cell">
                  <RequestStatusBadge status={r.status} />
                  {r.status === "approved" && r.key && (
                    <Link href={`/keys/${r.key.id}`} className="mt-1 block text-xs text-brand-700 hover:underline dark:text-brand-100">
                      {t("viewKey")}
                    </Link>
                  )}
                </Td>
                <Td label={t("scopes")}>
                  <ScopeSummary requested={parseScopes(r.requestedScopes)} granted={r.status === "approved" ? parseScopes(r.grantedScopes) : null} />
                </Td>
                <Td label={t("submitted")} className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <Time value={r.createdAt} relative />
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t("by", { name: r.requester.name })}</span>
                </Td>
                <Td label={t("decided")} className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <Time value={r.decidedAt} relative fallback={t("notYet")} />
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pager page={result.page} pageSize={result.pageSize} total={total} noun={t("noun")} label={t("pages")} hrefFor={hrefFor} />
    </>
  );
}
