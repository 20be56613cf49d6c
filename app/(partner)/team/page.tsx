import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Team" };
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

  return (
    <>
      <PageHeader title="Team" description={`People who can see ${user.membership.organization.legalName}'s requests and keys.`} />
      <div className="space-y-6">
        <Table>
          <THead>
            <tr>
              <Th>Member</Th>
              <Th>Role</Th>
              <Th>Joined</Th>
              <Th>Last sign-in</Th>
              {isOwner && (
                <Th>
                  <span className="sr-only">Manage</span>
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
                      {m.user.id === user.id && <span className="ml-1.5 text-xs font-normal text-zinc-500 dark:text-zinc-400">(you)</span>}
                    </p>
                    <p className="break-all text-xs text-zinc-500 dark:text-zinc-400">{m.user.email}</p>
                  </div>
                </Td>
                <Td label="Role">
                  <Badge tone={ROLE_TONE[m.role as MemberRole] ?? "neutral"}>{MEMBER_ROLES.find((r) => r.id === m.role)?.label ?? m.role}</Badge>
                </Td>
                <Td label="Joined" className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <Time value={m.createdAt} dateOnly />
                </Td>
                <Td label="Last sign-in" className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  <Time value={m.user.lastSignInAt} relative fallback="Never" />
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
        <Pager page={result.page} pageSize={result.pageSize} total={result.total} noun="members" hrefFor={(p) => (p > 1 ? `/team?page=${p}` : "/team")} />

        {isOwner && invitations.length > 0 && (
          <section aria-labelledby="invitations-heading" className="space-y-3">
            <h2 id="invitations-heading" className="text-base font-semibold">
              Pending invitations <span className="font-normal text-zinc-600 dark:text-zinc-400">({invitations.length})</span>
            </h2>
            <Table>
              <THead>
                <tr>
                  <Th>Invited address</Th>
                  <Th>Role</Th>
                  <Th>Sent</Th>
                  <Th>Valid until</Th>
                  <Th>
                    <span className="sr-only">Manage</span>
                  </Th>
                </tr>
              </THead>
              <TBody>
                {invitations.map((i) => (
                  <Tr key={i.id}>
                    <Td className="break-all">{i.email}</Td>
                    <Td label="Role">{MEMBER_ROLES.find((r) => r.id === i.role)?.label ?? i.role}</Td>
                    <Td label="Sent" className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                      <Time value={i.createdAt} relative />
                    </Td>
                    <Td label="Valid until" className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                      {i.expired ? <Badge tone="amber">Expired</Badge> : <Time value={i.expiresAt} dateOnly />}
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
            <h2 className="font-semibold">Invite a colleague</h2>
            {isOwner ? (
              <div className="mt-3">
                <InviteMemberForm />
              </div>
            ) : (
              <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">Only owners manage the team. Ask one of your organisation&apos;s owners to invite colleagues or change roles.</p>
            )}
            <div className="mt-6 border-t border-zinc-200 pt-4 dark:border-zinc-800">
              <LeaveOrganization organizationName={user.membership.organization.legalName} />
            </div>
          </Card>
          <Card className="p-5 text-sm sm:p-6">
            <h2 className="font-semibold">Roles</h2>
            <dl className="mt-3 space-y-3">
              {MEMBER_ROLES.map((r) => (
                <div key={r.id}>
                  <dt className="font-medium">{r.label}</dt>
                  <dd className="text-zinc-600 dark:text-zinc-400">{r.description}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>
      </div>
    </>
  );
}
