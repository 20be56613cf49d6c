// Notifications: for each recipient an in-app entry (the bell, /notifications) and,
// unless their preference turns that kind off, a mail through the outbox, both written
// in the caller's transaction, so they exist exactly when the change commits. Security
// mails (verification, reset, password changed) are not notifications: they are sent
// by lib/accounts directly and cannot be turned off.
import type { Tx } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";
import type { MailParams } from "@/lib/mail/messages";
import { NOTIFICATION_KINDS, renderNotice, type NotificationKind } from "./messages";

export { ADMIN_KINDS, NOTIFICATION_KINDS, PARTNER_KINDS, KIND_LABELS, renderNotice, type NotificationKind } from "./messages";

export type Recipient = { id: string; email: string };
export type NewRequestMail = "instant" | "digest";
export type Preferences = { mailOff: NotificationKind[]; newRequestMail: NewRequestMail };

/** Members notified per organisation (owners and developers), as for reminders. */
const ORG_RECIPIENTS = 50;
/** Admins notified of a new request. */
const ADMIN_RECIPIENTS = 200;

export const DEFAULT_PREFERENCES: Preferences = { mailOff: [], newRequestMail: "instant" };

export function parsePreferences(row: { mailOff: string; newRequestMail: string } | null | undefined): Preferences {
  if (!row) return DEFAULT_PREFERENCES;
  let off: unknown = [];
  try {
    off = JSON.parse(row.mailOff);
  } catch {
    off = [];
  }
  const mailOff = Array.isArray(off) ? NOTIFICATION_KINDS.filter((k) => off.includes(k)) : [];
  return { mailOff, newRequestMail: row.newRequestMail === "digest" ? "digest" : "instant" };
}

/** The organisation's owners and developers with an enabled account (never viewers). */
export function organizationRecipients(tx: Tx, organizationId: string): Promise<Recipient[]> {
  return tx.user.findMany({
    where: { disabled: false, memberships: { some: { organizationId, role: { in: ["owner", "developer"] } } } },
    orderBy: { createdAt: "asc" },
    take: ORG_RECIPIENTS,
    select: { id: true, email: true },
  });
}

/** Enabled admins; `except`: the admin who acted (e.g. the first approver). */
export function adminRecipients(tx: Tx, except?: string): Promise<Recipient[]> {
  return tx.user.findMany({ where: { role: "admin", disabled: false, ...(except ? { id: { not: except } } : {}) }, orderBy: { createdAt: "asc" }, take: ADMIN_RECIPIENTS, select: { id: true, email: true } });
}

/**
 * Notifies each recipient of one event. Call it inside the transaction of the change
 * (and of its audit event): a rollback takes the notifications and mails with it.
 * The in-app entry keeps the parameters and is put into words in the reader's language
 * when shown (its title and body columns hold the English words, for rows read without
 * rendering); the mail is written in the recipient's language (enqueueMail).
 */
export async function notify<K extends NotificationKind>(tx: Tx, recipients: Recipient[], kind: K, params: MailParams<K>): Promise<void> {
  if (recipients.length === 0) return;
  const notice = renderNotice(kind, params, "en");
  const stored = JSON.stringify(params);
  const rows = await tx.notificationPreference.findMany({ where: { userId: { in: recipients.map((r) => r.id) } } });
  const prefs = new Map(rows.map((r) => [r.userId, parsePreferences(r)]));
  for (const recipient of recipients) {
    await tx.notification.create({ data: { userId: recipient.id, kind, title: notice.title, body: notice.body, link: notice.link, params: stored } });
    const pref = prefs.get(recipient.id) ?? DEFAULT_PREFERENCES;
    if (pref.mailOff.includes(kind)) continue;
    // Admins who chose the digest get new requests in the daily mail (./digest.ts).
    if (kind === "request_submitted" && pref.newRequestMail === "digest") continue;
    await enqueueMail(tx, { to: recipient.email, template: kind, params } as Parameters<typeof enqueueMail>[1]);
  }
}

/** Scopes as a mail shows them ("none" is put into the reader's language when rendered). */
export const scopeList = (scopes: string[]) => (scopes.length ? scopes.join(", ") : "none");
/** A date as mails and notifications store it (ISO, UTC): shown in the reader's language and Rwanda's time zone. */
export const utcMinute = (d: Date) => d.toISOString();
