import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { adminTranslator, labelOf } from "@/components/admin/badges";
import { BackLink, Detail, DetailList, Section } from "@/components/admin/detail-list";
import { Card, PageHeader } from "@/components/ui/card";
import { Time } from "@/components/ui/time";
import { requireAdminPage } from "@/lib/auth/session";
import { getMailWithPreview } from "@/lib/mail/queries";
import { MailStatusBadge } from "../_components/mail-status-badge";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.mail");
  return { title: t("title") };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AdminMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdminPage();
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const mail = await getMailWithPreview(id);
  if (!mail) notFound();
  const [t, root] = await Promise.all([getTranslations("admin.mail"), adminTranslator()]);
  return (
    <>
      <BackLink href="/admin/mail">{t("back")}</BackLink>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {mail.subject} <MailStatusBadge status={mail.status} />
          </span>
        }
        description={t("to", { email: mail.to })}
      />
      <Card className="p-4 sm:p-5">
        <DetailList>
          <Detail label={t("recipient")}>{mail.to}</Detail>
          <Detail label={t("template")}>{mail.template}</Detail>
          <Detail label={t("status")}>{labelOf(root, `admin.mailStatus.${mail.status}`, mail.status)}</Detail>
          <Detail label={t("attempts")}>{mail.attempts}</Detail>
          <Detail label={t("created")}>
            <Time value={mail.createdAt} />
          </Detail>
          <Detail label={mail.sentAt ? t("sent") : t("nextAttempt")}>
            {mail.sentAt ? <Time value={mail.sentAt} /> : mail.status === "pending" ? <Time value={mail.nextAttemptAt} /> : "—"}
          </Detail>
          <Detail label={t("lastError")} wide>
            {mail.lastError ?? "—"}
          </Detail>
        </DetailList>
      </Card>
      <Section title={t("preview")} id="preview" description={t("previewDescription")}>
        {/* Our own template with every value escaped (lib/mail/render.ts); inline styles only, which the CSP allows. */}
        <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800" dangerouslySetInnerHTML={{ __html: mail.preview.bodyHtml }} />
      </Section>
      <Section title={t("plainText")} id="text">
        <pre className="overflow-x-auto rounded-md border border-zinc-200 bg-zinc-50 p-4 text-sm whitespace-pre-wrap text-zinc-900 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100">{mail.preview.text}</pre>
      </Section>
    </>
  );
}
