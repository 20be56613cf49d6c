// Reads of the outbox for /admin/mail: a page at a time, and one mail with its preview.
import { db } from "@/lib/db";
import { portalOrigin } from "@/lib/env";
import { pageWindow, paged, type Paged } from "@/lib/paging";
import type { MailTemplateId } from "./messages";
import type { MailStatus } from "./outbox";
import { renderMail, type RenderedMail } from "./render";

export const MAIL_STATUSES: MailStatus[] = ["pending", "sending", "sent", "failed", "stored"];

export type MailRow = { id: string; to: string; subject: string; status: string; attempts: number; lastError: string | null; createdAt: Date; sentAt: Date | null; nextAttemptAt: Date };

const ROW = { id: true, to: true, subject: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true, nextAttemptAt: true } as const;

export function parseMailStatus(value: string | string[] | undefined): MailStatus | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return MAIL_STATUSES.includes(v as MailStatus) ? (v as MailStatus) : undefined;
}

export async function listMail(filters: { status?: MailStatus; to?: string; page: number }): Promise<Paged<MailRow>> {
  const where = { ...(filters.status ? { status: filters.status } : {}), ...(filters.to ? { to: filters.to.trim().toLowerCase() } : {}) };
  const [rows, total] = await Promise.all([
    db.mailMessage.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: ROW, ...pageWindow(filters.page) }),
    db.mailMessage.count({ where }),
  ]);
  return paged(rows, total, filters.page);
}

export async function countMailByStatus(): Promise<Record<MailStatus, number>> {
  const groups = await db.mailMessage.groupBy({ by: ["status"], _count: { _all: true } });
  const out = Object.fromEntries(MAIL_STATUSES.map((s) => [s, 0])) as Record<MailStatus, number>;
  for (const g of groups) if (g.status in out) out[g.status as MailStatus] = g._count._all;
  return out;
}

/**
 * One mail and its rendering. The one-time link is shown only while the mail is "stored"
 * (no SMTP server configured: an admin reading it here is then its only way out, which the
 * README states); once a mail is sent its secret is gone, and a mail waiting for the SMTP
 * server shows the link hidden, so the console never becomes a second way into accounts.
 */
export async function getMailWithPreview(id: string): Promise<(MailRow & { template: string; preview: RenderedMail }) | null> {
  const mail = await db.mailMessage.findUnique({ where: { id }, select: { ...ROW, template: true, params: true, secret: true, locale: true } });
  if (!mail) return null;
  const preview = renderMail(mail.template as MailTemplateId, JSON.parse(mail.params), portalOrigin(), mail.status === "stored" ? mail.secret : null, mail.locale);
  const { params: _params, secret: _secret, locale: _locale, ...row } = mail;
  return { ...row, preview };
}
