import { describe, expect, it } from "vitest";
import { MAIL_TEMPLATE_IDS, TEMPLATES, type MailTemplateId } from "./messages";
import { HIDDEN_LINK, renderMail } from "./render";

const SAMPLE: Record<MailTemplateId, Record<string, string>> = {
  verify_email: { name: "Aline" },
  account_exists: { name: "Aline" },
  password_reset: { name: "Aline" },
  password_changed: { name: "Aline", when: "2026-12-02 14:00" },
  invitation: { organizationName: "Umurenge SACCO", inviterName: "Jeanne", role: "Developer", expiresOn: "2026-12-09" },
  key_expiring: { keyName: "Loans", organizationName: "Umurenge SACCO", keyPath: "/keys/k1", expiresAt: "2026-12-09 10:00", within: "7 days" },
  rotation_grace_ending: { keyName: "Loans", organizationName: "Umurenge SACCO", keyPath: "/keys/k1", endsAt: "2026-12-02 15:00" },
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
