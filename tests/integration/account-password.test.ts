// changePassword (lib/accounts/service): the current password is required, the new hash,
// the session-version bump and the audit event land together.
import { describe, expect, it } from "vitest";
import { changePassword } from "@/lib/accounts/service";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import { makePartner } from "../support/factories";

const OLD = "correct horse battery"; // tests/support/factories signs partners up with it
const NEW = "umuganda-ikawa-7-inyange";
const input = (currentPassword: string) => ({ currentPassword, newPassword: NEW, confirmPassword: NEW });
const userRow = (id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, sessionVersion: true } });

describe("changePassword", () => {
  it("changes the hash, ends every session and records user.password_changed", async () => {
    const partner = await makePartner();
    const before = await userRow(partner.id);
    const { sessionVersion } = await changePassword(partner.id, input(OLD), "203.0.113.9");
    const after = await userRow(partner.id);
    expect(sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.sessionVersion).toBe(sessionVersion);
    expect(await verifyPassword(after.passwordHash, NEW)).toBe(true);
    expect(await verifyPassword(after.passwordHash, OLD)).toBe(false);
    const events = await db.auditEvent.findMany({ where: { targetId: partner.id, action: "user.password_changed" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: partner.id, ip: "203.0.113.9", metadata: "{}" });
  });

  it("refuses a wrong current password on its field and changes nothing", async () => {
    const partner = await makePartner();
    const before = await userRow(partner.id);
    const error = await changePassword(partner.id, input("not the password")).catch((e) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).fieldErrors).toEqual({ currentPassword: "This is not your current password" });
    expect(await userRow(partner.id)).toEqual(before);
    expect(await db.auditEvent.count({ where: { targetId: partner.id, action: "user.password_changed" } })).toBe(0);
  });

  it("lets only one of two simultaneous changes win", async () => {
    const partner = await makePartner();
    const results = await Promise.allSettled([changePassword(partner.id, input(OLD)), changePassword(partner.id, input(OLD))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { targetId: partner.id, action: "user.password_changed" } })).toBe(1);
  });
});
