import { describe, expect, it } from "vitest";
import { MAIL_TEMPLATE_IDS, TEMPLATES, type MailTemplateId } from "./messages";
import { HIDDEN_LINK, renderMail } from "./render";

const SAMPLE: Record<MailTemplateId, Record<string, unknown>> = {
  verify_email: { name: "Aline" },
  account_exists: { name: "Aline" },
  password_reset: { name: "Aline" },
  password_changed: { name: "Aline", when: "2026-12-02 14:00" },
  invitation: { organizationName: "Umurenge SACCO", inviterName: "Jeanne", role: "Developer", expiresOn: "2026-12-09" },
  key_expiring: { keyName: "Loans", organizationName: "Umurenge SACCO", keyPath: "/keys/k1", expiresAt: "2026-12-09 10:00", within: "7 days" },
  rotation_grace_ending: { keyName: "Loans", organizationName: "Umurenge SACCO", keyPath: "/keys/k1", endsAt: "2026-12-02 15:00" },
  request_submitted: { organizationName: "Umurenge SACCO", keyName: "Loans", environment: "sandbox", scopes: "loans:read", requestPath: "/admin/requests/r1" },
  request_digest: { day: "2026-12-02", count: 2, lines: ['Umurenge SACCO: "Loans" (sandbox)'], more: 1 },
  request_approved: { organizationName: "Umurenge SACCO", keyName: "Loans", requestedScopes: "loans:read, loans:write", grantedScopes: "loans:read", expiresAt: "2027-03-02 10:00 UTC", keyPath: "/keys/k1" },
  request_rejected: { organizationName: "Umurenge SACCO", keyName: "Loans", reason: "Needs an agreement", requestPath: "/requests/r1" },
  key_revoked: { organizationName: "Umurenge SACCO", keyName: "Loans", mask: "sk_copa_test_…abcd", reason: "Leaked", keyPath: "/keys/k1" },
  key_leaked: { organizationName: "Umurenge SACCO", keyName: "Loans", mask: "sk_copa_test_…abcd", outcome: "quarantined", found: "https://github.com/o/r/blob/1/a.txt", withdrawn: "loans:write", keyPath: "/keys/k1" },
  key_limits_changed: { organizationName: "Umurenge SACCO", keyName: "Loans", perHour: "500", perDay: "the default", keyPath: "/keys/k1" },
  organization_suspended: { organizationName: "Umurenge SACCO", reason: "Unpaid invoices" },
  organization_reactivated: { organizationName: "Umurenge SACCO" },
  request_changes_requested: { organizationName: "Umurenge SACCO", keyName: "Loans", message: "Say which branches", requestPath: "/requests/r1" },
  request_resubmitted: { organizationName: "Umurenge SACCO", keyName: "Loans", scopes: "loans:read", requestPath: "/admin/requests/r1" },
  second_approval_needed: { organizationName: "Umurenge SACCO", what: 'the key "Loans"', firstApprover: "admin@copa.rw", path: "/admin/requests/r1" },
  scope_change_requested: { organizationName: "Umurenge SACCO", keyName: "Loans", add: "loans:write", reason: "Disbursements", path: "/admin/keys/k1" },
  scope_change_decided: { organizationName: "Umurenge SACCO", keyName: "Loans", decision: "approved", add: "loans:write", note: "none", keyPath: "/keys/k1" },
};

describe("mail templates", () => {
  it.each(MAIL_TEMPLATE_IDS)("%s renders a subject, text and HTML with an absolute link", (id) => {
    const secret = TEMPLATES[id].secretPath ? "tok_123456789012345678901234" : null;
    const mail = renderMail(id, SAMPLE[id], "https://portal.copa.test/", secret);
    expect(mail.subject.length).toBeGreaterThan(10);
    expect(mail.text).toMatch(/https:\/\/portal\.copa\.test\/\S+/);
    expect(mail.html).toMatch(/<a href="https:\/\/portal\.copa\.test\//);
    expect(mail.html).toContain("<h1");
    expect(mail.bodyHtml).not.toContain("<h1");
    if (secret) expect(mail.text).toContain(`${TEMPLATES[id].secretPath}?token=${secret}`);
  });

  it("escapes parameters in HTML", () => {
    const mail = renderMail("account_exists", { name: '<script>alert("x")</script>' }, "https://portal.copa.test", null);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;");
  });

  it("hides a one-time link when no secret is given, with no clickable href", () => {
    const mail = renderMail("password_reset", { name: "Aline" }, "https://portal.copa.test", null);
    expect(mail.text).toContain(HIDDEN_LINK);
    expect(mail.html).not.toContain("/reset-password?token=");
    expect(mail.html).not.toMatch(/<a href/);
  });
});
