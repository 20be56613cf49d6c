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
  key_leaked: (p: MailParams<"key_leaked">): NoticeContent => ({
    title: `"${p.keyName}" was reported as leaked`,
    body: p.outcome === "revoked" ? `${p.mask} was revoked. Rotate to a new key.` : `${p.mask} lost its write scopes (${p.withdrawn}). Rotate it now.`,
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
  request_changes_requested: (p: MailParams<"request_changes_requested">): NoticeContent => ({
    title: `COPA asks for changes to "${p.keyName}"`,
    body: p.message,
    link: p.requestPath,
  }),
  request_resubmitted: (p: MailParams<"request_resubmitted">): NoticeContent => ({
    title: `${p.organizationName} resubmitted "${p.keyName}"`,
    body: `Requested scopes: ${p.scopes}`,
    link: p.requestPath,
  }),
  second_approval_needed: (p: MailParams<"second_approval_needed">): NoticeContent => ({
    title: `Second approval needed: ${p.what}`,
    body: `${p.organizationName}; approved first by ${p.firstApprover}.`,
    link: p.path,
  }),
  scope_change_requested: (p: MailParams<"scope_change_requested">): NoticeContent => ({
    title: `${p.organizationName} asks for more scopes on "${p.keyName}"`,
    body: `Add: ${p.add}. Reason: ${p.reason}`,
    link: p.path,
  }),
  scope_change_decided: (p: MailParams<"scope_change_decided">): NoticeContent => ({
    title: `Scope change ${p.decision} for "${p.keyName}"`,
    body: `Scopes asked: ${p.add}. Note: ${p.note}`,
    link: p.keyPath,
  }),
} as const;

export type NotificationKind = keyof typeof NOTICES;
export const NOTIFICATION_KINDS = Object.keys(NOTICES) as NotificationKind[];
/** What only admins receive. */
export const ADMIN_KINDS: NotificationKind[] = ["request_submitted", "request_resubmitted", "second_approval_needed", "scope_change_requested"];
/** What an organisation's owners and developers receive (their preferences list these). */
export const PARTNER_KINDS = NOTIFICATION_KINDS.filter((k) => !ADMIN_KINDS.includes(k));

/** The preferences form's label per kind. */
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
