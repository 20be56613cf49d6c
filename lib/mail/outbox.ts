// The outbox: the only way to send a mail. `enqueueMail` writes the mail as a row inside
// the caller's transaction, so the mail exists exactly when the change that causes it
// commits (a rolled-back change sends nothing; a committed one cannot lose its mail).
// The worker (./worker.ts) delivers it later over SMTP.
import type { Tx } from "@/lib/db";
import { getEnv, portalOrigin } from "@/lib/env";
import { TEMPLATES, type MailParams, type MailTemplateId } from "./messages";
import { renderMail } from "./render";

export type MailStatus = "pending" | "sending" | "sent" | "failed" | "stored";

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const SECRET_LIKE = /sk_copa_[a-z]+_[a-z0-9]{32}|gw_copa_[a-z0-9]{32}/;

/** True when SMTP_URL is set: mails are sent; otherwise they are composed and stored only. */
export function isMailDeliveryConfigured(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

export async function enqueueMail<T extends MailTemplateId>(
  tx: Tx,
  mail: { to: string; template: T; params: MailParams<T>; secret?: string },
): Promise<{ id: string }> {
  const to = mail.to.trim().toLowerCase();
  if (!ADDRESS.test(to)) throw new Error("enqueueMail: invalid recipient address");
  const definition = TEMPLATES[mail.template];
  if (definition.secretPath && !mail.secret) throw new Error(`enqueueMail: ${mail.template} needs its one-time secret`);
  if (!definition.secretPath && mail.secret) throw new Error(`enqueueMail: ${mail.template} carries no secret`);
  const params = JSON.stringify(mail.params);
  // Defence in depth, as in the audit log: a full key must never reach a mail.
  if (SECRET_LIKE.test(params)) throw new Error("enqueueMail: parameters contain a key");
  // Rendered once now: a template that throws fails the change, not the worker later.
  const { subject } = renderMail(mail.template, mail.params, portalOrigin(), mail.secret ?? null);
  const row = await tx.mailMessage.create({
    data: { template: mail.template, to, params, secret: mail.secret ?? null, subject, status: isMailDeliveryConfigured() ? "pending" : "stored" },
    select: { id: true },
  });
  return row;
}
