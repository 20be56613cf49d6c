// Verified addresses and password recovery through the real services and the outbox:
// what each one mails, the one-time link rules (hashed, one use, expiry), who may call
// the actions, and that sign-up answers alike for a new and a taken address.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());

const { actAs } = await import("../support/request");
const { db } = await import("@/lib/db");
const { makePartner } = await import("../support/factories");
const { registerAccount } = await import("@/lib/accounts/service");
const { requestPasswordReset, resetPassword, resendVerification, verifyEmail } = await import("@/lib/accounts/recovery");
const { hashToken, TOKEN_LIFETIME_MS } = await import("@/lib/accounts/tokens");
const { verifyPassword } = await import("@/lib/auth/password");
const { createSession } = await import("@/lib/auth/sessions");
const { submitAccessRequest } = await import("@/lib/requests/service");
const { accessRequestSchema } = await import("@/lib/requests/schemas");
const accountActions = await import("@/app/(partner)/account/actions");
const verifyActions = await import("@/app/(auth)/verify-email/actions");
const resetActions = await import("@/app/(auth)/reset-password/actions");

const address = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 8)}@bank.test`;
const PASSWORD = "correct horse battery staple";

/** The mails queued for an address, oldest first. */
const mailsTo = (to: string) => db.mailMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

afterEach(() => vi.useRealTimers());

async function signUpNew(tag = "new") {
  const email = address(tag);
  await registerAccount({ name: "Aline Uwase", email, password: PASSWORD });
  const user = await db.user.findUniqueOrThrow({ where: { email } });
  const [mail] = await mailsTo(email);
  return { email, user, mail, token: mail.secret! };
}

describe("verified addresses", () => {
  it("sign-up queues a verification link whose token is stored only hashed", async () => {
    const { user, mail, token } = await signUpNew();
    expect(mail).toMatchObject({ template: "verify_email", subject: "Confirm your e-mail address for the COPA Developer Portal" });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(user.emailVerifiedAt).toBeNull();
    const tokens = await db.authToken.findMany({ where: { userId: user.id } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0].tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(tokens)).not.toContain(token);
    expect(Math.abs(tokens[0].expiresAt.getTime() - tokens[0].createdAt.getTime() - TOKEN_LIFETIME_MS.verify_email)).toBeLessThan(5000);
  });

  it("signing up with a taken address answers the same, creates nothing and mails the owner", async () => {
    const owner = await signUpNew("owner");
    const usersBefore = await db.user.count();
    await expect(registerAccount({ name: "Someone Else", email: owner.email, password: "another long passphrase" })).resolves.toBeUndefined();
    expect(await db.user.count()).toBe(usersBefore);
    const mails = await mailsTo(owner.email);
    expect(mails.map((m) => m.template)).toEqual(["verify_email", "account_exists"]);
    expect(mails[1].params).toContain("Aline Uwase"); // addressed to the owner, not to the visitor
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { email: owner.email } })).passwordHash, PASSWORD)).toBe(true);
  });

  it("an unverified user cannot submit a request; the link verifies once, then works no more", async () => {
    const partner = await makePartner();
    await db.user.update({ where: { id: partner.id }, data: { emailVerifiedAt: null } });
    const input = accessRequestSchema.parse({ keyName: "Loans", keyType: "partner", environment: "sandbox", useCase: "We check membership before granting loans to members.", scopes: ["cooperatives:read"], justifications: {} });
    await expect(submitAccessRequest(input, partner, null)).rejects.toThrow("auth.errors.emailNotVerified");
    expect(await db.accessRequest.count({ where: { organizationId: partner.membership.organizationId } })).toBe(0);

    await resendVerification(partner.id);
    const token = (await mailsTo(partner.email)).at(-1)!.secret!;
    await verifyEmail(token);
    expect((await db.user.findUniqueOrThrow({ where: { id: partner.id } })).emailVerifiedAt).toBeInstanceOf(Date);
    await expect(verifyEmail(token)).rejects.toThrow("auth.errors.verifyLinkExpired");
    await expect(submitAccessRequest(input, partner, null)).resolves.toMatchObject({ id: expect.any(String) });
    expect(await db.auditEvent.count({ where: { targetId: partner.id, action: "user.email_verified" } })).toBe(1);
  });

  it("a resent link replaces the earlier one; an expired link is refused and changes nothing", async () => {
    const { user, token: first } = await signUpNew("resend");
    await resendVerification(user.id);
    const second = (await mailsTo(user.email)).at(-1)!.secret!;
    expect(second).not.toBe(first);
    await expect(verifyEmail(first)).rejects.toThrow("auth.errors.verifyLinkExpired");

    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + TOKEN_LIFETIME_MS.verify_email + 1000 });
    await expect(verifyEmail(second)).rejects.toThrow("auth.errors.verifyLinkExpired");
    vi.useRealTimers();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).toBeNull();
  });

  it("resending is throttled per account", async () => {
    const { user } = await signUpNew("throttle");
    let refused: unknown = null;
    for (let i = 0; i < 8 && !refused; i++) await resendVerification(user.id).catch((e) => (refused = e));
    expect(refused).toMatchObject({ code: "rate_limited", message: "auth.errors.throttled" });
  });

  it("the resend action needs a session; the verify action refuses a made-up token", async () => {
    await actAs(null);
    expect(await accountActions.resendVerificationAction({})).toMatchObject({ ok: false, error: expect.stringMatching(/session has ended/) });
    expect(await verifyActions.verifyEmailAction({ token: "x".repeat(43) })).toMatchObject({ ok: false, error: expect.stringMatching(/expired or was already used/) });
    const { user } = await signUpNew("action");
    await actAs(user);
    expect(await accountActions.resendVerificationAction({})).toMatchObject({ ok: true, data: { alreadyVerified: false } });
    expect((await mailsTo(user.email)).filter((m) => m.template === "verify_email")).toHaveLength(2);
  });
});

describe("password recovery", () => {
  it("an unknown or disabled address gets the same answer and no mail", async () => {
    const unknown = address("nobody");
    await expect(requestPasswordReset(unknown)).resolves.toBeUndefined();
    expect(await mailsTo(unknown)).toHaveLength(0);
    const partner = await makePartner();
    await db.user.update({ where: { id: partner.id }, data: { disabled: true } });
    await expect(requestPasswordReset(partner.email)).resolves.toBeUndefined();
    expect((await mailsTo(partner.email)).filter((m) => m.template === "password_reset")).toHaveLength(0);
  });

  it("the link sets a new password once, ends every session, is audited and mails a notice", async () => {
    const partner = await makePartner();
    const sessions = await Promise.all([1, 2].map(() => db.$transaction((tx) => createSession(tx, { userId: partner.id, role: "partner", ip: null, userAgent: "t", now: new Date() }))));
    await requestPasswordReset(partner.email);
    const mail = (await mailsTo(partner.email)).at(-1)!;
    expect(mail.template).toBe("password_reset");
    const token = mail.secret!;
    const token30 = await db.authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    expect(Math.abs(token30.expiresAt.getTime() - token30.createdAt.getTime() - TOKEN_LIFETIME_MS.password_reset)).toBeLessThan(5000);

    await resetPassword(token, "a brand new passphrase here");
    const user = await db.user.findUniqueOrThrow({ where: { id: partner.id } });
    expect(await verifyPassword(user.passwordHash, "a brand new passphrase here")).toBe(true);
    expect(await verifyPassword(user.passwordHash, "correct horse battery")).toBe(false);
    const rows = await db.session.findMany({ where: { id: { in: sessions.map((s) => s.id) } } });
    expect(rows.every((r) => r.endedAt !== null && r.endReason === "password_changed")).toBe(true);
    expect(await db.auditEvent.count({ where: { targetId: partner.id, action: "user.password_reset" } })).toBe(1);
    expect((await mailsTo(partner.email)).at(-1)!.template).toBe("password_changed");

    await expect(resetPassword(token, "yet another passphrase now")).rejects.toThrow("auth.errors.resetLinkExpired");
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: partner.id } })).passwordHash, "a brand new passphrase here")).toBe(true);
  });

  it("a link older than 30 minutes is refused; a newer request retires the older link", async () => {
    const partner = await makePartner();
    await requestPasswordReset(partner.email);
    const old = (await mailsTo(partner.email)).at(-1)!.secret!;
    await requestPasswordReset(partner.email);
    const fresh = (await mailsTo(partner.email)).at(-1)!.secret!;
    await expect(resetPassword(old, "a brand new passphrase here")).rejects.toThrow("auth.errors.resetLinkExpired");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + TOKEN_LIFETIME_MS.password_reset + 1000 });
    await expect(resetPassword(fresh, "a brand new passphrase here")).rejects.toThrow("auth.errors.resetLinkExpired");
    vi.useRealTimers();
    expect(await verifyPassword((await db.user.findUniqueOrThrow({ where: { id: partner.id } })).passwordHash, "correct horse battery")).toBe(true);
  });

  it("reset requests are throttled per address, known or not", async () => {
    const unknown = address("flood");
    let refused: unknown = null;
    for (let i = 0; i < 8 && !refused; i++) await requestPasswordReset(unknown).catch((e) => (refused = e));
    expect(refused).toMatchObject({ code: "rate_limited", message: "auth.errors.throttled" });
  });

  it("the reset action refuses a weak password with a field error and a bad token with a message", async () => {
    await actAs(null);
    const weak = await resetActions.resetPasswordAction({ token: "y".repeat(43), newPassword: "password1234", confirmPassword: "password1234" });
    expect(weak).toMatchObject({ ok: false, fieldErrors: { newPassword: expect.any(String) } });
    const bad = await resetActions.resetPasswordAction({ token: "y".repeat(43), newPassword: "a brand new passphrase here", confirmPassword: "a brand new passphrase here" });
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/expired or was already used/) });
  });
});
