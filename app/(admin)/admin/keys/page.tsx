import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { adminTranslator, EnvironmentBadge, KeyStateBadge, keyTypeLabel, labelOf, SuspendedBadge } from "@/components/admin/badges";
import { DataTable, TBody, TD, TH, THead, TR } from "@/components/admin/data-table";
import { OrganizationFilter } from "@/components/admin/organization-filter";
import { FilterBar, FilterSelect } from "@/components/admin/filter-bar";
import { ScopeList } from "@/components/admin/scope-list";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { LinkButton } from "@/components/ui/link-button";
import { Pager } from "@/components/ui/pager";
import { Time } from "@/components/ui/time";
import { hrefWith, parseKeyFilters } from "@/lib/admin/filters";
import { listKeysForAdmin, getOrganizationOption } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";
import { ENVIRONMENTS } from "@/lib/keys/key-types";
import { parseScopes } from "@/lib/scopes/enforcement";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.keys");
  return { title: t("metaTitle") };
}

const STATES = ["active", "pending", "expired", "revoked"] as const;

export default async function AdminKeysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const filters = parseKeyFilters(await searchParams);
  const now = new Date();
  const [result, org] = await Promise.all([listKeysForAdmin(filters, now), getOrganizationOption(filters.org)]);
  const filtered = !!(filters.state || filters.env || filters.org || filters.expiring);
  const [t, tState, root] = await Promise.all([getTranslations("admin.keys"), getTranslations("admin.keyState"), adminTranslator()]);
  const href = (page: number) => hrefWith("/admin/keys", { state: filters.state, env: filters.env, org: filters.org, expiring: filters.expiring, page });
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <LinkButton href="/admin/keys/unused" variant="secondary">
            {(await getTranslations("insight.unused"))("link")}
          </LinkButton>
        }
      />
      <FilterBar action="/admin/keys" resetHref="/admin/keys" active={filtered}>
        <FilterSelect name="state" label={t("state")} value={filters.state} options={STATES.map((s) => ({ value: s, label: tState(`${s}.label`) }))} allLabel={t("allStates")} />
        <FilterSelect name="env" label={t("environment")} value={filters.env} options={ENVIRONMENTS.map((e) => ({ value: e.id, label: labelOf(root, `admin.environments.${e.id}`, e.label) }))} allLabel={t("allEnvironments")} />
        <OrganizationFilter key={org?.id ?? "all"} name="org" label={t("organisation")} selected={org} />
        {filters.expiring && <input type="hidden" name="expiring" value={filters.expiring} />}
      </FilterBar>
      {filters.expiring && <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">{(await getTranslations("queue"))("metrics.expiring.title", { days: Number(filters.expiring) })}</p>}
      {result.rows.length === 0 ? (
        <EmptyState title={filtered ? t("noMatch") : t("empty")}>
          {filtered ? <Link className="underline" href="/admin/keys">{t("showAll")}</Link> : t("emptyHint")}
        </EmptyState>
      ) : (
        <DataTable caption={t("title")}>
          <THead>
            <TH>{t("key")}</TH>
            <TH>{t("organisation")}</TH>
            <TH>{t("scopes")}</TH>
            <TH>{t("state")}</TH>
            <TH>{t("lastUsed")}</TH>
            <TH>{t("expires")}</TH>
          </THead>
          <TBody>
            {result.rows.map((k) => (
              <TR key={k.id}>
                <TD label={t("key")}>
                  <Link href={`/admin/keys/${k.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline dark:text-brand-100">
                    {k.name}
                  </Link>
                  <code className="block text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">{k.mask ?? t("notRevealedYet")}</code>
                  <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
                    {keyTypeLabel(k.type, root)} <EnvironmentBadge environment={k.environment} />
                  </span>
                </TD>
                <TD label={t("organisation")}>
                  <Link href={`/admin/organisations/${k.organization.id}`} className="hover:underline">
                    {k.organization.legalName}
                  </Link>{" "}
                  <SuspendedBadge since={k.organization.suspendedAt} />
                </TD>
                <TD label={t("scopes")}>
                  <ScopeList scopes={parseScopes(k.scopes)} />
                </TD>
                <TD label={t("state")} className="whitespace-nowrap">
                  <KeyStateBadge keyRow={k} now={now} />
                  {k.rotatedTo && <span className="mt-1 block text-xs text-zinc-500 dark:text-zinc-400">{t("rotated")}</span>}
                </TD>
                <TD label={t("lastUsed")} className="whitespace-nowrap">
                  <Time value={k.lastUsedAt} relative fallback={t("never")} />
                </TD>
                <TD label={t("expires")} className="whitespace-nowrap">
                  <Time value={k.expiresAt} dateOnly fallback={t("noExpiry")} />
                </TD>
              </TR>
            ))}
          </TBody>
        </DataTable>
      )}
      <Pager page={result.page} total={result.total} pageSize={result.pageSize} noun={t("noun")} hrefFor={href} />
    </>
  );
}
