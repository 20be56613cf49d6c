import { describe, expect, it } from "vitest";
import { adminRevokeSessions, adminSetUserDisabled, adminSetUserRole } from "@/lib/admin/users";
import { db } from "@/lib/db";
import { makeAdmin, makePartner } from "../support/factories";

const version = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { sessionVersion: true } })).sessionVersion;

describe("admin user governance", () => {
  it("disables and enables a user, ending their sessions, audited", async () => {
    const admin = await makeAdmin();
    const partner = await makePartner();
    const before = await version(partner.id);
    await adminSetUserDisabled(partner.id, true, admin);
    const row = await db.user.findUniqueOrThrow({ where: { id: partner.id } });
    expect(row.disabled).toBe(true);
    expect(row.sessionVersion).toBe(before + 1);
    await adminSetUserDisabled(partner.id, false, admin);
    expect((await db.user.findUniqueOrThrow({ where: { id: partner.id } })).disabled).toBe(false);
    const actions = (await db.auditEvent.findMany({ where: { targetId: partner.id, actorId: admin.id } })).map((e) => e.action);
    expect(actions.sort()).toEqual(["user.disabled", "user.enabled"]);
  });

  it("refuses self-disable and self-demotion, changing nothing", async () => {
    const admin = await makeAdmin();
    await makeAdmin(); // another admin exists, so this is not about the last admin
    const before = await version(admin.id);
    await expect(adminSetUserDisabled(admin.id, true, admin)).rejects.toMatchObject({ code: "forbidden" });
    await expect(adminSetUserRole(admin.id, "partner", admin)).rejects.toMatchObject({ code: "forbidden" });
    const row = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    expect(row).toMatchObject({ disabled: false, role: "admin", sessionVersion: before });
    expect(await db.auditEvent.count({ where: { targetId: admin.id } })).toBe(0);
  });

  it("demotes another admin and ends their sessions; promotes a partner", async () => {
    const admin = await makeAdmin();
    const other = await makeAdmin();
    await adminSetUserRole(other.id, "partner", admin);
    expect((await db.user.findUniqueOrThrow({ where: { id: other.id } })).role).toBe("partner");
    expect(await version(other.id)).toBe(1);
    const partner = await makePartner();
    await adminSetUserRole(partner.id, "admin", admin);
    expect((await db.user.findUniqueOrThrow({ where: { id: partner.id } })).role).toBe("admin");
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: other.id, action: "user.role_changed" } });
    expect(JSON.parse(event.metadata)).toEqual({ role: "partner" });
    expect(event.actorEmail).toBe(admin.email);
  });

  it("says so when nothing would change", async () => {
    const admin = await makeAdmin();
    const partner = await makePartner();
    await expect(adminSetUserRole(partner.id, "partner", admin)).rejects.toMatchObject({ code: "conflict" });
    await expect(adminSetUserDisabled(partner.id, false, admin)).rejects.toMatchObject({ code: "conflict" });
  });

  it("signs a user out everywhere", async () => {
    const admin = await makeAdmin();
    const partner = await makePartner();
    await adminRevokeSessions(partner.id, admin);
    expect(await version(partner.id)).toBe(1);
    expect(await db.auditEvent.count({ where: { targetId: partner.id, action: "user.sessions_revoked", actorId: admin.id } })).toBe(1);
  });

  it("404s an unknown user", async () => {
    const admin = await makeAdmin();
    const ghost = "00000000-0000-4000-8000-000000000000";
    await expect(adminSetUserDisabled(ghost, true, admin)).rejects.toMatchObject({ code: "not_found" });
    await expect(adminSetUserRole(ghost, "admin", admin)).rejects.toMatchObject({ code: "not_found" });
    await expect(adminRevokeSessions(ghost, admin)).rejects.toMatchObject({ code: "not_found" });
  });
});
