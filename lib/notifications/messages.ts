// The in-app words of every notification kind: one entry per kind, a function of the same
// parameters as the kind's mail in lib/mail/messages.ts. The words are messages of
// "notifications.notices" (lib/i18n/messages/{rw,en,fr}/notifications.json). A row keeps
// the parameters and is put into words when it is shown, in the reader's language
// (renderNotice), so someone who switches language reads old notifications in the new one.
import type { Locale } from "@/lib/i18n/config";
import { formatter, mailLocale, translator, type Formatter, type Translate } from "@/lib/mail/format";
import { secondApprovalWhat, type MailParams } from "@/lib/mail/messages";

export type NoticeContent = { title: string; body: string; link: string };

/** `t`: "notifications.notices"; `mt`: "mail" (shared pieces: "the request for ..."); `f`: values in the locale. */
type NoticeContext = { t: Translate; mt: Translate; f: Formatter };

export const NOTICES = {
  request_submitted: (p: MailParams<"request_submitted">, { t, f }: NoticeContext): NoticeContent => ({
    title: t("request_submitted.title", { organizationName: p.organizationName }),
    body: t("request_submitted.body", { keyName: p.keyName, environment: f.environment(p.environment), scopes: f.value(p.scopes) }),
    link: p.requestPath,
  }),
  request_approved: (p: MailParams<"request_approved">, { t, f }: NoticeContext): NoticeContent => ({
    title: t("request_approved.title", { keyName: p.keyName }),
    body: t("request_approved.body", { grantedScopes: f.value(p.grantedScopes), requestedScopes: f.value(p.requestedScopes), expiresAt: f.date(p.expiresAt) }),
    link: p.keyPath,
  }),
  request_rejected: (p: MailParams<"request_rejected">, { t }: NoticeContext): NoticeContent => ({
    title: t("request_rejected.title", { keyName: p.keyName }),
    body: t("request_rejected.body", { reason: p.reason }),
    link: p.requestPath,
  }),
  key_revoked: (p: MailParams<"key_revoked">, { t, f }: NoticeContext): NoticeContent => ({
    title: t("key_revoked.title", { keyName: p.keyName }),
    body: t("key_revoked.body", { mask: f.value(p.mask), reason: f.value(p.reason) }),
    link: p.keyPath,
  }),
  key_leaked: (p: MailParams<"key_leaked">, { t, f }: NoticeContext): NoticeContent => ({
    title: t("key_leaked.title", { keyName: p.keyName }),
    body: t("key_leaked.body", { outcome: p.outcome, mask: f.value(p.mask), withdrawn: f.value(p.withdrawn) }),
    link: p.keyPath,
  }),
  key_limits_changed: (p: MailParams<"key_limits_changed">, { t, f }: NoticeContext): NoticeContent => ({
    title: t("key_limits_changed.title", { keyName: p.keyName }),
    body: t("key_limits_changed.body", { perHour: f.value(p.perHour), perDay: f.value(p.perDay) }),
    link: p.keyPath,
  }),
  organization_suspended: (p: MailParams<"organization_suspended">, { t }: NoticeContext): NoticeContent => ({
    title: t("organization_suspended.title", { organizationName: p.organizationName }),
    body: t("organization_suspended.body", { reason: p.reason }),
    link: "/keys",
  }),
  organization_reactivated: (p: MailParams<"organization_reactivated">, { t }: NoticeContext): NoticeContent => ({
    title: t("organization_reactivated.title", { organizationName: p.organizationName }),
    body: t("organization_reactivated.body"),
    link: "/keys",
  }),
  request_changes_requested: (p: MailParams<"request_changes_requested">, { t }: NoticeContext): NoticeContent => ({
    title: t("request_changes_requested.title", { keyName: p.keyName }),
    body: t("request_changes_requested.body", { message: p.message }),
    link: p.requestPath,
  }),
  request_resubmitted: (p: MailParams<"request_resubmitted">, { t, f }: NoticeContext): NoticeContent => ({
    title: t("request_resubmitted.title", { organizationName: p.organizationName, keyName: p.keyName }),
    body: t("request_resubmitted.body", { scopes: f.value(p.scopes) }),
    link: p.requestPath,
  }),
  second_approval_needed: (p: MailParams<"second_approval_needed">, { t, mt }: NoticeContext): NoticeContent => ({
    title: t("second_approval_needed.title", { what: secondApprovalWhat(mt, p) }),
    body: t("second_approval_needed.body", { organizationName: p.organizationName, firstApprover: p.firstApprover }),
    link: p.path,
  }),
  scope_change_requested: (p: MailParams<"scope_change_requested">, { t }: NoticeContext): NoticeContent => ({
    title: t("scope_change_requested.title", { organizationName: p.organizationName, keyName: p.keyName }),
    body: t("scope_change_requested.body", { add: p.add, reason: p.reason }),
    link: p.path,
  }),
  scope_change_decided: (p: MailParams<"scope_change_decided">, { t, f }: NoticeContext): NoticeContent => ({
    title: t("scope_change_decided.title", { decision: p.decision, keyName: p.keyName }),
    body: t("scope_change_decided.body", { add: f.value(p.add), note: f.value(p.note) }),
    link: p.keyPath,
  }),
} as const;

export type NotificationKind = keyof typeof NOTICES;
export const NOTIFICATION_KINDS = Object.keys(NOTICES) as NotificationKind[];

export const isNotificationKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as string[]).includes(kind);

/** One notification's words in `locale` (anything else: English). */
export function renderNotice<K extends NotificationKind>(kind: K, params: MailParams<K>, locale: Locale | string): NoticeContent {
  const lang = mailLocale(locale);
  const mt = translator(lang, "mail");
  const context: NoticeContext = { t: translator(lang, "notifications.notices"), mt, f: formatter(lang, mt) };
  return (NOTICES[kind] as (p: MailParams<K>, c: NoticeContext) => NoticeContent)(params, context);
}

/** What only admins receive. */
export const ADMIN_KINDS: NotificationKind[] = ["request_submitted", "request_resubmitted", "second_approval_needed", "scope_change_requested"];
/** What an organisation's owners and developers receive (their preferences list these). */
export const PARTNER_KINDS = NOTIFICATION_KINDS.filter((k) => !ADMIN_KINDS.includes(k));

/** The preferences form's label per kind (in English; the same labels in three languages: notifications.kinds.<kind>). */
export const KIND_LABELS: Record<NotificationKind, string> = {
  request_submitted: "A new request to review",
  request_approved: "A request approved",
  request_rejected: "A request rejected",
  key_revoked: "A key revoked by COPA",
  key_leaked: "A key reported as leaked",
  key_limits_changed: "A key's limits changed by COPA",
  organization_suspended: "The organisation suspended",
  organization_reactivated: "The organisation reactivated",
  request_changes_requested: "COPA asks for changes to a request",
  request_resubmitted: "A request resubmitted after changes",
  second_approval_needed: "A grant waiting for a second admin",
  scope_change_requested: "A scope change to review",
  scope_change_decided: "A scope change decided",
};
