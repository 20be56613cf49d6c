import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { adminTranslator, organizationKindLabel, SuspendedBadge } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { FilterBar, FilterSelect, FilterText } from "@/components/admin/filter-bar";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Time } from "@/components/ui/time";
import { hrefWith, parseOrganizationFilters } from "@/lib/admin/filters";
import { listOrganizationsForAdmin } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";
import { countryName } from "@/lib/organizations/countries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.organisations");
  return { title: t("title") };
}

export default async function AdminOrganisationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const filters = parseOrganizationFilters(await searchParams);
  const result = await listOrganizationsForAdmin(filters);
  const filtered = !!(filters.q || filters.status);
  const [t, root, locale] = await Promise.all([getTranslations("admin.organisations"), adminTranslator(), getLocale()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <FilterBar action="/admin/organisations" resetHref="/admin/organisations" active={filtered}>
        <FilterText name="q" label={t("search")} value={filters.q} placeholder={t("searchPlaceholder")} />
        <FilterSelect name="status" label={t("status")} value={filters.status} allLabel={t("allStatuses")} options={[{ value: "active", label: t("active") }, { value: "suspended", label: t("suspended") }]} />
      </FilterBar>
      {result.rows.length === 0 ? (
        <EmptyState title={filtered ? t("noMatch") : t("empty")}>
          {filtered ? <Link className="underline" href="/admin/organisations">{t("showAll")}</Link> : t("emptyHint")}
        </EmptyState>
      ) : (
        <DataTable caption={t("title")}>
          <THead>
            <TH>{t("organisation")}</TH>
            <TH className="text-right">{t("members")}</TH>
            <TH className="text-right">{t("activeKeys")}</TH>
            <TH className="text-right">{t("pendingRequests")}</TH>
            <TH>{t("since")}</TH>
          </THead>
          <TBody>
            {result.rows.map((o) => (
              <TR key={o.id}>
                <TD label={t("organisation")}>
                  <span className="flex flex-wrap items-center gap-2">
                    <Link href={`/admin/organisations/${o.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                      {o.legalName}
                    </Link>
                    <SuspendedBadge since={o.suspendedAt} />
                  </span>
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">
                    {organizationKindLabel(o.kind, root)} · {countryName(o.country, locale)}
                  </span>
                </TD>
                <TD label={t("members")} className="tabular-nums md:text-right">
                  {o._count.memberships}
                </TD>
                <TD label={t("activeKeys")} className="tabular-nums md:text-right">
                  {o._count.keys > 0 ? (
                    <Link className="underline" href={hrefWith("/admin/keys", { org: o.id, state: "active" })}>
                      {o._count.keys}
                    </Link>
                  ) : (
                    0
                  )}
                </TD>
                <TD label={t("pendingRequests")} className="tabular-nums md:text-right">
                  {o._count.requests > 0 ? (
                    <Link className="font-medium text-amber-700 underline dark:text-amber-300" href={hrefWith("/admin/requests", { org: o.id, status: "pending" })}>
                      {o._count.requests}
                    </Link>
                  ) : (
                    0
                  )}
                </TD>
                <TD label={t("since")} className="whitespace-nowrap">
                  <Time value={o.createdAt} dateOnly />
                </TD>
              </TR>
            ))}
          </TBody>
        </DataTable>
      )}
      <Pager page={result.page} total={result.total} pageSize={result.pageSize} noun={t("noun")} hrefFor={(page) => hrefWith("/admin/organisations", { q: filters.q, status: filters.status, page })} />
    </>
  );
}
