// Time-based reminders with a controlled clock: a key expiring in 7 days and in 1 day,
// and a rotated key's grace period ending within the hour, each mailed to the
// organisation's owners and developers exactly once, across scheduler runs and (on
// PostgreSQL) two instances running at once.
import { describe, expect, it } from "vitest";
import { createDb, db } from "@/lib/db";
import { rotateKey } from "@/lib/keys/service";
import { sendDueReminders } from "@/lib/reminders/scheduler";
import { makePartner } from "../support/factories";
import { issueKey } from "./api-support";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

async function keyExpiringIn(ms: number, now: Date) {
  const key = await issueKey(["cooperatives:read"]);
  await db.apiKey.update({ where: { id: key.keyId }, data: { expiresAt: new Date(now.getTime() + ms) } });
  const owner = await db.membership.findFirstOrThrow({ where: { organizationId: key.organizationId, role: "owner" }, select: { user: { select: { email: true } } } });
  return { ...key, ownerEmail: owner.user.email };
}

const mails = (to: string, template: string) => db.mailMessage.count({ where: { to, template } });

describe("reminders", () => {
  it("a key expiring in 6 days gets the 7-day reminder once, then the 1-day one once", async () => {
    const now = new Date(Date.now() + 10 * DAY); // past every other test's keys
    const key = await keyExpiringIn(6 * DAY, now);
    const viewer = await makePartner("viewer", { organizationId: key.organizationId });
    const developer = await makePartner("developer", { organizationId: key.organizationId });

    await sendDueReminders(now);
    await sendDueReminders(new Date(now.getTime() + HOUR)); // a second run, later: nothing new
    expect(await mails(key.ownerEmail, "key_expiring")).toBe(1);
    expect(await mails(developer.email, "key_expiring")).toBe(1);
    expect(await mails(viewer.email, "key_expiring")).toBe(0);
    const first = await db.mailMessage.findFirstOrThrow({ where: { to: key.ownerEmail, template: "key_expiring" } });
    expect(first.subject).toBe('Your COPA API key "Integration test key" expires in 7 days');

    const dayBefore = new Date(now.getTime() + 5 * DAY + HOUR);
    await sendDueReminders(dayBefore);
    await sendDueReminders(new Date(dayBefore.getTime() + HOUR));
    expect(await mails(key.ownerEmail, "key_expiring")).toBe(2);
    expect((await db.keyReminder.findMany({ where: { keyId: key.keyId } })).map((r) => r.kind).sort()).toEqual(["expiry_1d", "expiry_7d"]);
  });

  it("a rotated key whose grace ends within the hour gets one reminder; revoked and suspended ones none", async () => {
    const now = new Date();
    const key = await issueKey(["cooperatives:read"]);
    const owner = await db.membership.findFirstOrThrow({ where: { organizationId: key.organizationId, role: "owner" }, include: { user: true, organization: { select: { id: true, legalName: true, suspendedAt: true } } } });
    const partner = { id: owner.userId, email: owner.user.email, name: owner.user.name, role: "partner" as const, membership: { id: owner.id, role: "owner" as const, organizationId: owner.organizationId, organization: owner.organization } };
    await rotateKey(key.keyId, "1h", partner, null);
    await sendDueReminders(new Date(now.getTime() + 5 * 60_000));
    await sendDueReminders(new Date(now.getTime() + 10 * 60_000));
    expect(await mails(owner.user.email, "rotation_grace_ending")).toBe(1);
    expect(await mails(owner.user.email, "key_expiring")).toBe(0);

    const revoked = await keyExpiringIn(3 * DAY, now);
    await db.apiKey.update({ where: { id: revoked.keyId }, data: { status: "revoked", revokedAt: now } });
    const suspended = await keyExpiringIn(3 * DAY, now);
    await db.organization.update({ where: { id: suspended.organizationId }, data: { suspendedAt: now } });
    await sendDueReminders(now);
    expect(await mails(revoked.ownerEmail, "key_expiring")).toBe(0);
    expect(await mails(suspended.ownerEmail, "key_expiring")).toBe(0);
  });

  it("two schedulers running at once (two instances on PostgreSQL) send each reminder once", async () => {
    const now = new Date(Date.now() + 40 * DAY);
    const keys = await Promise.all([1, 2, 3].map(() => keyExpiringIn(3 * DAY, now)));
    const isPostgres = process.env.DATABASE_URL!.startsWith("postgres");
    const second = isPostgres ? createDb(process.env.DATABASE_URL!) : db;
    const [a, b] = await Promise.all([sendDueReminders(now), sendDueReminders(now, second)]);
    if (isPostgres) await second.$disconnect();
    expect(a + b).toBe(3);
    for (const key of keys) expect(await mails(key.ownerEmail, "key_expiring")).toBe(1);
  });
});
