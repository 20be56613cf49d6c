import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuditEventTable } from "@/components/admin/audit-event-list";
import { OrganizationFilter } from "@/components/admin/organization-filter";
import { FilterBar, FilterSelect, FilterText } from "@/components/admin/filter-bar";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { CursorPager } from "@/components/ui/cursor-pager";
import { hrefWith, parseAuditFilters } from "@/lib/admin/filters";
import { listAuditEvents, getOrganizationOption } from "@/lib/admin/queries";
import { AUDIT_ACTIONS } from "@/lib/audit";
import { requireAdminPage } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.audit");
  return { title: t("title") };
}

const LINK = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800";

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const filters = parseAuditFilters(await searchParams);
  const [page, org] = await Promise.all([listAuditEvents(filters), getOrganizationOption(filters.org)]);
  const base = { action: filters.action, org: filters.org, actor: filters.actor, target: filters.target };
  const filtered = Object.values(base).some(Boolean);
  const t = await getTranslations("admin.audit");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <a href={hrefWith("/admin/audit/export", base)} className={LINK} download>
            {filtered ? t("exportFiltered") : t("export")}
          </a>
        }
      />
      <FilterBar action="/admin/audit" resetHref="/admin/audit" active={filtered}>
        <FilterSelect name="action" label={t("action")} value={filters.action} allLabel={t("allActions")} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: a }))} />
        <OrganizationFilter key={org?.id ?? "all"} name="org" label={t("organisation")} selected={org} />
        <FilterText name="actor" label={t("actor")} value={filters.actor} placeholder={t("actorPlaceholder")} />
        {filters.target && <input type="hidden" name="target" value={filters.target} />}
      </FilterBar>
      {filters.target && (
        <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
          {t.rich("targetOnly", { target: filters.target, code: (chunks) => <code className="text-xs">{chunks}</code> })}{" "}
          <Link className="underline" href={hrefWith("/admin/audit", { ...base, target: undefined })}>
            {t("removeTarget")}
          </Link>
        </p>
      )}
      {page.events.length === 0 ? (
        <EmptyState title={filtered ? t("noMatch") : t("empty")}>
          {filtered && <Link className="underline" href="/admin/audit">{t("showAll")}</Link>}
        </EmptyState>
      ) : (
        <AuditEventTable events={page.events} caption={t("caption")} />
      )}
      <CursorPager path="/admin/audit" params={base} newerCursor={page.newerCursor} olderCursor={page.olderCursor} />
    </>
  );
}
