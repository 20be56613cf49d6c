import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditEventTable } from "@/components/admin/audit-event-list";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { CursorPager } from "@/components/ui/cursor-pager";
import { pageAuditEvents } from "@/lib/admin/queries";
import { partnerActivityWhere, redactStaff } from "@/lib/audit/partner";
import { requirePartnerPage } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("activity");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

const LINK = "inline-flex min-h-9 items-center rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800";
const cursor = (value: string | string[] | undefined) => (typeof value === "string" && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined);

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The organisation's activity log (owners): requests, decisions, keys and team changes, newest first. */
export default async function ActivityPage({ searchParams }: Props) {
  const user = await requirePartnerPage("/activity");
  const organization = user.membership.organization;
  const t = await getTranslations("activity");
  if (user.membership.role !== "owner") {
    return (
      <>
        <PageHeader title={t("title")} />
        <EmptyState title={t("ownersOnlyTitle")}>{t("ownersOnlyBody", { organization: organization.legalName })}</EmptyState>
      </>
    );
  }
  const params = await searchParams;
  const page = await pageAuditEvents(partnerActivityWhere(organization.id), { after: cursor(params.after), before: cursor(params.before) });
  const events = await redactStaff(page.events);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { organization: organization.legalName })}
        actions={
          <a href="/activity/export" className={LINK} download>
            {t("export")}
          </a>
        }
      />
      {events.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <AuditEventTable events={events} caption={t("caption")} showOrganization={false} links="partner" />
      )}
      <CursorPager path="/activity" newerCursor={page.newerCursor} olderCursor={page.olderCursor} />
    </>
  );
}
