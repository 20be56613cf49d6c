import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { adminTranslator, memberRoleLabel, RoleBadge, SuspendedBadge } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { FilterBar, FilterSelect, FilterText } from "@/components/admin/filter-bar";
import { Badge } from "@/components/ui/badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Time } from "@/components/ui/time";
import { hrefWith, parseUserFilters } from "@/lib/admin/filters";
import { listUsersForAdmin } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdminPage();
  const filters = parseUserFilters(await searchParams);
  const result = await listUsersForAdmin(filters);
  const filtered = !!(filters.q || filters.role || filters.status);
  const [t, root] = await Promise.all([getTranslations("admin.users"), adminTranslator()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <FilterBar action="/admin/users" resetHref="/admin/users" active={filtered}>
        <FilterText name="q" label={t("search")} value={filters.q} placeholder={t("searchPlaceholder")} />
        <FilterSelect name="role" label={t("role")} value={filters.role} allLabel={t("allRoles")} options={[{ value: "partner", label: t("partner") }, { value: "admin", label: t("admin") }]} />
        <FilterSelect name="status" label={t("account")} value={filters.status} allLabel={t("allAccounts")} options={[{ value: "active", label: t("enabled") }, { value: "disabled", label: t("disabled") }]} />
      </FilterBar>
      {result.rows.length === 0 ? (
        <EmptyState title={filtered ? t("noMatch") : t("empty")}>
          {filtered && <Link className="underline" href="/admin/users">{t("showAll")}</Link>}
        </EmptyState>
      ) : (
        <DataTable caption={t("title")}>
          <THead>
            <TH>{t("user")}</TH>
            <TH>{t("organisation")}</TH>
            <TH>{t("role")}</TH>
            <TH>{t("lastSignIn")}</TH>
            <TH>{t("joined")}</TH>
          </THead>
          <TBody>
            {result.rows.map((u) => {
              const m = u.memberships[0];
              return (
                <TR key={u.id}>
                  <TD label={t("user")}>
                    <Link href={`/admin/users/${u.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                      {u.name}
                    </Link>
                    {u.id === admin.id && <span className="ml-1 text-xs text-zinc-500 dark:text-zinc-400">{t("you")}</span>}
                    <span className="block text-xs break-all text-zinc-500 dark:text-zinc-400">{u.email}</span>
                  </TD>
                  <TD label={t("organisation")}>
                    {m ? (
                      <>
                        <Link href={`/admin/organisations/${m.organization.id}`} className="hover:underline">
                          {m.organization.legalName}
                        </Link>{" "}
                        <SuspendedBadge since={m.organization.suspendedAt} />
                        <span className="block text-xs text-zinc-500 capitalize dark:text-zinc-400">{memberRoleLabel(m.role, root)}</span>
                      </>
                    ) : (
                      <span className="text-zinc-500 dark:text-zinc-400">—</span>
                    )}
                  </TD>
                  <TD label={t("role")}>
                    <span className="flex flex-wrap gap-1.5">
                      <RoleBadge role={u.role} />
                      {u.disabled && <Badge tone="red">{t("disabled")}</Badge>}
                    </span>
                  </TD>
                  <TD label={t("lastSignIn")} className="whitespace-nowrap">
                    <Time value={u.lastSignInAt} relative fallback={t("never")} />
                  </TD>
                  <TD label={t("joined")} className="whitespace-nowrap">
                    <Time value={u.createdAt} dateOnly />
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </DataTable>
      )}
      <Pager page={result.page} total={result.total} pageSize={result.pageSize} noun={t("noun")} hrefFor={(page) => hrefWith("/admin/users", { q: filters.q, role: filters.role, status: filters.status, page })} />
    </>
  );
}
