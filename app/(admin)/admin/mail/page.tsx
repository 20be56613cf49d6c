import type { Metadata } from "next";
import Link from "next/link";
import { FilterBar, FilterSelect, FilterText } from "@/components/admin/filter-bar";
import { Alert } from "@/components/ui/alert";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { hrefWith } from "@/lib/admin/filters";
import { requireAdminPage } from "@/lib/auth/session";
import { isMailDeliveryConfigured } from "@/lib/mail/outbox";
import { countMailByStatus, listMail, MAIL_STATUSES, parseMailStatus } from "@/lib/mail/queries";
import { parsePage } from "@/lib/paging";
import { MailStatusBadge } from "./_components/mail-status-badge";

export const metadata: Metadata = { title: "Mail" };

export default async function AdminMailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const sp = await searchParams;
  const status = parseMailStatus(sp.status);
  const to = typeof sp.to === "string" && sp.to.trim() ? sp.to.trim().slice(0, 320) : undefined;
  const page = parsePage(sp.page);
  const [list, counts] = await Promise.all([listMail({ status, to, page }), countMailByStatus()]);
  const delivering = isMailDeliveryConfigured();
  const base = { status, to };
  return (
    <>
      <PageHeader
        title="Mail"
        description="Every mail the portal composed, newest first: written in the same transaction as the change that caused it, then sent by the mail worker with retries."
      />
      {!delivering && (
        <div className="mb-4">
          <Alert tone="warning" title="No SMTP server configured">
            SMTP_URL is not set, so mails are composed and stored here but never sent. One-time links (verification, password
            reset) are shown in the stored mail&apos;s preview so you can pass them on.
          </Alert>
        </div>
      )}
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        {MAIL_STATUSES.map((s, i) => (
          <span key={s}>
            {i > 0 && " · "}
            {s}: <span className="tabular-nums">{counts[s].toLocaleString("en-GB")}</span>
          </span>
        ))}
      </p>
      <FilterBar action="/admin/mail" resetHref="/admin/mail" active={Boolean(status || to)}>
        <FilterSelect name="status" label="Status" value={status} allLabel="All statuses" options={MAIL_STATUSES.map((s) => ({ value: s, label: s }))} />
        <FilterText name="to" label="Recipient" value={to} placeholder="e.g. someone@bank.rw" type="email" />
      </FilterBar>
      {list.rows.length === 0 ? (
        <EmptyState title={status || to ? "No mail matches these filters" : "No mail yet"}>
          {(status || to) && (
            <Link className="underline" href="/admin/mail">
              Show all mail
            </Link>
          )}
        </EmptyState>
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>Subject</Th>
              <Th>Recipient</Th>
              <Th>Status</Th>
              <Th>Attempts</Th>
              <Th>Created</Th>
              <Th>Last error</Th>
            </tr>
          </THead>
          <TBody>
            {list.rows.map((m) => (
              <Tr key={m.id}>
                <Td label="Subject">
                  <Link href={`/admin/mail/${m.id}`} className="font-medium underline-offset-2 hover:underline">
                    {m.subject}
                  </Link>
                </Td>
                <Td label="Recipient">{m.to}</Td>
                <Td label="Status">
                  <MailStatusBadge status={m.status} />
                </Td>
                <Td label="Attempts" className="tabular-nums">
                  {m.attempts}
                </Td>
                <Td label="Created">
                  <Time value={m.createdAt} relative />
                </Td>
                <Td label="Last error" className="max-w-xs truncate">
                  {m.lastError ?? "—"}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pager page={list.page} pageSize={list.pageSize} total={list.total} noun="mails" hrefFor={(p) => hrefWith("/admin/mail", { ...base, page: p > 1 ? p : undefined })} />
    </>
  );
}
