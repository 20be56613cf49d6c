import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { adminTranslator, labelOf } from "@/components/admin/badges";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.mail");
  return { title: t("title") };
}

export default async function AdminMailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const sp = await searchParams;
  const status = parseMailStatus(sp.status);
  const to = typeof sp.to === "string" && sp.to.trim() ? sp.to.trim().slice(0, 320) : undefined;
  const page = parsePage(sp.page);
  const [list, counts] = await Promise.all([listMail({ status, to, page }), countMailByStatus()]);
  const delivering = isMailDeliveryConfigured();
  const base = { status, to };
  const [t, root, format] = await Promise.all([getTranslations("admin.mail"), adminTranslator(), getFormatter()]);
  const statusLabel = (s: string) => labelOf(root, `admin.mailStatus.${s}`, s);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
      />
      {!delivering && (
        <div className="mb-4">
          <Alert tone="warning" title={t("noSmtpTitle")}>
            {t.rich("noSmtp", { code: (chunks) => <code>{chunks}</code> })}
          </Alert>
        </div>
      )}
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-400">
        {MAIL_STATUSES.map((s, i) => (
          <span key={s}>
            {i > 0 && " · "}
            {statusLabel(s)}: <span className="tabular-nums">{format.number(counts[s])}</span>
          </span>
        ))}
      </p>
      <FilterBar action="/admin/mail" resetHref="/admin/mail" active={Boolean(status || to)}>
        <FilterSelect name="status" label={t("status")} value={status} allLabel={t("allStatuses")} options={MAIL_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))} />
        <FilterText name="to" label={t("recipient")} value={to} placeholder={t("recipientPlaceholder")} type="email" />
      </FilterBar>
      {list.rows.length === 0 ? (
        <EmptyState title={status || to ? t("noMatch") : t("empty")}>
          {(status || to) && (
            <Link className="underline" href="/admin/mail">
              {t("showAll")}
            </Link>
          )}
        </EmptyState>
      ) : (
        <Table>
          <THead>
            <tr>
              <Th>{t("subject")}</Th>
              <Th>{t("recipient")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("attempts")}</Th>
              <Th>{t("created")}</Th>
              <Th>{t("lastError")}</Th>
            </tr>
          </THead>
          <TBody>
            {list.rows.map((m) => (
              <Tr key={m.id}>
                <Td label={t("subject")}>
                  <Link href={`/admin/mail/${m.id}`} className="font-medium underline-offset-2 hover:underline">
                    {m.subject}
                  </Link>
                </Td>
                <Td label={t("recipient")}>{m.to}</Td>
                <Td label={t("status")}>
                  <MailStatusBadge status={m.status} />
                </Td>
                <Td label={t("attempts")} className="tabular-nums">
                  {m.attempts}
                </Td>
                <Td label={t("created")}>
                  <Time value={m.createdAt} relative />
                </Td>
                <Td label={t("lastError")} className="max-w-xs truncate">
                  {m.lastError ?? "—"}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <Pager page={list.page} pageSize={list.pageSize} total={list.total} noun={t("noun")} hrefFor={(p) => hrefWith("/admin/mail", { ...base, page: p > 1 ? p : undefined })} />
    </>
  );
}
