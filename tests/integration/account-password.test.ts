// changePassword (lib/accounts/service): the current password is required, the new hash,
// the session-version bump and the audit event land together.
import { describe, expect, it } from "vitest";
import { changePassword } from "@/lib/accounts/service";
import { verifyPassword } from "@/lib/auth/password";
import { loadLiveSession } from "@/lib/auth/sessions";
import { authenticate } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { ServiceError } from "@/lib/errors";
import { makePartner } from "../support/factories";

const OLD = "correct horse battery"; // tests/support/factories signs partners up with it
const NEW = "umuganda-ikawa-7-inyange";
const input = (currentPassword: string) => ({ currentPassword, newPassword: NEW, confirmPassword: NEW });
const userRow = (id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true, sessionVersion: true } });

describe("changePassword", () => {
  it("changes the hash, ends every other session and records user.password_changed", async () => {
    const partner = await makePartner();
    const session = async () => {
      const outcome = await authenticate({ email: partner.email, password: OLD }, { ip: null, userAgent: null });
      if (!outcome.ok) throw new Error("sign-in failed");
      return outcome.sessionId;
    };
    const [here, elsewhere] = [await session(), await session()];
    const before = await userRow(partner.id);
    const { sessionVersion } = await changePassword(partner.id, input(OLD), "203.0.113.9", here);
    expect(await loadLiveSession(here)).not.toBeNull();
    expect(await loadLiveSession(elsewhere)).toBeNull();
    const after = await userRow(partner.id);
    expect(sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.sessionVersion).toBe(sessionVersion);
    expect(await verifyPassword(after.passwordHash, NEW)).toBe(true);
    expect(await verifyPassword(after.passwordHash, OLD)).toBe(false);
    const events = await db.auditEvent.findMany({ where: { targetId: partner.id, action: "user.password_changed" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: partner.id, ip: "203.0.113.9", metadata: JSON.stringify({ endedSessions: 1 }) });
  });

  it("refuses a wrong current password on its field and changes nothing", async () => {
    const partner = await makePartner();
    const before = await userRow(partner.id);
    const error = await changePassword(partner.id, input("not the password")).catch((e) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).fieldErrors).toEqual({ currentPassword: "auth.errors.wrongCurrentPassword" });
    expect(await userRow(partner.id)).toEqual(before);
    expect(await db.auditEvent.count({ where: { targetId: partner.id, action: "user.password_changed" } })).toBe(0);
  });

  it("throttles the current-password check before hashing, like sign-in", async () => {
    const partner = await makePartner();
    const errors: string[] = [];
    for (let i = 0; i < 8; i++) {
      const error = (await changePassword(partner.id, input(`wrong ${i}`), "203.0.113.10").catch((e) => e)) as ServiceError;
      errors.push(error.code);
    }
    expect(errors.slice(0, 6)).toEqual(Array(6).fill("invalid"));
    expect(errors.slice(6)).toEqual(["rate_limited", "rate_limited"]);
    const throttled = (await changePassword(partner.id, input(OLD), "203.0.113.10").catch((e) => e)) as ServiceError;
    // A message key with its value: the action wrapper words it in the reader's language.
    expect(throttled).toMatchObject({ message: "auth.errors.throttled", fieldErrors: { currentPassword: "auth.errors.throttled" }, values: { minutes: 1 } });
  });

  it("lets only one of two simultaneous changes win", async () => {
    const partner = await makePartner();
    const results = await Promise.allSettled([changePassword(partner.id, input(OLD)), changePassword(partner.id, input(OLD))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { targetId: partner.id, action: "user.password_changed" } })).toBe(1);
  });
});
