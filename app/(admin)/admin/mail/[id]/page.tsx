import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink, Detail, DetailList, Section } from "@/components/admin/detail-list";
import { Card, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { requireAdminPage } from "@/lib/auth/session";
import { getMailWithPreview } from "@/lib/mail/queries";
import { MailStatusBadge } from "../_components/mail-status-badge";

export const metadata: Metadata = { title: "Mail" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AdminMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const mail = await getMailWithPreview(id);
  if (!mail) notFound();
  return (
    <>
      <BackLink href="/admin/mail">All mail</BackLink>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {mail.subject} <MailStatusBadge status={mail.status} />
          </span>
        }
        description={`To ${mail.to}`}
      />
      <Card className="p-4 sm:p-5">
        <DetailList>
          <Detail label="Recipient">{mail.to}</Detail>
          <Detail label="Template">{mail.template}</Detail>
          <Detail label="Status">{mail.status}</Detail>
          <Detail label="Attempts">{mail.attempts}</Detail>
          <Detail label="Created">
            <Time value={mail.createdAt} />
          </Detail>
          <Detail label={mail.sentAt ? "Sent" : "Next attempt"}>
            {mail.sentAt ? <Time value={mail.sentAt} /> : mail.status === "pending" ? <Time value={mail.nextAttemptAt} /> : "—"}
          </Detail>
          <Detail label="Last error" wide>
            {mail.lastError ?? "—"}
          </Detail>
        </DetailList>
      </Card>
      <Section title="Preview" id="preview" description="As the recipient sees it (HTML). One-time links are hidden unless the mail is only stored.">
        {/* Our own template with every value escaped (lib/mail/render.ts); inline styles only, which the CSP allows. */}
        <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800" dangerouslySetInnerHTML={{ __html: mail.preview.bodyHtml }} />
      </Section>
      <Section title="Plain text" id="text">
        <pre className="overflow-x-auto rounded-md border border-zinc-200 bg-zinc-50 p-4 text-sm whitespace-pre-wrap text-zinc-900 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100">{mail.preview.text}</pre>
      </Section>
    </>
  );
}
