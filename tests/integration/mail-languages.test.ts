// Mails and notifications in their reader's language (issue 13, item 3): a mail is written
// in its recipient's saved language (else English), or for a newcomer in the language of
// whoever caused it; in-app notifications keep their parameters and are put into words in
// the language of whoever reads them, so switching language changes old entries too. The
// mails go through the worker to a real SMTP server, as in production.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

process.env.SMTP_URL = "smtp://127.0.0.1:9"; // delivery configured: mails start as pending
process.env.NEXTAUTH_URL = "https://portal.copa.test";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { cookieJar } = await import("../support/request");
const { db } = await import("@/lib/db");
const { makeAdmin, makePartner } = await import("../support/factories");
const { submitAccessRequest, approveAccessRequest } = await import("@/lib/requests/service");
const { accessRequestSchema, approveRequestSchema } = await import("@/lib/requests/schemas");
const { listNotifications } = await import("@/lib/notifications/service");
const { registerAccount } = await import("@/lib/accounts/service");
const { inviteMember } = await import("@/lib/organizations/invitations");
const { sendDueReminders } = await import("@/lib/reminders/scheduler");
const { createSmtpTransport } = await import("@/lib/mail/transport");
const { deliverDueMail } = await import("@/lib/mail/worker");
const { startTestSmtp } = await import("../support/smtp");

let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.stop();
});

const address = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 8)}@bank.test`;

async function deliver() {
  const transport = createSmtpTransport(smtp.url);
  try {
    for (let i = 0; i < 20; i++) if ((await deliverDueMail({ transport, limit: 100 })).sent === 0) break;
  } finally {
    transport.close();
  }
}

const saveLocale = (user: { id: string }, locale: string | null) => db.user.update({ where: { id: user.id }, data: { locale } });

describe("mails and notifications in the reader's language", () => {
  it("an approval reaches a French, a Kinyarwanda and a no-language member each in their own language, by mail and in-app", async () => {
    const owner = await makePartner("owner");
    const french = await makePartner("developer", { organizationId: owner.membership.organizationId });
    const kinyarwanda = await makePartner("developer", { organizationId: owner.membership.organizationId });
    await saveLocale(french, "fr");
    await saveLocale(kinyarwanda, "rw");
    const admin = await makeAdmin();
    await saveLocale(admin, "fr"); // the deciding admin's language does not leak into the partners' mails
    const input = accessRequestSchema.parse({
      keyName: "Inguzanyo",
      keyType: "partner",
      environment: "sandbox",
      useCase: "Integration tests of mails and notifications in three languages.",
      scopes: ["cooperatives:read", "members:read"],
      justifications: {},
    });
    const { id } = await submitAccessRequest(input, owner, null);
    await approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read"], expiry: "90" }), admin, null);
    await deliver();

    const [en] = smtp.to(owner.email).filter((m) => m.subject?.includes("Inguzanyo"));
    expect(en.subject).toBe('Your request for "Inguzanyo" was approved');
    expect(en.text).toContain("Granted scopes: cooperatives:read");
    expect(en.text).toMatch(/Expires: \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d GMT\+2/);
    expect(en.html).toContain('<html lang="en">');

    const [fr] = smtp.to(french.email).filter((m) => m.subject?.includes("Inguzanyo"));
    expect(fr.subject).toBe("Votre demande pour « Inguzanyo » a été approuvée");
    expect(fr.text).toContain("Autorisations accordées : cooperatives:read");
    expect(fr.text).toContain("Autorisations demandées : cooperatives:read, members:read");
    expect(fr.text).toMatch(/Expiration : \d{1,2} \S+ \d{4}, \d\d:\d\d UTC\+2/);
    expect(fr.text).toMatch(/https:\/\/portal\.copa\.test\/keys\/[0-9a-f-]{36}/);
    expect(fr.html).toContain('<html lang="fr">');

    const [rw] = smtp.to(kinyarwanda.email).filter((m) => m.subject?.includes("Inguzanyo"));
    expect(rw.subject).toBe('Ubusabe bwawe bw’urufunguzo "Inguzanyo" bwemejwe');
    expect(rw.text).toContain("Uburenganzira bwatanzwe: cooperatives:read");
    expect(rw.html).toContain('<html lang="rw">');
    for (const mail of [en, fr, rw]) expect(`${mail.subject}${mail.text}${mail.html}`).not.toContain("⟦");
    // The outbox row keeps the language it was written in (the admin's preview renders it so).
    expect((await db.mailMessage.findFirstOrThrow({ where: { to: french.email, template: "request_approved" } })).locale).toBe("fr");

    // In-app: each reader sees the entry in the language they read in now.
    const title = async (user: { id: string }, locale: "en" | "fr" | "rw") => (await listNotifications(user.id, 1, locale)).rows[0];
    expect((await title(owner, "en")).title).toBe('"Inguzanyo" was approved');
    expect((await title(french, "fr")).title).toBe("« Inguzanyo » a été approuvée");
    expect((await title(french, "fr")).body).toMatch(/^Accordées : cooperatives:read \(demandées : cooperatives:read, members:read\)\. Expiration : .+UTC\+2\./);
    expect((await title(kinyarwanda, "rw")).title).toBe('Ubusabe bwa "Inguzanyo" bwemejwe');
    // The French reader switches to Kinyarwanda: the same entry now reads in Kinyarwanda.
    expect((await title(french, "rw")).title).toBe('Ubusabe bwa "Inguzanyo" bwemejwe');
    // The admin's notice of the new request, in French.
    expect((await title(admin, "fr")).title).toBe(`Nouvelle demande de ${owner.membership.organization.legalName}`);
    expect((await title(admin, "fr")).body).toBe("« Inguzanyo », bac à sable : cooperatives:read, members:read");
  });

  it("a notification stored before parameters existed keeps its stored words in every language", async () => {
    const owner = await makePartner("owner");
    await db.notification.create({ data: { userId: owner.id, kind: "request_approved", title: "Old title", body: "Old body", link: "/keys" } });
    const [row] = (await listNotifications(owner.id, 1, "fr")).rows;
    expect(row).toMatchObject({ title: "Old title", body: "Old body" });
  });

  it("a newcomer's mail is in the language of whoever caused it: the sign-up's browser, the inviter; an account's own language wins", async () => {
    // Sign-up from a browser that chose French: the verification mail is in French.
    cookieJar.clear();
    cookieJar.set("copa-locale", "fr");
    const email = address("nouveau");
    await registerAccount({ name: "Aline Uwase", email, password: "correct horse battery staple" });
    cookieJar.clear();
    const verify = await db.mailMessage.findFirstOrThrow({ where: { to: email, template: "verify_email" } });
    expect(verify).toMatchObject({ locale: "fr", subject: "Confirmez votre adresse e-mail pour le Portail des développeurs COPA" });

    // Someone tries that address again from a Kinyarwanda browser; the owner chose English on their account.
    await db.user.update({ where: { email }, data: { locale: "en" } });
    cookieJar.set("copa-locale", "rw");
    await registerAccount({ name: "Someone", email, password: "correct horse battery staple" });
    cookieJar.clear();
    expect(await db.mailMessage.findFirstOrThrow({ where: { to: email, template: "account_exists" } })).toMatchObject({ locale: "en", subject: "Someone tried to sign up with your address" });

    // A Kinyarwanda owner invites a newcomer: Kinyarwanda, with the role in Kinyarwanda and the link as it is.
    const owner = await makePartner("owner");
    await saveLocale(owner, "rw");
    const newcomer = address("newcomer");
    await inviteMember({ email: newcomer, role: "developer" }, { ...owner, locale: "rw" }, null);
    await deliver();
    const [invitation] = smtp.to(newcomer);
    expect(invitation.subject).toBe(`Test Partner agutumiye kwinjira muri ${owner.membership.organization.legalName} ku Rubuga rw’abahanga ba COPA`);
    expect(invitation.text).toContain("Uruhare rwawe: Uwubaka porogaramu");
    expect(invitation.text).toMatch(/https:\/\/portal\.copa\.test\/invitations\/accept\?token=[A-Za-z0-9_-]{43}/);

    // With no language anywhere: English.
    const plain = address("plain");
    await registerAccount({ name: "Plain", email: plain, password: "correct horse battery staple" });
    expect(await db.mailMessage.findFirstOrThrow({ where: { to: plain } })).toMatchObject({ locale: "en", subject: "Confirm your e-mail address for the COPA Developer Portal" });
  });

  it("a key's expiry reminder goes to each member in their language, the date in Rwanda's time zone", async () => {
    const owner = await makePartner("owner");
    const french = await makePartner("developer", { organizationId: owner.membership.organizationId });
    await saveLocale(french, "fr");
    const now = new Date();
    const expiresAt = new Date(Date.UTC(2031, 0, 15, 8, 30));
    const key = await db.apiKey.create({
      data: { organizationId: owner.membership.organizationId, name: "Rappel", type: "partner", environment: "sandbox", scopes: "[]", status: "active", hash: `h-${Math.random()}`, mask: "sk_copa_partner_••••abcd", expiresAt },
    });
    await sendDueReminders(new Date(expiresAt.getTime() - 3 * 24 * 3600_000));
    await deliver();
    const [fr] = smtp.to(french.email).filter((m) => m.subject?.includes("Rappel"));
    expect(fr.subject).toBe("Votre clé d’API COPA « Rappel » expire dans 7 jours");
    expect(fr.text).toContain("15 janv. 2031, 10:30 UTC+2");
    const [en] = smtp.to(owner.email).filter((m) => m.subject?.includes("Rappel"));
    expect(en.subject).toBe('Your COPA API key "Rappel" expires in 7 days');
    expect(en.text).toContain("15 Jan 2031, 10:30 GMT+2");
    await db.apiKey.update({ where: { id: key.id }, data: { status: "revoked", revokedAt: now } });
  });
});
