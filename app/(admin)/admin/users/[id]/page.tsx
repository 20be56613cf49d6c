import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditEventTable } from "@/components/admin/audit-event-list";
import { adminTranslator, memberRoleLabel, RoleBadge, SuspendedBadge } from "@/components/admin/badges";
import { BackLink, Detail, DetailList, Section } from "@/components/admin/detail-list";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { countActiveAdmins, getUserForAdmin, listUserAuditEvents } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";
import { UserActions } from "./_components/user-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.user");
  return { title: t("metaTitle") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdminPage();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const user = await getUserForAdmin(id);
  if (!user) notFound();
  const [events, activeAdmins] = await Promise.all([listUserAuditEvents(user.id), countActiveAdmins()]);
  const m = user.memberships[0];
  const isSelf = user.id === admin.id;
  const [t, root] = await Promise.all([getTranslations("admin.user"), adminTranslator()]);

  return (
    <>
      <BackLink href="/admin/users">{t("back")}</BackLink>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {user.name}
            {isSelf && <span className="text-base font-normal text-zinc-500 dark:text-zinc-400">{t("you")}</span>}
            <RoleBadge role={user.role} />
            {user.disabled && <Badge tone="red">{t("disabled")}</Badge>}
          </span>
        }
        description={<span className="break-all">{user.email}</span>}
      />
      <Card className="p-4 sm:p-5">
        <DetailList>
          <Detail label={t("organisation")}>
            {m ? (
              <>
                <Link href={`/admin/organisations/${m.organization.id}`} className="text-brand-700 underline dark:text-brand-100">
                  {m.organization.legalName}
                </Link>{" "}
                <SuspendedBadge since={m.organization.suspendedAt} />
                <span className="block text-xs text-zinc-500 capitalize dark:text-zinc-400">{memberRoleLabel(m.role, root)}</span>
              </>
            ) : (
              t("noOrganisation")
            )}
          </Detail>
          <Detail label={t("created")}>
            <Time value={user.createdAt} />
          </Detail>
          <Detail label={t("lastSignIn")}>
            <Time value={user.lastSignInAt} fallback={t("never")} />
          </Detail>
          <Detail label={t("lastChange")}>
            <Time value={user.updatedAt} />
          </Detail>
        </DetailList>
      </Card>

      <Section id="controls" title={t("access")} description={t("accessDescription")}>
        <Card className="p-4 sm:p-5">
          <UserActions user={{ id: user.id, email: user.email, role: user.role, disabled: user.disabled }} isSelf={isSelf} isLastAdmin={user.role === "admin" && !user.disabled && activeAdmins <= 1} />
        </Card>
      </Section>

      <Section
        id="activity"
        title={t("activity")}
        description={t("activityDescription")}
        actions={
          <Link href={`/admin/audit?actor=${encodeURIComponent(user.email)}`} className="text-sm text-brand-700 underline dark:text-brand-100">
            {t("fullHistory")}
          </Link>
        }
      >
        {events.length === 0 ? <EmptyState title={t("noEvents")} /> : <AuditEventTable events={events} caption={t("activityCaption", { email: user.email })} />}
      </Section>
    </>
  );
}
