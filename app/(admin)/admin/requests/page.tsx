import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EnvironmentBadge, keyTypeLabel, RequestStatusBadge } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { OrganizationFilter } from "@/components/admin/organization-filter";
import { FilterBar, FilterSelect } from "@/components/admin/filter-bar";
import { ScopeList } from "@/components/admin/scope-list";
import { StatusTabs } from "@/components/admin/status-tabs";
import { ClientMessages } from "@/components/i18n/client-messages";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Time } from "@/components/ui/time";
import { AGE_RANGES, ageKey, hrefWith, parseRequestFilters, REQUEST_STATUSES, type RequestFilters } from "@/lib/admin/filters";
import { countRequestsByStatus, getOrganizationOption, listRequestsForAdmin } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";
import { ENVIRONMENT_IDS, KEY_TYPE_IDS } from "@/lib/keys/key-types";
import { SCOPES } from "@/lib/scopes";
import { parseScopes } from "@/lib/scopes/enforcement";
import { BULK_FORM_ID, BulkDecisions } from "./_components/bulk-decisions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("queue");
  return { title: t("list.metaTitle") };
}

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AdminRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdminPage();
  const t = await getTranslations("queue");
  const filters = parseRequestFilters(await searchParams);
  const [result, counts, org] = await Promise.all([listRequestsForAdmin(filters), countRequestsByStatus(), getOrganizationOption(filters.org)]);
  // Every link keeps the other filters (they combine), and a changed filter goes back to page 1.
  const current = { status: filters.status, org: filters.org, type: filters.type, env: filters.env, scope: filters.scope, age: filters.age, decided: filters.decided, page: filters.page };
  const href = (over: Partial<RequestFilters>) => hrefWith("/admin/requests", { ...current, ...over });
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const filtered = !!(filters.org || filters.type || filters.env || filters.scope || filters.age || filters.decided);
  // Bulk decisions apply to pending requests, so the checkboxes appear on the pending list.
  // The form stays mounted when a decision empties the page, so its result stays shown.
  const bulk = filters.status === "pending";
  return (
    <>
      <PageHeader title={t("list.title")} description={filters.status === "pending" ? t("list.descriptionPending") : t("list.descriptionAll")} />
      <StatusTabs
        label={t("list.statusTabs")}
        tabs={[
          { label: t("status.all"), count: total, href: href({ status: undefined, page: 1 }), current: !filters.status },
          ...REQUEST_STATUSES.map((s) => ({ label: t(`status.${s}`), count: counts[s] ?? 0, href: href({ status: s, page: 1 }), current: filters.status === s })),
        ]}
      />
      <FilterBar action="/admin/requests" resetHref={hrefWith("/admin/requests", { status: filters.status })} active={filtered}>
        {filters.status && <input type="hidden" name="status" value={filters.status} />}
        {filters.decided && <input type="hidden" name="decided" value={filters.decided} />}
        <OrganizationFilter key={org?.id ?? "all"} name="org" label={t("filters.organisation")} selected={org} />
        <FilterSelect name="type" label={t("filters.type")} value={filters.type} allLabel={t("filters.any")} options={KEY_TYPE_IDS.map((id) => ({ value: id, label: t(`type.${id}`) }))} />
        <FilterSelect name="env" label={t("filters.environment")} value={filters.env} allLabel={t("filters.any")} options={ENVIRONMENT_IDS.map((id) => ({ value: id, label: t(`environment.${id}`) }))} />
        <FilterSelect name="scope" label={t("filters.scope")} value={filters.scope} allLabel={t("filters.any")} options={SCOPES.map((s) => ({ value: s.id, label: s.id }))} />
        <FilterSelect name="age" label={t("filters.age")} value={filters.age} allLabel={t("filters.any")} options={AGE_RANGES.map((a) => ({ value: a.id, label: t(`age.${ageKey(a.id)}`) }))} />
      </FilterBar>
      {filters.decided && (
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          {t("list.decidedWithin", { days: Number(filters.decided) })}{" "}
          <Link className="underline" href={href({ decided: undefined, page: 1 })}>
            {t("list.decidedAny")}
          </Link>
        </p>
      )}
      {bulk && (
        <ClientMessages namespaces={["admin", "queue"]}>
          <BulkDecisions rowCount={result.rows.length} />
        </ClientMessages>
      )}
      {result.rows.length === 0 ? (
        <EmptyState title={filters.status || filtered ? t("list.emptyFiltered") : t("list.empty")}>
          {filters.status || filtered ? (
            <Link className="underline" href="/admin/requests">
              {t("list.showAll")}
            </Link>
          ) : (
            t("list.emptyHint")
          )}
        </EmptyState>
      ) : (
        <>
          <DataTable caption={t("list.caption", { total: result.total })}>
            <THead>
              {bulk && (
                <TH>
                  <span className="sr-only">{t("bulk.selectColumn")}</span>
                </TH>
              )}
              <TH>{t("columns.key")}</TH>
              <TH>{t("columns.organisation")}</TH>
              <TH>{t("columns.scopes")}</TH>
              <TH>{t("columns.status")}</TH>
              <TH>{t("columns.submitted")}</TH>
            </THead>
            <TBody>
              {result.rows.map((r) => {
                const granted = r.grantedScopes !== null;
                return (
                  <TR key={r.id} data-testid="request-row">
                    {bulk && (
                      <TD>
                        <label className="inline-flex h-6 w-6 items-center justify-center">
                          <input
                            type="checkbox"
                            name="requestIds"
                            value={r.id}
                            form={BULK_FORM_ID}
                            className="h-5 w-5 rounded border-zinc-400"
                            aria-label={t("bulk.selectRow", { keyName: r.keyName, organisation: r.organization.legalName })}
                          />
                        </label>
                      </TD>
                    )}
                    <TD label={t("columns.key")}>
                      <Link href={`/admin/requests/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                        {r.keyName}
                      </Link>
                      <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                        {keyTypeLabel(r.keyType)} <EnvironmentBadge environment={r.environment} />
                      </span>
                    </TD>
                    <TD label={t("columns.organisation")}>
                      <Link href={`/admin/organisations/${r.organization.id}`} className="hover:underline">
                        {r.organization.legalName}
                      </Link>
                      <span className="block text-xs break-all text-zinc-500 dark:text-zinc-400">{r.requester.email}</span>
                    </TD>
                    <TD label={granted ? t("columns.granted") : t("columns.requested")}>
                      <span className="mb-1 hidden text-xs text-zinc-500 md:block dark:text-zinc-400">{granted ? t("columns.granted") : t("columns.requested")}</span>
                      <ScopeList scopes={parseScopes(granted ? r.grantedScopes : r.requestedScopes)} />
                    </TD>
                    <TD label={t("columns.status")}>
                      <RequestStatusBadge status={r.status} />
                      {r.decidedAt && (
                        <span className="mt-1 block text-xs text-zinc-500 dark:text-zinc-400">
                          <Time value={r.decidedAt} relative />
                          {r.decidedBy && r.status !== "withdrawn" ? ` ${t("list.decidedBy", { email: r.decidedBy.email })}` : ""}
                        </span>
                      )}
                    </TD>
                    <TD label={t("columns.submitted")} className="whitespace-nowrap">
                      <Time value={r.createdAt} relative />
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </DataTable>
        </>
      )}
      <Pager page={result.page} total={result.total} pageSize={result.pageSize} noun={t("list.noun")} hrefFor={(page) => href({ page })} />
    </>
  );
}
