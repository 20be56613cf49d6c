// Two-factor and step-up against a real database: enrolment, codes accepted once,
// recovery codes, the admin rule at the adminAction boundary, and the fresh check on a
// key reveal. Actions are called directly, as a crafted request would call them, with
// Next's cookie jar stood in for by a plain map holding a real session cookie.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { adminSetUserDisabled } from "@/lib/admin/users";
import { timeStep, totpCode } from "@/lib/auth/totp";
import {
  MAX_CODE_FAILURES,
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  getTwoFactorState,
  resetTwoFactorByOperator,
  startTwoFactorEnrolment,
  verifySecondFactor,
} from "@/lib/auth/two-factor/service";
import { db } from "@/lib/db";
import { accessRequestSchema, approveRequestSchema } from "@/lib/requests/schemas";
import { approveAccessRequest, submitAccessRequest } from "@/lib/requests/service";
import { enrolTwoFactor, makeAdmin, makePartner } from "../support/factories";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
const { actAs, cookieJar } = await import("../support/request");

const { setUserDisabledAction } = await import("@/app/(admin)/admin/users/[id]/actions");
const { revealKeyAction } = await import("@/app/(partner)/keys/actions");
const { stepUpAction } = await import("@/lib/auth/step-up-actions");

/** This "browser" holds the cookie of a session of `uid` that signed in at `authAt`. */
const signedInAs = (uid: string, authAt: number) => actAs({ id: uid }, new Date(authAt));
beforeEach(() => {
  cookieJar.clear();
});
afterEach(() => vi.useRealTimers());

const audit = async (userId: string) => (await db.auditEvent.findMany({ where: { targetId: userId }, orderBy: { createdAt: "asc" } })).map((e) => e.action);

describe("enrolment", () => {
  it("refuses a wrong code, turns on with the right one, stores the secret encrypted, gives ten recovery codes", async () => {
    const user = await makePartner();
    await startTwoFactorEnrolment(user);
    const pending = await getTwoFactorState(user);
    if (pending.status !== "pending") throw new Error("expected a pending enrolment");
    const wrong = totpCode(pending.secret) === "000000" ? "111111" : "000000";
    await expect(confirmTwoFactorEnrolment(user, wrong, null)).rejects.toMatchObject({ code: "invalid" });
    expect((await getTwoFactorState(user)).status).toBe("pending");

    const { recoveryCodes } = await confirmTwoFactorEnrolment(user, totpCode(pending.secret), null);
    expect(recoveryCodes).toHaveLength(10);
    expect((await getTwoFactorState(user)).status).toBe("on");
    const row = await db.twoFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.secret).toMatch(/^v1\./);
    expect(row.secret).not.toContain(pending.secret);
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((r) => r.codeHash)).not.toContain(recoveryCodes[0]);
    expect(await audit(user.id)).toContain("user.two_factor_enrolled");
  });
});

describe("codes", () => {
  it("accepts a TOTP code once: the same code again is refused", async () => {
    const user = await makePartner();
    const secret = await enrolTwoFactor(user.id);
    const code = totpCode(secret);
    expect(await verifySecondFactor(user, code, null)).toEqual({ ok: true, method: "totp" });
    expect(await verifySecondFactor(user, code, null)).toEqual({ ok: false, reason: "invalid" });
    expect((await db.twoFactor.findUniqueOrThrow({ where: { userId: user.id } })).lastUsedStep).toBeGreaterThanOrEqual(timeStep() - 1);
  });

  it("accepts a recovery code once, audited", async () => {
    const user = await makePartner();
    await startTwoFactorEnrolment(user);
    const pending = await getTwoFactorState(user);
    if (pending.status !== "pending") throw new Error("expected a pending enrolment");
    const { recoveryCodes } = await confirmTwoFactorEnrolment(user, totpCode(pending.secret), null);
    const typed = recoveryCodes[3].toUpperCase().replace(/-/g, " ");
    expect(await verifySecondFactor(user, typed, null)).toEqual({ ok: true, method: "recovery_code" });
    expect(await verifySecondFactor(user, recoveryCodes[3], null)).toEqual({ ok: false, reason: "invalid" });
    const used = await db.auditEvent.findFirstOrThrow({ where: { targetId: user.id, action: "user.recovery_code_used" } });
    expect(JSON.parse(used.metadata)).toEqual({ remaining: 9 });
    expect(used.metadata).not.toContain(recoveryCodes[3]);
  });

  it("locks code entry after repeated wrong codes, even for the right code", async () => {
    const user = await makePartner();
    const secret = await enrolTwoFactor(user.id);
    const right = totpCode(secret);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 1; i < MAX_CODE_FAILURES; i++) expect(await verifySecondFactor(user, wrong, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifySecondFactor(user, wrong, null)).toEqual({ ok: false, reason: "locked" });
    expect(await verifySecondFactor(user, right, null)).toEqual({ ok: false, reason: "locked" });
  });

  it("lets a partner turn it off (audited) but never an admin", async () => {
    const partner = await makePartner();
    await enrolTwoFactor(partner.id);
    await disableTwoFactor(partner, null);
    expect((await getTwoFactorState(partner)).status).toBe("off");
    expect(await audit(partner.id)).toContain("user.two_factor_disabled");
    const admin = await makeAdmin();
    await expect(disableTwoFactor(admin, null)).rejects.toMatchObject({ code: "forbidden" });
    expect((await getTwoFactorState(admin)).status).toBe("on");
  });
});

describe("operator reset (npm run admin:create -- EMAIL --reset-two-factor)", () => {
  it("removes an admin's two-factor and recovery codes, audited as via cli", async () => {
    const admin = await makeAdmin();
    expect(await resetTwoFactorByOperator(admin.id)).toBe(true);
    expect((await getTwoFactorState(admin)).status).toBe("off");
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: admin.id, action: "user.two_factor_disabled" } });
    expect(JSON.parse(event.metadata)).toEqual({ via: "cli" });
    expect(await resetTwoFactorByOperator(admin.id)).toBe(false);
  });
});

describe("admins without two-factor", () => {
  it("are refused by an admin action called directly, changing nothing", async () => {
    const admin = await makeAdmin({ twoFactor: false });
    const partner = await makePartner();
    await signedInAs(admin.id, Date.now());
    const result = await setUserDisabledAction({ userId: partner.id, disabled: true });
    expect(result).toMatchObject({ ok: false, code: "two_factor_required" });
    expect((await db.user.findUniqueOrThrow({ where: { id: partner.id } })).disabled).toBe(false);
  });

  it("are let through once enrolled", async () => {
    const admin = await makeAdmin();
    const partner = await makePartner();
    await signedInAs(admin.id, Date.now());
    expect(await setUserDisabledAction({ userId: partner.id, disabled: true })).toEqual({ ok: true, data: null });
    // The service underneath is unchanged; this is only the wrapper's gate.
    await adminSetUserDisabled(partner.id, false, admin);
  });
});

describe("step-up before revealing a key", () => {
  async function pendingKey() {
    const partner = await makePartner();
    const admin = await makeAdmin();
    const input = accessRequestSchema.parse({
      keyName: "Loan origination",
      keyType: "partner",
      environment: "sandbox",
      useCase: "We check cooperative membership before granting agricultural loans to members.",
      scopes: ["cooperatives:read"],
    });
    const { id } = await submitAccessRequest(input, partner, null);
    const { keyId } = await approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read"] }), admin, null);
    return { partner, keyId };
  }

  it("refuses with a sign-in older than ten minutes, accepts after the password is entered again", async () => {
    const { partner, keyId } = await pendingKey();
    await signedInAs(partner.id, Date.now() - 11 * 60 * 1000);
    expect(await revealKeyAction({ keyId })).toMatchObject({ ok: false, code: "step_up_required" });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).status).toBe("pending");

    expect(await stepUpAction({ password: "not the password" })).toMatchObject({ ok: false, fieldErrors: { password: expect.any(String) } });
    expect(await revealKeyAction({ keyId })).toMatchObject({ ok: false, code: "step_up_required" });

    expect(await stepUpAction({ password: "correct horse battery" })).toEqual({ ok: true, data: null });
    const revealed = await revealKeyAction({ keyId });
    expect(revealed).toMatchObject({ ok: true, data: { keyId } });
    const stepUp = await db.auditEvent.findFirstOrThrow({ where: { targetId: partner.id, action: "auth.step_up" } });
    expect(JSON.parse(stepUp.metadata)).toEqual({ method: "password" });
  });

  it("counts a fresh sign-in, and a step-up cookie only for the session it was made in", async () => {
    const { partner, keyId } = await pendingKey();
    await signedInAs(partner.id, Date.now() - 20 * 60 * 1000);
    expect(await stepUpAction({ password: "correct horse battery" })).toEqual({ ok: true, data: null });
    // The same browser's cookie with another (old) sign-in of the same user: not fresh.
    await signedInAs(partner.id, Date.now() - 30 * 60 * 1000);
    expect(await revealKeyAction({ keyId })).toMatchObject({ ok: false, code: "step_up_required" });
    // A sign-in a minute ago is fresh by itself.
    cookieJar.clear();
    await signedInAs(partner.id, Date.now() - 60 * 1000);
    expect(await revealKeyAction({ keyId })).toMatchObject({ ok: true });
  });

  it("accepts a TOTP code as the check", async () => {
    const { partner, keyId } = await pendingKey();
    const secret = await enrolTwoFactor(partner.id);
    await signedInAs(partner.id, Date.now() - 11 * 60 * 1000);
    expect(await stepUpAction({ code: totpCode(secret) })).toEqual({ ok: true, data: null });
    expect(await revealKeyAction({ keyId })).toMatchObject({ ok: true });
  });
});
