import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { MAIL_TEMPLATE_IDS, TEMPLATES, type MailTemplateId } from "./messages";
import { HIDDEN_LINK, renderMail } from "./render";

const SAMPLE: Record<MailTemplateId, Record<string, unknown>> = {
  verify_email: { name: "Aline" },
  account_exists: { name: "Aline" },
  password_reset: { name: "Aline" },
  password_changed: { name: "Aline", when: "2026-12-02T14:00:00.000Z" },
  invitation: { organizationName: "Umurenge SACCO", inviterName: "Jeanne", role: "developer", expiresOn: "2026-12-09" },
  key_expiring: { keyName: "Loans", organizationName: "Umurenge SACCO", keyPath: "/keys/k1", expiresAt: "2026-12-09T10:00:00.000Z", within: "7 days" },
  rotation_grace_ending: { keyName: "Loans", organizationName: "Umurenge SACCO", keyPath: "/keys/k1", endsAt: "2026-12-02T15:00:00.000Z" },
  request_submitted: { organizationName: "Umurenge SACCO", keyName: "Loans", environment: "sandbox", scopes: "loans:read", requestPath: "/admin/requests/r1" },
  request_digest: { day: "2026-12-02", count: 2, items: [{ organizationName: "Umurenge SACCO", keyName: "Loans", environment: "sandbox" }], more: 1 },
  request_approved: { organizationName: "Umurenge SACCO", keyName: "Loans", requestedScopes: "loans:read, loans:write", grantedScopes: "loans:read", expiresAt: "2027-03-02T10:00:00.000Z", keyPath: "/keys/k1" },
  request_rejected: { organizationName: "Umurenge SACCO", keyName: "Loans", reason: "Needs an agreement", requestPath: "/requests/r1" },
  key_revoked: { organizationName: "Umurenge SACCO", keyName: "Loans", mask: "sk_copa_test_…abcd", reason: "Leaked", keyPath: "/keys/k1" },
  key_leaked: { organizationName: "Umurenge SACCO", keyName: "Loans", mask: "sk_copa_test_…abcd", outcome: "quarantined", found: "https://github.com/o/r/blob/1/a.txt", withdrawn: "loans:write", keyPath: "/keys/k1" },
  key_limits_changed: { organizationName: "Umurenge SACCO", keyName: "Loans", perHour: "500", perDay: "the default", keyPath: "/keys/k1" },
  organization_suspended: { organizationName: "Umurenge SACCO", reason: "Unpaid invoices" },
  organization_reactivated: { organizationName: "Umurenge SACCO" },
  request_changes_requested: { organizationName: "Umurenge SACCO", keyName: "Loans", message: "Say which branches", requestPath: "/requests/r1" },
  request_resubmitted: { organizationName: "Umurenge SACCO", keyName: "Loans", scopes: "loans:read", requestPath: "/admin/requests/r1" },
  second_approval_needed: { organizationName: "Umurenge SACCO", keyName: "Loans", firstApprover: "admin@copa.rw", path: "/admin/requests/r1" },
  scope_change_requested: { organizationName: "Umurenge SACCO", keyName: "Loans", add: "loans:write", reason: "Disbursements", path: "/admin/keys/k1" },
  scope_change_decided: { organizationName: "Umurenge SACCO", keyName: "Loans", decision: "approved", add: "loans:write", note: "none", keyPath: "/keys/k1" },
};

const CASES = MAIL_TEMPLATE_IDS.flatMap((id) => LOCALES.map((locale) => [id, locale] as const));

describe("mail templates", () => {
  it.each(CASES)("%s renders in %s: a subject, text and HTML with an absolute link, every message found", (id, locale) => {
    const secret = TEMPLATES[id].secretPath ? "tok_123456789012345678901234" : null;
    const mail = renderMail(id, SAMPLE[id], "https://portal.copa.test/", secret, locale);
    expect(mail.subject + mail.text + mail.html).not.toContain("⟦");
    expect(mail.html).toContain(`<html lang="${locale}">`);
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

describe("mail languages", () => {
  it("writes the same mail in English, French and Kinyarwanda, dates in Rwanda's time zone, links untouched", () => {
    const params = SAMPLE.request_approved;
    const en = renderMail("request_approved", params, "https://portal.copa.test", null, "en");
    const fr = renderMail("request_approved", params, "https://portal.copa.test", null, "fr");
    const rw = renderMail("request_approved", params, "https://portal.copa.test", null, "rw");
    expect(en.subject).toBe('Your request for "Loans" was approved');
    expect(en.text).toContain("Expires: 2 Mar 2027, 12:00 GMT+2");
    expect(fr.subject).toBe("Votre demande pour « Loans » a été approuvée");
    expect(fr.text).toContain("Autorisations accordées : loans:read");
    expect(fr.text).toContain("2 mars 2027, 12:00 UTC+2");
    expect(rw.subject).toBe('Ubusabe bwawe bw’urufunguzo "Loans" bwemejwe');
    expect(rw.text).toContain("Uburenganzira bwatanzwe: loans:read");
    for (const mail of [en, fr, rw]) expect(mail.text).toContain("https://portal.copa.test/keys/k1");
  });

  it("renders an unknown or missing language in English", () => {
    expect(renderMail("account_exists", { name: "A" }, "https://portal.copa.test", null, "de").subject).toBe("Someone tried to sign up with your address");
    expect(renderMail("account_exists", { name: "A" }, "https://portal.copa.test", null).subject).toBe("Someone tried to sign up with your address");
  });

  it("still renders rows stored before the languages: English words for empty values, old dates, labels and lines", () => {
    const fr = renderMail("request_approved", { ...SAMPLE.request_approved, grantedScopes: "none", expiresAt: "never" }, "https://portal.copa.test", null, "fr");
    expect(fr.text).toContain("Autorisations accordées : aucun");
    expect(fr.text).toContain("Expiration : jamais");
    const old = renderMail("password_changed", { name: "A", when: "2026-12-02 14:00" }, "https://portal.copa.test", null, "en");
    expect(old.text).toContain("2 Dec 2026, 16:00 GMT+2");
    const invite = renderMail("invitation", { ...SAMPLE.invitation, role: "Developer" }, "https://portal.copa.test", "tok", "fr");
    expect(invite.text).toContain("Votre rôle : Développeur");
    const digest = renderMail("request_digest", { day: "2026-12-02", count: 1, lines: ['Umurenge SACCO: "Loans" (sandbox)'], more: 0 }, "https://portal.copa.test", null, "en");
    expect(digest.text).toContain('Umurenge SACCO: "Loans" (sandbox)');
    const leak = renderMail("key_leaked", { organizationName: "X", keyName: "Loans", mask: "sk_copa_partner_••••abcd", outcome: "revoked", found: "GitHub secret scanning: https://github.com/o/r/blob/1/a.txt", withdrawn: "none", keyPath: "/keys/k1" }, "https://portal.copa.test", null, "fr");
    expect(leak.text).toContain("Trouvée : Analyse des secrets de GitHub : https://github.com/o/r/blob/1/a.txt");
    const second = renderMail("second_approval_needed", { organizationName: "X", what: 'the request for "Loans"', firstApprover: "a@copa.rw", path: "/admin/requests/r1" }, "https://portal.copa.test", null, "en");
    expect(second.subject).toBe('A second approval is needed: the request for "Loans" (X)');
  });
});
