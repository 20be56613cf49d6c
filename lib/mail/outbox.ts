// The outbox: the only way to send a mail. `enqueueMail` writes the mail as a row inside
// the caller's transaction, so the mail exists exactly when the change that causes it
// commits (a rolled-back change sends nothing; a committed one cannot lose its mail).
// The worker (./worker.ts) delivers it later over SMTP.
import type { Tx } from "@/lib/db";
import { getEnv, portalOrigin } from "@/lib/env";
import { isLocale, LOCALE_COOKIE, negotiateLocale, type Locale } from "@/lib/i18n/config";
import { TEMPLATES, type MailParams, type MailTemplateId } from "./messages";
import { renderMail } from "./render";

export type MailStatus = "pending" | "sending" | "sent" | "failed" | "stored";

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const SECRET_LIKE = /sk_copa_[a-z]+_[a-z0-9]{32}|gw_copa_[a-z0-9]{32}/;

/** True when SMTP_URL is set: mails are sent; otherwise they are composed and stored only. */
export function isMailDeliveryConfigured(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

/**
 * Mails that the person who caused them may be reading themselves, or that go to an
 * address with no account yet: when the recipient has no saved language, they are
 * written in the language of the request that caused them (sign-up, "forgot password",
 * an invitation sent from a French page). Every other mail (notifications, reminders,
 * digests) is caused by someone else, or by no one: the recipient's language or English.
 */
const REQUESTER_LANGUAGE: ReadonlySet<MailTemplateId> = new Set(["verify_email", "account_exists", "password_reset", "password_changed", "invitation"]);

/** The current request's language from the browser's choice (cookie) or Accept-Language; null outside a request. */
async function requestLocale(): Promise<Locale | null> {
  try {
    // Only headers and cookies: the session's user would be a query outside the caller's
    // transaction (a deadlock on SQLite). The language switcher sets the cookie too.
    const { cookies, headers } = await import("next/headers");
    const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
    if (isLocale(chosen)) return chosen;
    return negotiateLocale((await headers()).get("accept-language"));
  } catch {
    return null; // the worker, the scheduler, a script or a test: no request
  }
}

/**
 * Queues a mail in its recipient's language: the language saved on the account with this
 * address (the header's menu saves it), else `locale` (the caller's choice for a
 * newcomer, e.g. the inviter's language), else the request's language for the templates
 * in REQUESTER_LANGUAGE, else English. The language is stored with the row, so the worker
 * and /admin/mail render the mail as it was written.
 */
export async function enqueueMail<T extends MailTemplateId>(
  tx: Tx,
  mail: { to: string; template: T; params: MailParams<T>; secret?: string; locale?: Locale | null },
): Promise<{ id: string }> {
  const to = mail.to.trim().toLowerCase();
  if (!ADDRESS.test(to)) throw new Error("enqueueMail: invalid recipient address");
  const definition = TEMPLATES[mail.template];
  if (definition.secretPath && !mail.secret) throw new Error(`enqueueMail: ${mail.template} needs its one-time secret`);
  if (!definition.secretPath && mail.secret) throw new Error(`enqueueMail: ${mail.template} carries no secret`);
  const params = JSON.stringify(mail.params);
  // Defence in depth, as in the audit log: a full key must never reach a mail.
  if (SECRET_LIKE.test(params)) throw new Error("enqueueMail: parameters contain a key");
  const recipient = await tx.user.findUnique({ where: { email: to }, select: { locale: true } });
  const locale: Locale =
    (isLocale(recipient?.locale) ? recipient.locale : null) ??
    (isLocale(mail.locale) ? mail.locale : null) ??
    (REQUESTER_LANGUAGE.has(mail.template) ? await requestLocale() : null) ??
    "en";
  // Rendered once now: a template that throws fails the change, not the worker later.
  const { subject } = renderMail(mail.template, mail.params, portalOrigin(), mail.secret ?? null, locale);
  const row = await tx.mailMessage.create({
    data: { template: mail.template, to, params, secret: mail.secret ?? null, subject, locale, status: isMailDeliveryConfigured() ? "pending" : "stored" },
    select: { id: true },
  });
  return row;
}
