// Nothing is lost: the database itself refuses to rewrite or remove audit events, and to
// delete an organisation or user that keys and requests still point at. These run on
// SQLite and (with TEST_POSTGRES_URL) on PostgreSQL, against the committed migrations.
import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { revealKey } from "@/lib/keys/service";
import { accessRequestSchema, approveRequestSchema } from "@/lib/requests/schemas";
import { approveAccessRequest, submitAccessRequest, withdrawAccessRequest } from "@/lib/requests/service";
import { makeAdmin, makePartner } from "../support/factories";

const REQUEST = accessRequestSchema.parse({
  keyName: "Ledger sync",
  keyType: "partner",
  environment: "sandbox",
  useCase: "We reconcile cooperative loan repayments with our ledger every evening.",
  scopes: ["cooperatives:read"],
});

async function auditEventOf() {
  const partner = await makePartner();
  await db.$transaction((tx) => recordAudit(tx, { action: "member.added", actor: { id: partner.id, email: partner.email }, organizationId: partner.membership.organizationId }));
  return db.auditEvent.findFirstOrThrow({ where: { organizationId: partner.membership.organizationId, action: "member.added" } });
}

const APPEND_ONLY = /append-only/;
// Prisma's SQLite adapter reports a trigger's RAISE(ABORT) from model calls as a generic
// constraint error, so those only assert the refusal; raw SQL shows the trigger's message.

describe("the audit log is append-only in the database", () => {
  it("refuses UPDATE through Prisma and through raw SQL", async () => {
    const event = await auditEventOf();
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "key.revoked" } })).rejects.toThrow();
    await expect(db.auditEvent.updateMany({ where: { id: event.id }, data: { metadata: "{}" } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorEmail" = 'someone@else.test' WHERE "id" = '${event.id}'`)).rejects.toThrow(APPEND_ONLY);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });

  it("refuses DELETE through Prisma and through raw SQL", async () => {
    const event = await auditEventOf();
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    await expect(db.auditEvent.deleteMany({ where: { id: event.id } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(APPEND_ONLY);
    expect(await db.auditEvent.findUnique({ where: { id: event.id } })).toEqual(event);
  });

  it.runIf(process.env.TEST_DB_ENGINE === "postgres")("refuses TRUNCATE on PostgreSQL", async () => {
    const event = await auditEventOf();
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(APPEND_ONLY);
    expect(await db.auditEvent.findUnique({ where: { id: event.id } })).toEqual(event);
  });

  it("still accepts new events", async () => {
    const before = await db.auditEvent.count();
    await auditEventOf();
    expect(await db.auditEvent.count()).toBeGreaterThan(before);
  });
});

describe("a request's thread is append-only in the database", () => {
  async function threadEvent() {
    const partner = await makePartner();
    const { id } = await submitAccessRequest(REQUEST, partner, null);
    await withdrawAccessRequest(id, partner, null);
    return db.requestEvent.findFirstOrThrow({ where: { requestId: id, kind: "withdrawn" } });
  }

  it("refuses to rewrite or remove a message, an edit or a decision", async () => {
    const event = await threadEvent();
    await expect(db.requestEvent.update({ where: { id: event.id }, data: { body: "It was the admin's idea." } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`UPDATE "RequestEvent" SET "kind" = 'approved' WHERE "id" = '${event.id}'`)).rejects.toThrow(APPEND_ONLY);
    await expect(db.requestEvent.deleteMany({ where: { id: event.id } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`DELETE FROM "RequestEvent"`)).rejects.toThrow(APPEND_ONLY);
    if (process.env.TEST_DB_ENGINE === "postgres") await expect(db.$executeRawUnsafe(`TRUNCATE "RequestEvent"`)).rejects.toThrow(APPEND_ONLY);
    expect(await db.requestEvent.findUniqueOrThrow({ where: { id: event.id } })).toEqual(event);
  });
});

describe("keys and requests are never deleted by a cascade", () => {
  async function orgWithKey() {
    const partner = await makePartner();
    const admin = await makeAdmin();
    const { id } = await submitAccessRequest(REQUEST, partner, null);
    const { keyId } = await approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: ["cooperatives:read"] }), admin, null);
    await revealKey(keyId, partner, null);
    return { partner, admin, organizationId: partner.membership.organizationId, requestId: id, keyId };
  }

  it("refuses to delete an organisation that has keys, and keeps everything", async () => {
    const { organizationId, keyId, requestId } = await orgWithKey();
    await expect(db.organization.delete({ where: { id: organizationId } })).rejects.toThrow();
    await expect(db.$executeRawUnsafe(`DELETE FROM "Organization" WHERE "id" = '${organizationId}'`)).rejects.toThrow(/foreign key/i);
    expect(await db.organization.count({ where: { id: organizationId } })).toBe(1);
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).toMatchObject({ status: "active", organizationId });
    expect(await db.accessRequest.count({ where: { id: requestId } })).toBe(1);
  });

  it("refuses to delete an organisation with only a request", async () => {
    const partner = await makePartner();
    const { id } = await submitAccessRequest(REQUEST, partner, null);
    await expect(db.$executeRawUnsafe(`DELETE FROM "Organization" WHERE "id" = '${partner.membership.organizationId}'`)).rejects.toThrow(/foreign key/i);
    expect(await db.accessRequest.count({ where: { id } })).toBe(1);
  });

  it("refuses to delete the people a request names, and a key's request or predecessor", async () => {
    const { partner, admin, requestId, keyId } = await orgWithKey();
    await expect(db.$executeRawUnsafe(`DELETE FROM "User" WHERE "id" = '${partner.id}'`)).rejects.toThrow(/foreign key/i);
    await expect(db.$executeRawUnsafe(`DELETE FROM "User" WHERE "id" = '${admin.id}'`)).rejects.toThrow(/foreign key/i);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AccessRequest" WHERE "id" = '${requestId}'`)).rejects.toThrow(/foreign key/i);
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).toMatchObject({ requestId });
  });
});
