import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { TBody, THead, Table, Td, Th, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { requirePartnerPage } from "@/lib/auth/session";
import { parsePage } from "@/lib/paging";
import { listPendingInvitations } from "@/lib/organizations/invitations";
import { listOrganizationMembers } from "@/lib/organizations/members";
import { MEMBER_ROLES, type MemberRole } from "@/lib/organizations/member-schemas";
import { InvitationControls } from "./_components/invitation-controls";
import { InviteMemberForm } from "./_components/invite-member-form";
import { LeaveOrganization } from "./_components/leave-organization";
import { MemberControls } from "./_components/member-controls";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("team");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

const ROLE_TONE = { owner: "blue", developer: "green", viewer: "neutral" } as const;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TeamPage({ searchParams }: Props) {
  const user = await requirePartnerPage("/team");
  const page = parsePage((await searchParams).page);
  const result = await listOrganizationMembers(user.membership.organizationId, page);
  const members = result.rows;
  const isOwner = user.membership.role === "owner";
  const invitations = isOwner ? await listPendingInvitations(user.membership.organizationId) : [];
  const t = await getTranslations("team");
  const roleLabel = (role: string) => (MEMBER_ROLES.some((r) => r.id === role) ? t(`roles.${role as MemberRole}.label`) : role);

  // The controls, the invitation form and its field errors are client components (team).
  return (
    <ClientMessages namespaces={["team"]}>
      <PageHeader title={t("title")} description={t("description", { organization: user.membership.organization.legalName })} />
      <div className="space-y-6">
        <Table>
          <THead>
            <tr>
              <Th>{t("columns.member")}</Th>
              <Th>{t("columns.role")}</Th>
              <Th>{t("columns.joined")}</Th>
              <Th>{t("columns.lastSignIn")}</Th>
              {isOwner && (
                <Th>
                  <span className="sr-only">{t("columns.manage")}</span>
                </Th>
              )}
            </tr>
          </THead>
          <TBody>
            {members.map((m) => (
              <Tr key={m.id}>
                <Td className="pb-2 md:pb-3">
                  <div className="min-w-0">
                    <p className="font-medium">
                      {m.user.name}
                      {m.user.id === user.id && <span className="ml-1.5 text-xs font-normal text-zinc-500 dark:text-zinc-400">{t("you")}</span>}
                    </p>
                    <p className="break-all text-xs text-zinc-500 dark:text-zinc-400">{m.user.email}</p>
                  </div>
                </Td>
                <Td label={t("columns.role")}>
                  <Badge tone={ROLE_TONE[m.role as MemberRole] ?? "neutral"}>{roleLabel(m.role)}</Badge>
                </Td>
                <Td label={t("columns.joined")} className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <Time value={m.createdAt} dateOnly />
                </Td>
                <Td label={t("columns.lastSignIn")} className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <Time value={m.user.lastSignInAt} relative fallback={t("never")} />
                </Td>
                {isOwner && (
                  <Td className="pt-2 md:pt-3">
                    <MemberControls membershipId={m.id} name={m.user.name} role={m.role as MemberRole} isSelf={m.user.id === user.id} />
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
        <Pager page={result.page} pageSize={result.pageSize} total={result.total} noun={t("pagerNoun", { count: result.total })} hrefFor={(p) => (p > 1 ? `/team?page=${p}` : "/team")} />

        {isOwner && invitations.length > 0 && (
          <section aria-labelledby="invitations-heading" className="space-y-3">
            <h2 id="invitations-heading" className="text-base font-semibold">
              {t("pendingInvitations")} <span className="font-normal text-zinc-600 dark:text-zinc-400">({invitations.length})</span>
            </h2>
            <Table>
              <THead>
                <tr>
                  <Th>{t("columns.invitedAddress")}</Th>
                  <Th>{t("columns.role")}</Th>
                  <Th>{t("columns.sent")}</Th>
                  <Th>{t("columns.validUntil")}</Th>
                  <Th>
                    <span className="sr-only">{t("columns.manage")}</span>
                  </Th>
                </tr>
              </THead>
              <TBody>
                {invitations.map((i) => (
                  <Tr key={i.id}>
                    <Td className="break-all">{i.email}</Td>
                    <Td label={t("columns.role")}>{roleLabel(i.role)}</Td>
                    <Td label={t("columns.sent")} className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                      <Time value={i.createdAt} relative />
                    </Td>
                    <Td label={t("columns.validUntil")} className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                      {i.expired ? <Badge tone="amber">{t("expired")}</Badge> : <Time value={i.expiresAt} dateOnly />}
                    </Td>
                    <Td className="pt-2 md:pt-3">
                      <InvitationControls invitationId={i.id} email={i.email} />
                    </Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          </section>
        )}

        <div className="grid items-start gap-6 lg:grid-cols-3">
          <Card className="p-5 sm:p-6 lg:col-span-2">
            <h2 className="font-semibold">{t("inviteTitle")}</h2>
            {isOwner ? (
              <div className="mt-3">
                <InviteMemberForm />
              </div>
            ) : (
              <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{t("onlyOwners")}</p>
            )}
            <div className="mt-6 border-t border-zinc-200 pt-4 dark:border-zinc-800">
              <LeaveOrganization organizationName={user.membership.organization.legalName} />
            </div>
          </Card>
          <Card className="p-5 text-sm sm:p-6">
            <h2 className="font-semibold">{t("rolesTitle")}</h2>
            <dl className="mt-3 space-y-3">
              {MEMBER_ROLES.map((r) => (
                <div key={r.id}>
                  <dt className="font-medium">{t(`roles.${r.id}.label`)}</dt>
                  <dd className="text-zinc-600 dark:text-zinc-400">{t(`roles.${r.id}.description`)}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>
      </div>
    </ClientMessages>
  );
}
