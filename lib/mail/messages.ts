// Every mail's structure, in one place: one entry per template, a function of the
// template's parameters returning the subject and the blocks of the body. The words are
// messages of the "mail" namespace (lib/i18n/messages/{rw,en,fr}/mail.json), put together
// in the mail's language when it is rendered (lib/mail/render.ts), so the layout and the
// callers do not change with the language.
//
// Rules for what goes in here: no key, no password, and no token except inside the one
// link a mail exists for (`action.url`, built by the renderer from the stored secret).
// Parameters are data, not words: dates as ISO strings, ids (environment, role,
// decision) rather than labels; lib/mail/format.ts puts them into the mail's language.
import type { Formatter, Translate } from "./format";

export type MailBlock = { kind: "paragraph"; text: string } | { kind: "details"; rows: Array<[label: string, value: string]> };

export type MailContent = {
  subject: string;
  /** The first line mail clients show beside the subject. */
  preheader: string;
  heading: string;
  blocks: MailBlock[];
  /** The mail's one button; `url` is absolute. */
  action?: { label: string; url: string };
  /** Why the recipient got this mail / what to do if it was not them. */
  footnote: string;
};

export type MailContext = {
  /** The "mail" namespace in the mail's language. */
  t: Translate;
  f: Formatter;
  /** The portal's origin, e.g. https://developers.copa.rw (no trailing slash). */
  origin: string;
  /** The one-time link's URL when the template has one (else undefined). */
  secretUrl?: string;
};

const p = (text: string): MailBlock => ({ kind: "paragraph", text });

/** A digest's line: a new request (older rows stored the English line itself). */
export type DigestItem = { organizationName: string; keyName: string; environment: string };

/** What a second approval is for: a request, or scopes added to a key (older rows: `what`, in English). */
export type SecondApprovalSubject = { keyName?: string; scopes?: string; what?: string };

/** Where a leaked key was found: lib/leaks writes "GitHub secret scanning: <url>" or "Reported to COPA: <place>"; the source is put into the mail's language. */
function leakSource(t: Translate, found: string): string {
  for (const [english, key] of [["GitHub secret scanning", "key_leaked.sourceGithub"], ["Reported to COPA", "key_leaked.sourceCopa"]] as const) {
    if (found === english || found.startsWith(`${english}: `)) return found === english ? t(key) : t("layout.row", { label: t(key), value: found.slice(english.length + 2) });
  }
  return found;
}

/** "the request for "Loans"" / "adding loans:write to "Loans"" in the mail's language. */
export function secondApprovalWhat(t: Translate, params: SecondApprovalSubject): string {
  if (params.keyName !== undefined && params.scopes !== undefined) return t("second_approval_needed.whatScopes", { scopes: params.scopes, keyName: params.keyName });
  if (params.keyName !== undefined) return t("second_approval_needed.whatRequest", { keyName: params.keyName });
  return params.what ?? "";
}

export const TEMPLATES = {
  /** Sign-up: confirm the address (link valid 24 h). */
  verify_email: {
    secretPath: "/verify-email",
    content: (params: { name: string }, { t, secretUrl }: MailContext): MailContent => ({
      subject: t("verify_email.subject"),
      preheader: t("verify_email.preheader"),
      heading: t("verify_email.heading"),
      blocks: [p(t("common.hello", { name: params.name })), p(t("verify_email.body"))],
      action: { label: t("verify_email.action"), url: secretUrl! },
      footnote: t("verify_email.footnote"),
    }),
  },
  /** Someone signed up with an address that already has an account: tell its owner. */
  account_exists: {
    secretPath: undefined,
    content: (params: { name: string }, { t, origin }: MailContext): MailContent => ({
      subject: t("account_exists.subject"),
      preheader: t("account_exists.preheader"),
      heading: t("account_exists.heading"),
      blocks: [p(t("common.hello", { name: params.name })), p(t("account_exists.body")), p(t("account_exists.signIn", { url: `${origin}/sign-in` }))],
      action: { label: t("actions.signIn"), url: `${origin}/sign-in` },
      footnote: t("account_exists.footnote"),
    }),
  },
  /** Forgot password: a link to choose a new one (valid 30 minutes). */
  password_reset: {
    secretPath: "/reset-password",
    content: (params: { name: string }, { t, secretUrl }: MailContext): MailContent => ({
      subject: t("password_reset.subject"),
      preheader: t("password_reset.preheader"),
      heading: t("password_reset.heading"),
      blocks: [p(t("common.hello", { name: params.name })), p(t("password_reset.body"))],
      action: { label: t("password_reset.action"), url: secretUrl! },
      footnote: t("password_reset.footnote"),
    }),
  },
  /** Security notice after a password was set through a reset link. `when`: ISO (UTC). */
  password_changed: {
    secretPath: undefined,
    content: (params: { name: string; when: string }, { t, f, origin }: MailContext): MailContent => ({
      subject: t("password_changed.subject"),
      preheader: t("password_changed.preheader"),
      heading: t("password_changed.heading"),
      blocks: [
        p(t("common.hello", { name: params.name })),
        p(t("password_changed.body", { when: f.date(params.when) })),
        p(t("password_changed.notYou", { url: `${origin}/forgot-password` })),
      ],
      action: { label: t("actions.signIn"), url: `${origin}/sign-in` },
      footnote: t("password_changed.footnote"),
    }),
  },
  /** An owner invited this address into their organisation (link valid 7 days). `role`: the role's id; `expiresOn`: a day. */
  invitation: {
    secretPath: "/invitations/accept",
    content: (params: { organizationName: string; inviterName: string; role: string; expiresOn: string }, { t, f, secretUrl }: MailContext): MailContent => {
      const names = { organizationName: params.organizationName, inviterName: params.inviterName };
      const role = f.role(params.role);
      const expiresOn = f.day(params.expiresOn);
      return {
        subject: t("invitation.subject", names),
        preheader: t("invitation.preheader", { role, expiresOn }),
        heading: t("invitation.heading", names),
        blocks: [
          p(t("invitation.body", names)),
          { kind: "details", rows: [[t("labels.organisation"), params.organizationName], [t("labels.yourRole"), role], [t("labels.validUntil"), expiresOn]] },
          p(t("invitation.accept")),
        ],
        action: { label: t("invitation.action"), url: secretUrl! },
        footnote: t("invitation.footnote"),
      };
    },
  },
  /** A key expires soon (sent 7 days and 1 day before). `expiresAt`: ISO. */
  key_expiring: {
    secretPath: undefined,
    content: (params: { keyName: string; organizationName: string; keyPath: string; expiresAt: string; within: "7 days" | "1 day" }, { t, f, origin }: MailContext): MailContent => {
      const within = t("key_expiring.within", { days: params.within === "1 day" ? 1 : 7 });
      const expiresAt = f.date(params.expiresAt);
      const names = { keyName: params.keyName, organizationName: params.organizationName };
      return {
        subject: t("key_expiring.subject", { keyName: params.keyName, within }),
        preheader: t("key_expiring.preheader", { expiresAt }),
        heading: t("key_expiring.heading", { keyName: params.keyName, within }),
        blocks: [p(t("key_expiring.body", { ...names, expiresAt })), p(t("key_expiring.advice"))],
        action: { label: t("actions.openKey"), url: `${origin}${params.keyPath}` },
        footnote: t("common.footnoteMember"),
      };
    },
  },
  /** A rotated key's grace period ends within the hour. `endsAt`: ISO. */
  rotation_grace_ending: {
    secretPath: undefined,
    content: (params: { keyName: string; organizationName: string; keyPath: string; endsAt: string }, { t, f, origin }: MailContext): MailContent => {
      const endsAt = f.date(params.endsAt);
      return {
        subject: t("rotation_grace_ending.subject", { keyName: params.keyName }),
        preheader: t("rotation_grace_ending.preheader", { endsAt }),
        heading: t("rotation_grace_ending.heading"),
        blocks: [p(t("rotation_grace_ending.body", { keyName: params.keyName, organizationName: params.organizationName, endsAt })), p(t("rotation_grace_ending.advice"))],
        action: { label: t("actions.openKey"), url: `${origin}${params.keyPath}` },
        footnote: t("common.footnoteMember"),
      };
    },
  },
  // ---- notifications (lib/notifications): each can be turned off on the account page ----
  /** Admins: a partner submitted a request (instant mail). */
  request_submitted: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; environment: string; scopes: string; requestPath: string }, { t, f, origin }: MailContext): MailContent => {
      const environment = f.environment(params.environment);
      return {
        subject: t("request_submitted.subject", { organizationName: params.organizationName, keyName: params.keyName }),
        preheader: t("request_submitted.preheader", { organizationName: params.organizationName, environment }),
        heading: t("request_submitted.heading"),
        blocks: [
          p(t("request_submitted.body", { organizationName: params.organizationName, keyName: params.keyName })),
          { kind: "details", rows: [[t("labels.organisation"), params.organizationName], [t("labels.environment"), environment], [t("labels.requestedScopes"), f.value(params.scopes)]] },
        ],
        action: { label: t("actions.reviewRequest"), url: `${origin}${params.requestPath}` },
        footnote: t("request_submitted.footnote"),
      };
    },
  },
  /** Admins who chose the daily digest: the requests submitted since the last one. `day`: YYYY-MM-DD (UTC). */
  request_digest: {
    secretPath: undefined,
    content: (params: { day: string; count: number; items?: DigestItem[]; lines?: string[]; more: number }, { t, f, origin }: MailContext): MailContent => {
      const lines = params.items
        ? params.items.map((item) => t("request_digest.line", { organizationName: item.organizationName, keyName: item.keyName, environment: f.environment(item.environment) }))
        : (params.lines ?? []);
      return {
        subject: t("request_digest.subject", { count: params.count, day: f.day(params.day) }),
        preheader: t("request_digest.preheader"),
        heading: t("request_digest.heading"),
        blocks: [
          p(t("request_digest.body", { count: params.count })),
          ...lines.map((line) => p(line)),
          ...(params.more > 0 ? [p(t("request_digest.more", { more: params.more }))] : []),
        ],
        action: { label: t("request_digest.action"), url: `${origin}/admin/requests` },
        footnote: t("request_digest.footnote"),
      };
    },
  },
  /** Owners and developers: a request was approved. `expiresAt`: ISO, or "never". */
  request_approved: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; requestedScopes: string; grantedScopes: string; expiresAt: string; keyPath: string }, { t, f, origin }: MailContext): MailContent => ({
      subject: t("request_approved.subject", { keyName: params.keyName }),
      preheader: t("request_approved.preheader"),
      heading: t("request_approved.heading", { keyName: params.keyName }),
      blocks: [
        p(t("request_approved.body", { organizationName: params.organizationName, keyName: params.keyName })),
        { kind: "details", rows: [[t("labels.requestedScopes"), f.value(params.requestedScopes)], [t("labels.grantedScopes"), f.value(params.grantedScopes)], [t("labels.expires"), f.date(params.expiresAt)]] },
      ],
      action: { label: t("actions.openKey"), url: `${origin}${params.keyPath}` },
      footnote: t("common.footnoteMemberOff"),
    }),
  },
  /** Owners and developers: a request was rejected, with COPA's reason. */
  request_rejected: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; reason: string; requestPath: string }, { t, origin }: MailContext): MailContent => ({
      subject: t("request_rejected.subject", { keyName: params.keyName }),
      preheader: t("request_rejected.preheader"),
      heading: t("request_rejected.heading", { keyName: params.keyName }),
      blocks: [
        p(t("request_rejected.body", { organizationName: params.organizationName, keyName: params.keyName })),
        { kind: "details", rows: [[t("labels.reason"), params.reason]] },
        p(t("request_rejected.again")),
      ],
      action: { label: t("actions.openRequest"), url: `${origin}${params.requestPath}` },
      footnote: t("common.footnoteMemberOff"),
    }),
  },
  /** Owners and developers: an admin revoked a key. */
  key_revoked: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; mask: string; reason: string; keyPath: string }, { t, f, origin }: MailContext): MailContent => ({
      subject: t("key_revoked.subject", { keyName: params.keyName }),
      preheader: t("key_revoked.preheader"),
      heading: t("key_revoked.heading", { keyName: params.keyName }),
      blocks: [
        p(t("key_revoked.body", { keyName: params.keyName, mask: f.value(params.mask), organizationName: params.organizationName })),
        { kind: "details", rows: [[t("labels.reason"), f.value(params.reason)]] },
      ],
      action: { label: t("actions.openKey"), url: `${origin}${params.keyPath}` },
      footnote: t("common.footnoteMemberOff"),
    }),
  },
  /** Owners and developers: a key was reported as leaked, and what COPA did (lib/leaks). `found`: where (its English prefix names the source). */
  key_leaked: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; mask: string; outcome: string; found: string; withdrawn: string; keyPath: string }, { t, f, origin }: MailContext): MailContent => ({
      subject: t("key_leaked.subject", { keyName: params.keyName }),
      preheader: t("key_leaked.preheader", { outcome: params.outcome }),
      heading: t("key_leaked.heading", { keyName: params.keyName }),
      blocks: [
        p(t("key_leaked.body", { keyName: params.keyName, mask: f.value(params.mask), organizationName: params.organizationName })),
        { kind: "details", rows: [[t("key_leaked.found"), leakSource(t, params.found)], [t("key_leaked.whatCopaDid"), t("key_leaked.outcome", { outcome: params.outcome, withdrawn: f.value(params.withdrawn) })]] },
        p(t("key_leaked.advice")),
      ],
      action: { label: t("actions.openKey"), url: `${origin}${params.keyPath}` },
      footnote: t("common.footnoteMember"),
    }),
  },
  /** Owners and developers: an admin changed a key's rate limits. */
  key_limits_changed: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; perHour: string; perDay: string; keyPath: string }, { t, f, origin }: MailContext): MailContent => {
      const perHour = f.value(params.perHour);
      const perDay = f.value(params.perDay);
      return {
        subject: t("key_limits_changed.subject", { keyName: params.keyName }),
        preheader: t("key_limits_changed.preheader", { perHour, perDay }),
        heading: t("key_limits_changed.heading", { keyName: params.keyName }),
        blocks: [
          p(t("key_limits_changed.body", { keyName: params.keyName, organizationName: params.organizationName })),
          { kind: "details", rows: [[t("labels.perHour"), perHour], [t("labels.perDay"), perDay]] },
        ],
        action: { label: t("actions.openKey"), url: `${origin}${params.keyPath}` },
        footnote: t("common.footnoteMemberOff"),
      };
    },
  },
  /** Owners and developers: COPA suspended the organisation. */
  organization_suspended: {
    secretPath: undefined,
    content: (params: { organizationName: string; reason: string }, { t, origin }: MailContext): MailContent => {
      const names = { organizationName: params.organizationName };
      return {
        subject: t("organization_suspended.subject", names),
        preheader: t("organization_suspended.preheader"),
        heading: t("organization_suspended.heading", names),
        blocks: [p(t("organization_suspended.body", names)), { kind: "details", rows: [[t("labels.reason"), params.reason]] }, p(t("organization_suspended.contact"))],
        action: { label: t("actions.openPortal"), url: `${origin}/keys` },
        footnote: t("common.footnoteMemberOff"),
      };
    },
  },
  /** Owners and developers: COPA lifted the suspension. */
  organization_reactivated: {
    secretPath: undefined,
    content: (params: { organizationName: string }, { t, origin }: MailContext): MailContent => {
      const names = { organizationName: params.organizationName };
      return {
        subject: t("organization_reactivated.subject", names),
        preheader: t("organization_reactivated.preheader"),
        heading: t("organization_reactivated.heading", names),
        blocks: [p(t("organization_reactivated.body", names))],
        action: { label: t("actions.openPortal"), url: `${origin}/keys` },
        footnote: t("common.footnoteMemberOff"),
      };
    },
  },
  /** Owners and developers: COPA sent a request back with a message (review workflow). */
  request_changes_requested: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; message: string; requestPath: string }, { t, origin }: MailContext): MailContent => ({
      subject: t("request_changes_requested.subject", { keyName: params.keyName }),
      preheader: t("request_changes_requested.preheader"),
      heading: t("request_changes_requested.heading", { keyName: params.keyName }),
      blocks: [
        p(t("request_changes_requested.body", { organizationName: params.organizationName, keyName: params.keyName })),
        { kind: "details", rows: [[t("labels.copaMessage"), params.message]] },
        p(t("request_changes_requested.resubmit")),
      ],
      action: { label: t("actions.openRequest"), url: `${origin}${params.requestPath}` },
      footnote: t("common.footnoteMemberOff"),
    }),
  },
  /** Admins: a partner resubmitted a request COPA had sent back. */
  request_resubmitted: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; scopes: string; requestPath: string }, { t, f, origin }: MailContext): MailContent => {
      const names = { organizationName: params.organizationName, keyName: params.keyName };
      return {
        subject: t("request_resubmitted.subject", names),
        preheader: t("request_resubmitted.preheader"),
        heading: t("request_resubmitted.heading"),
        blocks: [p(t("request_resubmitted.body", names)), { kind: "details", rows: [[t("labels.requestedScopes"), f.value(params.scopes)]] }],
        action: { label: t("actions.reviewRequest"), url: `${origin}${params.requestPath}` },
        footnote: t("common.footnoteAdminOff"),
      };
    },
  },
  /** Admins other than the first approver: a grant waits for a second admin (two-person rule). */
  second_approval_needed: {
    secretPath: undefined,
    content: (params: { organizationName: string; firstApprover: string; path: string } & SecondApprovalSubject, { t, origin }: MailContext): MailContent => {
      const what = secondApprovalWhat(t, params);
      return {
        subject: t("second_approval_needed.subject", { what, organizationName: params.organizationName }),
        preheader: t("second_approval_needed.preheader", { firstApprover: params.firstApprover }),
        heading: t("second_approval_needed.heading"),
        blocks: [p(t("second_approval_needed.body", { firstApprover: params.firstApprover, what, organizationName: params.organizationName }))],
        action: { label: t("second_approval_needed.action"), url: `${origin}${params.path}` },
        footnote: t("common.footnoteAdminOff"),
      };
    },
  },
  /** Admins: a partner asked for more scopes on a live key. */
  scope_change_requested: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; add: string; reason: string; path: string }, { t, origin }: MailContext): MailContent => {
      const names = { organizationName: params.organizationName, keyName: params.keyName };
      return {
        subject: t("scope_change_requested.subject", names),
        preheader: t("scope_change_requested.preheader", { add: params.add }),
        heading: t("scope_change_requested.heading"),
        blocks: [p(t("scope_change_requested.body", names)), { kind: "details", rows: [[t("labels.add"), params.add], [t("labels.reason"), params.reason]] }],
        action: { label: t("scope_change_requested.action"), url: `${origin}${params.path}` },
        footnote: t("common.footnoteAdminOff"),
      };
    },
  },
  /** Owners and developers: COPA approved or rejected a scope change on a key. `note`: COPA's note, or "" / "none". */
  scope_change_decided: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; decision: "approved" | "rejected"; add: string; note: string; keyPath: string }, { t, f, origin }: MailContext): MailContent => {
      const values = { decision: params.decision, keyName: params.keyName, organizationName: params.organizationName };
      return {
        subject: t("scope_change_decided.subject", values),
        preheader: t("scope_change_decided.preheader", values),
        heading: t("scope_change_decided.heading", values),
        blocks: [p(t("scope_change_decided.body", values)), { kind: "details", rows: [[t("labels.scopesAsked"), f.value(params.add)], [t("labels.copaNote"), f.value(params.note)]] }],
        action: { label: t("actions.openKey"), url: `${origin}${params.keyPath}` },
        footnote: t("common.footnoteMemberOff"),
      };
    },
  },
} as const;

export type MailTemplateId = keyof typeof TEMPLATES;
export type MailParams<T extends MailTemplateId> = Parameters<(typeof TEMPLATES)[T]["content"]>[0];
export const MAIL_TEMPLATE_IDS = Object.keys(TEMPLATES) as MailTemplateId[];
