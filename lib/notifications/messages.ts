// The in-app words of every notification kind, as plain message objects (one entry per
// kind, a function of the same parameters as the kind's mail in lib/mail/messages.ts), so
// a later localisation pass can replace them per locale without touching the callers.
import type { MailParams } from "@/lib/mail/messages";

export type NoticeContent = { title: string; body: string; link: string };

export const NOTICES = {
  request_submitted: (p: MailParams<"request_submitted">): NoticeContent => ({
    title: `New request from ${p.organizationName}`,
    body: `"${p.keyName}", ${p.environment}: ${p.scopes}`,
    link: p.requestPath,
  }),
  request_approved: (p: MailParams<"request_approved">): NoticeContent => ({
    title: `"${p.keyName}" was approved`,
    body: `Granted: ${p.grantedScopes} (requested: ${p.requestedScopes}). Expires: ${p.expiresAt}. Reveal the key: it is shown once.`,
    link: p.keyPath,
  }),
  request_rejected: (p: MailParams<"request_rejected">): NoticeContent => ({
    title: `"${p.keyName}" was not approved`,
    body: `Reason: ${p.reason}`,
    link: p.requestPath,
  }),
  key_revoked: (p: MailParams<"key_revoked">): NoticeContent => ({
    title: `COPA revoked "${p.keyName}"`,
    body: `${p.mask}. Reason: ${p.reason}`,
    link: p.keyPath,
  }),
  key_limits_changed: (p: MailParams<"key_limits_changed">): NoticeContent => ({
    title: `New limits for "${p.keyName}"`,
    body: `${p.perHour} per hour, ${p.perDay} per day.`,
    link: p.keyPath,
  }),
  organization_suspended: (p: MailParams<"organization_suspended">): NoticeContent => ({
    title: `${p.organizationName} is suspended`,
    body: `Its keys are refused until COPA reactivates it. Reason: ${p.reason}`,
    link: "/keys",
  }),
  organization_reactivated: (p: MailParams<"organization_reactivated">): NoticeContent => ({
    title: `${p.organizationName} is active again`,
    body: "Its keys work again and it can request keys.",
    link: "/keys",
  }),
} as const;

export type NotificationKind = keyof typeof NOTICES;
export const NOTIFICATION_KINDS = Object.keys(NOTICES) as NotificationKind[];
/** What an organisation's owners and developers receive (their preferences list these). */
export const PARTNER_KINDS = NOTIFICATION_KINDS.filter((k) => k !== "request_submitted");

/** The preferences form's label per kind. */
export const KIND_LABELS: Record<NotificationKind, string> = {
  request_submitted: "A new request to review",
  request_approved: "A request approved",
  request_rejected: "A request rejected",
  key_revoked: "A key revoked by COPA",
  key_limits_changed: "A key's limits changed by COPA",
  organization_suspended: "The organisation suspended",
  organization_reactivated: "The organisation reactivated",
};
