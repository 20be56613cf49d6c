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
} as const;

export type MailTemplateId = keyof typeof TEMPLATES;
export type MailParams<T extends MailTemplateId> = Parameters<(typeof TEMPLATES)[T]["content"]>[0];
export const MAIL_TEMPLATE_IDS = Object.keys(TEMPLATES) as MailTemplateId[];
