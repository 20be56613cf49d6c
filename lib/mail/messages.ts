// Every mail's words, in one place, as plain message objects: one entry per template, a
// function of the template's parameters returning the subject and the blocks of the body.
// A later localisation pass (Kinyarwanda, English, French) replaces this object per
// locale without touching the layout (lib/mail/render.ts) or the callers.
//
// Rules for what goes in here: no key, no password, and no token except inside the one
// link a mail exists for (`action.url`, built by the renderer from the stored secret).

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

type Links = {
  /** The portal's origin, e.g. https://developers.copa.rw (no trailing slash). */
  origin: string;
  /** The one-time link's URL when the template has one (else undefined). */
  secretUrl?: string;
};

const p = (text: string): MailBlock => ({ kind: "paragraph", text });

export const TEMPLATES = {
  /** Sign-up: confirm the address (link valid 24 h). */
  verify_email: {
    secretPath: "/verify-email",
    content: (params: { name: string }, links: Links): MailContent => ({
      subject: "Confirm your e-mail address for the COPA Developer Portal",
      preheader: "One click to confirm your address; the link works for 24 hours.",
      heading: "Confirm your e-mail address",
      blocks: [
        p(`Hello ${params.name},`),
        p("Thank you for signing up to the COPA Developer Portal. Confirm that this address is yours to request API keys. The link works once, for 24 hours."),
      ],
      action: { label: "Confirm my address", url: links.secretUrl! },
      footnote: "If you did not sign up, ignore this mail: no account is used until the address is confirmed.",
    }),
  },
  /** Someone signed up with an address that already has an account: tell its owner. */
  account_exists: {
    secretPath: undefined,
    content: (params: { name: string }, links: Links): MailContent => ({
      subject: "Someone tried to sign up with your address",
      preheader: "You already have an account on the COPA Developer Portal.",
      heading: "You already have an account",
      blocks: [
        p(`Hello ${params.name},`),
        p("Someone (perhaps you) just tried to create a COPA Developer Portal account with this e-mail address, which already has one. Nothing was changed."),
        p(`To get into your account, sign in at ${links.origin}/sign-in. If you forgot your password, choose "Forgot password?" there.`),
      ],
      action: { label: "Sign in", url: `${links.origin}/sign-in` },
      footnote: "If this was not you, you can ignore this mail: your account and password are unchanged.",
    }),
  },
  /** Forgot password: a link to choose a new one (valid 30 minutes). */
  password_reset: {
    secretPath: "/reset-password",
    content: (params: { name: string }, links: Links): MailContent => ({
      subject: "Reset your COPA Developer Portal password",
      preheader: "The link works once, for 30 minutes.",
      heading: "Reset your password",
      blocks: [
        p(`Hello ${params.name},`),
        p("Someone asked to reset the password of your COPA Developer Portal account. Choose a new password with the link below. It works once, for 30 minutes; setting a new password signs you out everywhere."),
      ],
      action: { label: "Choose a new password", url: links.secretUrl! },
      footnote: "If you did not ask for this, ignore this mail: your password stays as it is.",
    }),
  },
  /** Security notice after a password was set through a reset link. */
  password_changed: {
    secretPath: undefined,
    content: (params: { name: string; when: string }, links: Links): MailContent => ({
      subject: "Your COPA Developer Portal password was changed",
      preheader: "Every session of your account was ended.",
      heading: "Your password was changed",
      blocks: [
        p(`Hello ${params.name},`),
        p(`The password of your account was changed on ${params.when} (UTC) with a reset link, and every session of your account was ended.`),
        p(`If this was not you, reset your password again at ${links.origin}/forgot-password at once and tell COPA.`),
      ],
      action: { label: "Sign in", url: `${links.origin}/sign-in` },
      footnote: "This is a security notice; it cannot be turned off.",
    }),
  },
  /** An owner invited this address into their organisation (link valid 7 days). */
  invitation: {
    secretPath: "/invitations/accept",
    content: (params: { organizationName: string; inviterName: string; role: string; expiresOn: string }, links: Links): MailContent => ({
      subject: `${params.inviterName} invited you to ${params.organizationName} on the COPA Developer Portal`,
      preheader: `Join as ${params.role}; the invitation is valid until ${params.expiresOn}.`,
      heading: `Join ${params.organizationName}`,
      blocks: [
        p(`${params.inviterName} invited you to join ${params.organizationName} on the COPA Developer Portal, where partners request and manage keys for the COPA API.`),
        { kind: "details", rows: [["Organisation", params.organizationName], ["Your role", params.role], ["Valid until", `${params.expiresOn} (UTC)`]] },
        p("Nobody joins without accepting. Open the link to accept; if you have no account yet, you can create one with this address first."),
      ],
      action: { label: "Accept the invitation", url: links.secretUrl! },
      footnote: "If you do not know this organisation, ignore this mail: nothing happens unless you accept.",
    }),
  },
  /** A key expires soon (sent 7 days and 1 day before). */
  key_expiring: {
    secretPath: undefined,
    content: (params: { keyName: string; organizationName: string; keyPath: string; expiresAt: string; within: "7 days" | "1 day" }, links: Links): MailContent => ({
      subject: `Your COPA API key "${params.keyName}" expires in ${params.within}`,
      preheader: `Rotate it before ${params.expiresAt} (UTC) to keep your integration running.`,
      heading: `"${params.keyName}" expires in ${params.within}`,
      blocks: [
        p(`The key "${params.keyName}" of ${params.organizationName} stops working on ${params.expiresAt} (UTC). Calls made with it after that are refused with 401.`),
        p("To keep your integration running, request a new key (or rotate this one) and deploy it before then."),
      ],
      action: { label: "Open the key", url: `${links.origin}${params.keyPath}` },
      footnote: "You receive this as an owner or developer of the organisation.",
    }),
  },
  /** A rotated key's grace period ends within the hour. */
  rotation_grace_ending: {
    secretPath: undefined,
    content: (params: { keyName: string; organizationName: string; keyPath: string; endsAt: string }, links: Links): MailContent => ({
      subject: `The old "${params.keyName}" key stops working within the hour`,
      preheader: `The rotation grace period ends at ${params.endsAt} (UTC).`,
      heading: "The old key stops working soon",
      blocks: [
        p(`"${params.keyName}" of ${params.organizationName} was rotated. Its old secret keeps working until ${params.endsAt} (UTC), less than an hour from now; after that only the new secret works.`),
        p("Make sure every system uses the new secret before then."),
      ],
      action: { label: "Open the key", url: `${links.origin}${params.keyPath}` },
      footnote: "You receive this as an owner or developer of the organisation.",
    }),
  },
  // ---- notifications (lib/notifications): each can be turned off on the account page ----
  /** Admins: a partner submitted a request (instant mail). */
  request_submitted: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; environment: string; scopes: string; requestPath: string }, links: Links): MailContent => ({
      subject: `New key request from ${params.organizationName}: "${params.keyName}"`,
      preheader: `${params.organizationName} asks for a ${params.environment} key.`,
      heading: "A new key request to review",
      blocks: [
        p(`${params.organizationName} submitted a request for the key "${params.keyName}".`),
        { kind: "details", rows: [["Organisation", params.organizationName], ["Environment", params.environment], ["Requested scopes", params.scopes]] },
      ],
      action: { label: "Review the request", url: `${links.origin}${params.requestPath}` },
      footnote: "You receive this as a COPA admin. Choose instant mail or a daily digest on your account page.",
    }),
  },
  /** Admins who chose the daily digest: the requests submitted since the last one. */
  request_digest: {
    secretPath: undefined,
    content: (params: { day: string; count: number; lines: string[]; more: number }, links: Links): MailContent => ({
      subject: `${params.count} new key request${params.count === 1 ? "" : "s"} (${params.day})`,
      preheader: "Your daily digest of new requests on the COPA Developer Portal.",
      heading: "New key requests",
      blocks: [
        p(`${params.count} request${params.count === 1 ? " was" : "s were"} submitted since your last digest.`),
        ...params.lines.map((line) => p(line)),
        ...(params.more > 0 ? [p(`And ${params.more} more.`)] : []),
      ],
      action: { label: "Open the review queue", url: `${links.origin}/admin/requests` },
      footnote: "You receive this daily digest as a COPA admin. Choose instant mail instead on your account page.",
    }),
  },
  /** Owners and developers: a request was approved. */
  request_approved: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; requestedScopes: string; grantedScopes: string; expiresAt: string; keyPath: string }, links: Links): MailContent => ({
      subject: `Your request for "${params.keyName}" was approved`,
      preheader: "Your key is ready to reveal on the portal.",
      heading: `"${params.keyName}" was approved`,
      blocks: [
        p(`COPA approved the request of ${params.organizationName} for the key "${params.keyName}". Reveal the key on the portal: it is shown once.`),
        { kind: "details", rows: [["Requested scopes", params.requestedScopes], ["Granted scopes", params.grantedScopes], ["Expires", params.expiresAt]] },
      ],
      action: { label: "Open the key", url: `${links.origin}${params.keyPath}` },
      footnote: "You receive this as an owner or developer of the organisation. Turn these mails off on your account page.",
    }),
  },
  /** Owners and developers: a request was rejected, with COPA's reason. */
  request_rejected: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; reason: string; requestPath: string }, links: Links): MailContent => ({
      subject: `Your request for "${params.keyName}" was not approved`,
      preheader: "COPA gave a reason; you can submit a new request.",
      heading: `"${params.keyName}" was not approved`,
      blocks: [
        p(`COPA did not approve the request of ${params.organizationName} for the key "${params.keyName}".`),
        { kind: "details", rows: [["Reason", params.reason]] },
        p("You can submit a new request that addresses the reason."),
      ],
      action: { label: "Open the request", url: `${links.origin}${params.requestPath}` },
      footnote: "You receive this as an owner or developer of the organisation. Turn these mails off on your account page.",
    }),
  },
  /** Owners and developers: an admin revoked a key. */
  key_revoked: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; mask: string; reason: string; keyPath: string }, links: Links): MailContent => ({
      subject: `COPA revoked the key "${params.keyName}"`,
      preheader: "Calls made with it are now refused.",
      heading: `"${params.keyName}" was revoked`,
      blocks: [
        p(`A COPA admin revoked the key "${params.keyName}" (${params.mask}) of ${params.organizationName}. Calls made with it are refused from now on.`),
        { kind: "details", rows: [["Reason", params.reason]] },
      ],
      action: { label: "Open the key", url: `${links.origin}${params.keyPath}` },
      footnote: "You receive this as an owner or developer of the organisation. Turn these mails off on your account page.",
    }),
  },
  /** Owners and developers: a key was reported as leaked, and what COPA did (lib/leaks). */
  key_leaked: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; mask: string; outcome: string; found: string; withdrawn: string; keyPath: string }, links: Links): MailContent => ({
      subject: `The key "${params.keyName}" was found in public`,
      preheader: params.outcome === "revoked" ? "COPA revoked it: rotate to a new key." : "COPA withdrew its write scopes: rotate it now.",
      heading: `"${params.keyName}" was reported as leaked`,
      blocks: [
        p(`The key "${params.keyName}" (${params.mask}) of ${params.organizationName} was found where others can read it.`),
        { kind: "details", rows: [["Found", params.found], ["What COPA did", params.outcome === "revoked" ? "Revoked the key: calls made with it are refused." : `Withdrew its write scopes (${params.withdrawn}); reads still work until you rotate.`]] },
        p("Issue a new key, deploy it, then revoke the old one. Remove the key from where it was published."),
      ],
      action: { label: "Open the key", url: `${links.origin}${params.keyPath}` },
      footnote: "You receive this as an owner or developer of the organisation.",
    }),
  },
  /** Owners and developers: an admin changed a key's rate limits. */
  key_limits_changed: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; perHour: string; perDay: string; keyPath: string }, links: Links): MailContent => ({
      subject: `COPA changed the limits of the key "${params.keyName}"`,
      preheader: `Now ${params.perHour} per hour, ${params.perDay} per day.`,
      heading: `New limits for "${params.keyName}"`,
      blocks: [
        p(`A COPA admin changed the rate limits of the key "${params.keyName}" of ${params.organizationName}. They apply from its next call.`),
        { kind: "details", rows: [["Per hour", params.perHour], ["Per day", params.perDay]] },
      ],
      action: { label: "Open the key", url: `${links.origin}${params.keyPath}` },
      footnote: "You receive this as an owner or developer of the organisation. Turn these mails off on your account page.",
    }),
  },
  /** Owners and developers: COPA suspended the organisation. */
  organization_suspended: {
    secretPath: undefined,
    content: (params: { organizationName: string; reason: string }, links: Links): MailContent => ({
      subject: `${params.organizationName} was suspended on the COPA Developer Portal`,
      preheader: "Its keys are refused until COPA reactivates it.",
      heading: `${params.organizationName} is suspended`,
      blocks: [
        p(`COPA suspended ${params.organizationName}. Its keys are refused by the API and it cannot request keys until COPA reactivates it. Nothing was deleted.`),
        { kind: "details", rows: [["Reason", params.reason]] },
        p("Contact COPA to resolve the suspension."),
      ],
      action: { label: "Open the portal", url: `${links.origin}/keys` },
      footnote: "You receive this as an owner or developer of the organisation. Turn these mails off on your account page.",
    }),
  },
  /** Owners and developers: COPA lifted the suspension. */
  organization_reactivated: {
    secretPath: undefined,
    content: (params: { organizationName: string }, links: Links): MailContent => ({
      subject: `${params.organizationName} was reactivated on the COPA Developer Portal`,
      preheader: "Its keys work again.",
      heading: `${params.organizationName} is active again`,
      blocks: [p(`COPA reactivated ${params.organizationName}. Its keys that have not expired or been revoked work again, and it can request keys.`)],
      action: { label: "Open the portal", url: `${links.origin}/keys` },
      footnote: "You receive this as an owner or developer of the organisation. Turn these mails off on your account page.",
    }),
  },
  /** Owners and developers: COPA sent a request back with a message (review workflow). */
  request_changes_requested: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; message: string; requestPath: string }, links: Links): MailContent => ({
      subject: `COPA asks for changes to your request for "${params.keyName}"`,
      preheader: "Edit the request and send it back; it keeps its place in the queue.",
      heading: `Changes asked for "${params.keyName}"`,
      blocks: [
        p(`COPA reviewed the request of ${params.organizationName} for the key "${params.keyName}" and asks for changes before deciding.`),
        { kind: "details", rows: [["COPA's message", params.message]] },
        p("Edit the request and resubmit it; it keeps its original place in the queue."),
      ],
      action: { label: "Open the request", url: `${links.origin}${params.requestPath}` },
      footnote: "You receive this as an owner or developer of the organisation. Turn these mails off on your account page.",
    }),
  },
  /** Admins: a partner resubmitted a request COPA had sent back. */
  request_resubmitted: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; scopes: string; requestPath: string }, links: Links): MailContent => ({
      subject: `${params.organizationName} resubmitted "${params.keyName}"`,
      preheader: "The request is back in the review queue.",
      heading: "A request is back for review",
      blocks: [
        p(`${params.organizationName} edited the request for the key "${params.keyName}" as asked and sent it back.`),
        { kind: "details", rows: [["Requested scopes", params.scopes]] },
      ],
      action: { label: "Review the request", url: `${links.origin}${params.requestPath}` },
      footnote: "You receive this as a COPA admin. Turn these mails off on your account page.",
    }),
  },
  /** Admins other than the first approver: a grant waits for a second admin (two-person rule). */
  second_approval_needed: {
    secretPath: undefined,
    content: (params: { organizationName: string; what: string; firstApprover: string; path: string }, links: Links): MailContent => ({
      subject: `A second approval is needed: ${params.what} (${params.organizationName})`,
      preheader: `${params.firstApprover} approved it first; a different admin must confirm.`,
      heading: "A second approval is needed",
      blocks: [
        p(`${params.firstApprover} approved ${params.what} for ${params.organizationName}. Under the two-person rule a different admin must confirm it before it takes effect.`),
      ],
      action: { label: "Review it", url: `${links.origin}${params.path}` },
      footnote: "You receive this as a COPA admin. Turn these mails off on your account page.",
    }),
  },
  /** Admins: a partner asked for more scopes on a live key. */
  scope_change_requested: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; add: string; reason: string; path: string }, links: Links): MailContent => ({
      subject: `${params.organizationName} asks for more scopes on "${params.keyName}"`,
      preheader: `Add: ${params.add}`,
      heading: "A scope change to review",
      blocks: [
        p(`${params.organizationName} asks to add scopes to its live key "${params.keyName}".`),
        { kind: "details", rows: [["Add", params.add], ["Reason", params.reason]] },
      ],
      action: { label: "Review the change", url: `${links.origin}${params.path}` },
      footnote: "You receive this as a COPA admin. Turn these mails off on your account page.",
    }),
  },
  /** Owners and developers: COPA approved or rejected a scope change on a key. */
  scope_change_decided: {
    secretPath: undefined,
    content: (params: { organizationName: string; keyName: string; decision: "approved" | "rejected"; add: string; note: string; keyPath: string }, links: Links): MailContent => ({
      subject: `COPA ${params.decision} the new scopes for "${params.keyName}"`,
      preheader: params.decision === "approved" ? "The key holds them from its next call." : "The key keeps its scopes.",
      heading: `Scope change ${params.decision}`,
      blocks: [
        p(params.decision === "approved"
          ? `COPA approved the scopes asked for the key "${params.keyName}" of ${params.organizationName}. The key holds them from its next call; its secret is unchanged.`
          : `COPA did not approve the scopes asked for the key "${params.keyName}" of ${params.organizationName}. The key keeps its scopes.`),
        { kind: "details", rows: [["Scopes asked", params.add], ["COPA's note", params.note]] },
      ],
      action: { label: "Open the key", url: `${links.origin}${params.keyPath}` },
      footnote: "You receive this as an owner or developer of the organisation. Turn these mails off on your account page.",
    }),
  },
} as const;

export type MailTemplateId = keyof typeof TEMPLATES;
export type MailParams<T extends MailTemplateId> = Parameters<(typeof TEMPLATES)[T]["content"]>[0];
export const MAIL_TEMPLATE_IDS = Object.keys(TEMPLATES) as MailTemplateId[];
