import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { NOTIFICATION_KINDS, renderNotice, type NotificationKind } from "./messages";

const SAMPLE: Record<NotificationKind, Record<string, unknown>> = {
  request_submitted: { organizationName: "Umurenge SACCO", keyName: "Loans", environment: "production", scopes: "loans:read", requestPath: "/admin/requests/r1" },
  request_approved: { organizationName: "Umurenge SACCO", keyName: "Loans", requestedScopes: "loans:read", grantedScopes: "none", expiresAt: "never", keyPath: "/keys/k1" },
  request_rejected: { organizationName: "Umurenge SACCO", keyName: "Loans", reason: "Needs an agreement", requestPath: "/requests/r1" },
  key_revoked: { organizationName: "Umurenge SACCO", keyName: "Loans", mask: "sk_copa_partner_••••abcd", reason: "none given", keyPath: "/keys/k1" },
  key_leaked: { organizationName: "Umurenge SACCO", keyName: "Loans", mask: "sk_copa_partner_••••abcd", outcome: "quarantined", found: "Reported to COPA", withdrawn: "loans:write", keyPath: "/keys/k1" },
  key_limits_changed: { organizationName: "Umurenge SACCO", keyName: "Loans", perHour: "1,000", perDay: "the default", keyPath: "/keys/k1" },
  organization_suspended: { organizationName: "Umurenge SACCO", reason: "Unpaid invoices" },
  organization_reactivated: { organizationName: "Umurenge SACCO" },
  request_changes_requested: { organizationName: "Umurenge SACCO", keyName: "Loans", message: "Say which branches", requestPath: "/requests/r1" },
  request_resubmitted: { organizationName: "Umurenge SACCO", keyName: "Loans", scopes: "loans:read", requestPath: "/admin/requests/r1" },
  second_approval_needed: { organizationName: "Umurenge SACCO", keyName: "Loans", scopes: "loans:write", firstApprover: "admin@copa.rw", path: "/admin/keys/k1" },
  scope_change_requested: { organizationName: "Umurenge SACCO", keyName: "Loans", add: "loans:write", reason: "Disbursements", path: "/admin/keys/k1" },
  scope_change_decided: { organizationName: "Umurenge SACCO", keyName: "Loans", decision: "rejected", add: "loans:write", note: "none", keyPath: "/keys/k1" },
};

describe("notification words", () => {
  it.each(NOTIFICATION_KINDS.flatMap((k) => LOCALES.map((l) => [k, l] as const)))("%s reads in %s with every message found, and has a label", (kind, locale) => {
    const notice = renderNotice(kind, SAMPLE[kind] as never, locale);
    expect(notice.title + notice.body).not.toContain("⟦");
    expect(notice.link).toMatch(/^\//);
    expect(MESSAGES[locale].notifications.kinds[kind]).toBeTruthy();
  });

  it("puts values into the reader's language: placeholder words, numbers, environments, what a second approval is for", () => {
    expect(renderNotice("key_limits_changed", SAMPLE.key_limits_changed as never, "fr").body).toBe("1\u202f000 par heure, la valeur par défaut par jour.");
    expect(renderNotice("request_submitted", SAMPLE.request_submitted as never, "en").body).toBe('"Loans", production: loans:read');
    expect(renderNotice("second_approval_needed", SAMPLE.second_approval_needed as never, "fr").title).toBe("Seconde approbation nécessaire : l’ajout de loans:write à « Loans »");
    expect(renderNotice("request_approved", SAMPLE.request_approved as never, "rw").body).toContain("Igihe rurangirira: nta na rimwe");
  });
});
