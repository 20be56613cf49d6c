import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditEventTable } from "@/components/admin/audit-event-list";
import { RoleBadge, SuspendedBadge } from "@/components/admin/badges";
import { BackLink, Detail, DetailList, Section } from "@/components/admin/detail-list";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { countActiveAdmins, getUserForAdmin, listUserAuditEvents } from "@/lib/admin/queries";
import { requireAdminPage } from "@/lib/auth/session";
import { UserActions } from "./_components/user-actions";

export const metadata: Metadata = { title: "User" };

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

  return (
    <>
      <BackLink href="/admin/users">All users</BackLink>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {user.name}
            {isSelf && <span className="text-base font-normal text-zinc-500 dark:text-zinc-400">(you)</span>}
            <RoleBadge role={user.role} />
            {user.disabled && <Badge tone="red">Disabled</Badge>}
          </span>
        }
        description={<span className="break-all">{user.email}</span>}
      />
      <Card className="p-4 sm:p-5">
        <DetailList>
          <Detail label="Organisation">
            {m ? (
              <>
                <Link href={`/admin/organisations/${m.organization.id}`} className="text-brand-700 underline dark:text-brand-100">
                  {m.organization.legalName}
                </Link>{" "}
                <SuspendedBadge since={m.organization.suspendedAt} />
                <span className="block text-xs text-zinc-500 capitalize dark:text-zinc-400">{m.role}</span>
              </>
            ) : (
              "None"
            )}
          </Detail>
          <Detail label="Account created">
            <Time value={user.createdAt} />
          </Detail>
          <Detail label="Last sign-in">
            <Time value={user.lastSignInAt} fallback="Never" />
          </Detail>
          <Detail label="Last change">
            <Time value={user.updatedAt} />
          </Detail>
        </DetailList>
      </Card>

      <Section id="controls" title="Access" description="Changes take effect on the user's next request.">
        <Card className="p-4 sm:p-5">
          <UserActions user={{ id: user.id, email: user.email, role: user.role, disabled: user.disabled }} isSelf={isSelf} isLastAdmin={user.role === "admin" && !user.disabled && activeAdmins <= 1} />
        </Card>
      </Section>

      <Section
        id="activity"
        title="Activity"
        description="The latest audit events by or about this user."
        actions={
          <Link href={`/admin/audit?actor=${encodeURIComponent(user.email)}`} className="text-sm text-brand-700 underline dark:text-brand-100">
            Everything they did, in the audit log
          </Link>
        }
      >
        {events.length === 0 ? <EmptyState title="No events recorded" /> : <AuditEventTable events={events} caption={`Audit events of ${user.email}`} />}
      </Section>
    </>
  );
}
