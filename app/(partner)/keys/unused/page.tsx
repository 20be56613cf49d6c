import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { UnusedKeysTable } from "@/components/keys/unused-keys-table";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { canManageKeys, requirePartnerPage } from "@/lib/auth/session";
import { parsePage } from "@/lib/paging";
import { UNUSED_DAYS, listUnusedKeys } from "@/lib/keys/unused";
import { NarrowScopesButton } from "../_components/narrow-scopes-button";
import { RevokeKeyButton } from "../_components/revoke-key-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("insight.unused");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The organisation's keys unused for 90 days, or holding scopes unused for 90 days. */
export default async function UnusedKeysPage({ searchParams }: Props) {
  const user = await requirePartnerPage("/keys/unused");
  const page = parsePage((await searchParams).page);
  const [t, tk, report] = await Promise.all([getTranslations("insight.unused"), getTranslations("keys.page"), listUnusedKeys(user.membership.organizationId, page)]);
  const canManage = canManageKeys(user.membership.role);
  return (
    <ClientMessages namespaces={["keys", "insight"]}>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
        <Link href="/keys" className="hover:text-zinc-800 dark:hover:text-zinc-200">
          {tk("breadcrumb")}
        </Link>
      </nav>
      <PageHeader title={t("title")} description={t("intro", { days: UNUSED_DAYS })} />
      {report.total === 0 ? (
        <EmptyState title={t("none", { days: UNUSED_DAYS })} />
      ) : (
        <>
          <UnusedKeysTable
            rows={report.rows}
            keyHref={(row) => `/keys/${row.id}`}
            actions={(row) =>
              canManage ? (
                <>
                  {!row.unused && row.usedScopes.length > 0 && <NarrowScopesButton keyId={row.id} keyName={row.name} remove={row.unusedScopes} kept={row.usedScopes} />}
                  <RevokeKeyButton keyId={row.id} keyName={row.name} mask={row.mask} />
                </>
              ) : null
            }
          />
          <Pager page={report.page} pageSize={report.pageSize} total={report.total} noun={t("noun")} label={t("pages")} hrefFor={(p) => (p > 1 ? `/keys/unused?page=${p}` : "/keys/unused")} />
        </>
      )}
    </ClientMessages>
  );
}
