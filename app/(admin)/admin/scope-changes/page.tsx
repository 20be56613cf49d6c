import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { adminTranslator, EnvironmentBadge, keyTypeLabel } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { ScopeList } from "@/components/admin/scope-list";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Time } from "@/components/ui/time";
import { hrefWith } from "@/lib/admin/filters";
import { requireAdminPage } from "@/lib/auth/session";
import { listPendingScopeChanges } from "@/lib/keys/scope-changes";
import { parsePage } from "@/lib/paging";
import { parseScopes } from "@/lib/scopes/enforcement";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.scopeChanges");
  return { title: t("title") };
}

/** Partners' requests to add scopes to live keys, oldest first; each is decided on its key's page. */
export default async function ScopeChangesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const raw = (await searchParams).page;
  const page = parsePage(Array.isArray(raw) ? raw[0] : raw);
  const result = await listPendingScopeChanges(page);
  const [t, root] = await Promise.all([getTranslations("admin.scopeChanges"), adminTranslator()]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {result.rows.length === 0 ? (
        <EmptyState title={t("empty")}>{t("emptyHint")}</EmptyState>
      ) : (
        <DataTable caption={t("caption")}>
          <THead>
            <TH>{t("key")}</TH>
            <TH>{t("organisation")}</TH>
            <TH>{t("add")}</TH>
            <TH>{t("asked")}</TH>
          </THead>
          <TBody>
            {result.rows.map((c) => (
              <TR key={c.id}>
                <TD label={t("key")}>
                  <Link href={`/admin/keys/${c.keyId}#scope-change-title`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                    {c.key.name}
                  </Link>
                  <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                    {keyTypeLabel(c.key.type, root)} <EnvironmentBadge environment={c.key.environment} />
                  </span>
                </TD>
                <TD label={t("organisation")}>
                  <Link href={`/admin/organisations/${c.key.organization.id}`} className="hover:underline">
                    {c.key.organization.legalName}
                  </Link>
                </TD>
                <TD label={t("add")}>
                  <ScopeList scopes={parseScopes(c.addScopes)} />
                </TD>
                <TD label={t("asked")} className="whitespace-nowrap">
                  <Time value={c.createdAt} relative />
                </TD>
              </TR>
            ))}
          </TBody>
        </DataTable>
      )}
      <Pager page={result.page} total={result.total} pageSize={result.pageSize} noun={t("noun")} hrefFor={(p) => hrefWith("/admin/scope-changes", { page: p })} />
    </>
  );
}
