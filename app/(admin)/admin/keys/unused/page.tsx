import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UnusedKeysTable } from "@/components/keys/unused-keys-table";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { requireAdminPage } from "@/lib/auth/session";
import { parsePage } from "@/lib/paging";
import { UNUSED_DAYS, listUnusedKeys } from "@/lib/keys/unused";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("insight.unused");
  return { title: t("adminTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Every organisation's keys unused for 90 days, or holding scopes unused for 90 days. */
export default async function AdminUnusedKeysPage({ searchParams }: Props) {
  await requireAdminPage();
  const page = parsePage((await searchParams).page);
  const [t, report] = await Promise.all([getTranslations("insight.unused"), listUnusedKeys(null, page)]);
  return (
    <>
      <PageHeader title={t("adminTitle")} description={t("intro", { days: UNUSED_DAYS })} />
      {report.total === 0 ? (
        <EmptyState title={t("none", { days: UNUSED_DAYS })} />
      ) : (
        <>
          <UnusedKeysTable
            rows={report.rows}
            showOrganization
            keyHref={(row) => `/admin/keys/${row.id}`}
            actions={(row) => (
              <Link href={`/admin/keys/${row.id}`} className="text-sm font-medium text-brand-700 underline dark:text-brand-100">
                {t("review")}
                <span className="sr-only"> {row.name}</span>
              </Link>
            )}
          />
          <Pager page={report.page} pageSize={report.pageSize} total={report.total} noun={t("noun")} label={t("pages")} hrefFor={(p) => (p > 1 ? `/admin/keys/unused?page=${p}` : "/admin/keys/unused")} />
        </>
      )}
    </>
  );
}
