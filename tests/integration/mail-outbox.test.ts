// The outbox against a real database and a real SMTP server: mails are rows written with
// the change that causes them, delivered by the worker with retries, never lost and never
// sent twice, even by two workers (two database clients: two instances) at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.SMTP_URL = "smtp://127.0.0.1:9"; // delivery configured: mails start as pending
process.env.NEXTAUTH_URL = "https://portal.copa.test";

import { createDb, db } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";
import { createSmtpTransport } from "@/lib/mail/transport";
import { deliverDueMail, MAIL_POLICY, retryDelayMs } from "@/lib/mail/worker";
import { startTestSmtp, type TestSmtp } from "../support/smtp";

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp.stop();
});

const address = (tag: string) => `${tag}-${Math.random().toString(36).slice(2, 8)}@bank.test`;

describe("mail outbox", () => {
  it("writes the mail in the caller's transaction: a rolled-back change leaves no mail", async () => {
    const to = address("rollback");
    await expect(
      db.$transaction(async (tx) => {
        await enqueueMail(tx, { to, template: "account_exists", params: { name: "Ada" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.mailMessage.count({ where: { to } })).toBe(0);

    await db.$transaction((tx) => enqueueMail(tx, { to, template: "account_exists", params: { name: "Ada" } }));
    const rows = await db.mailMessage.findMany({ where: { to } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "pending", attempts: 0, subject: "Someone tried to sign up with your address" });
  });

  it("refuses an invalid recipient and a key in the parameters, writing nothing", async () => {
    await expect(db.$transaction((tx) => enqueueMail(tx, { to: "not an address", template: "account_exists", params: { name: "A" } }))).rejects.toThrow(/invalid recipient/);
    const to = address("key");
    await expect(
      db.$transaction((tx) => enqueueMail(tx, { to, template: "account_exists", params: { name: `sk_copa_partner_${"a".repeat(32)}` } })),
    ).rejects.toThrow(/contain a key/);
    expect(await db.mailMessage.count({ where: { to } })).toBe(0);
  });

  it("delivers over SMTP with HTML and text, the one-time link absolute, and forgets the secret once sent", async () => {
    const to = address("deliver");
    await db.$transaction((tx) => enqueueMail(tx, { to, template: "password_reset", params: { name: "Grace" }, secret: "tok_abc123" }));
    const transport = createSmtpTransport(smtp.url);
    const report = await deliverDueMail({ transport, limit: 100 });
    transport.close();
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const [mail] = smtp.to(to);
    expect(mail.subject).toBe("Reset your COPA Developer Portal password");
    expect(mail.text).toContain("https://portal.copa.test/reset-password?token=tok_abc123");
    expect(mail.html).toContain('href="https://portal.copa.test/reset-password?token=tok_abc123"');
    const row = await db.mailMessage.findFirstOrThrow({ where: { to } });
    expect(row).toMatchObject({ status: "sent", attempts: 1, secret: null, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it("retries with exponential backoff while the SMTP server is down or refusing, then delivers once", async () => {
    const to = address("retry");
    await db.$transaction((tx) => enqueueMail(tx, { to, template: "account_exists", params: { name: "Lin" } }));
    const transport = createSmtpTransport(smtp.url);
    const t0 = new Date(Date.now() + 1000);

    await smtp.stop(); // down: connection refused
    await deliverDueMail({ transport, now: t0, limit: 100 });
    let row = await db.mailMessage.findFirstOrThrow({ where: { to } });
    expect(row).toMatchObject({ status: "pending", attempts: 1 });
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1));

    // Not due yet: nothing is tried.
    await deliverDueMail({ transport, now: new Date(t0.getTime() + retryDelayMs(1) - 1), limit: 100 });
    expect((await db.mailMessage.findFirstOrThrow({ where: { to } })).attempts).toBe(1);

    await smtp.start();
    smtp.failing = true; // up but refusing with 451
    const t1 = new Date(t0.getTime() + retryDelayMs(1));
    await deliverDueMail({ transport, now: t1, limit: 100 });
    row = await db.mailMessage.findFirstOrThrow({ where: { to } });
    expect(row).toMatchObject({ status: "pending", attempts: 2 });
    expect(row.lastError).toMatch(/451/);
    expect(row.nextAttemptAt.getTime()).toBe(t1.getTime() + retryDelayMs(2));
    expect(retryDelayMs(2)).toBe(2 * retryDelayMs(1));

    smtp.failing = false;
    await deliverDueMail({ transport, now: new Date(t1.getTime() + retryDelayMs(2)), limit: 100 });
    await deliverDueMail({ transport, now: new Date(t1.getTime() + 10 * retryDelayMs(2)), limit: 100 });
    transport.close();
    expect(smtp.to(to)).toHaveLength(1);
    expect(await db.mailMessage.findFirstOrThrow({ where: { to } })).toMatchObject({ status: "sent", attempts: 3 });
  });

  it("gives up after the last attempt and keeps the mail as failed with its error", async () => {
    const to = address("giveup");
    await db.$transaction((tx) => enqueueMail(tx, { to, template: "account_exists", params: { name: "Kim" } }));
    const transport = createSmtpTransport(smtp.url);
    smtp.failing = true;
    let now = new Date(Date.now() + 1000);
    for (let i = 0; i < MAIL_POLICY.maxAttempts + 2; i++) {
      await deliverDueMail({ transport, now, limit: 100 });
      now = new Date(now.getTime() + MAIL_POLICY.maxDelayMs);
    }
    smtp.failing = false;
    transport.close();
    const row = await db.mailMessage.findFirstOrThrow({ where: { to } });
    expect(row).toMatchObject({ status: "failed", attempts: MAIL_POLICY.maxAttempts });
    expect(row.lastError).toMatch(/451/);
    expect(smtp.to(to)).toHaveLength(0);
  });

  it("takes back a mail whose worker died mid-send once its lease has run out", async () => {
    const to = address("lease");
    await db.$transaction((tx) => enqueueMail(tx, { to, template: "account_exists", params: { name: "Sam" } }));
    const row = await db.mailMessage.findFirstOrThrow({ where: { to } });
    const claimedAt = new Date();
    // A worker claimed it and died: status sending, lease running.
    await db.mailMessage.update({ where: { id: row.id }, data: { status: "sending", attempts: 1, leaseOwner: "dead", leaseUntil: new Date(claimedAt.getTime() + MAIL_POLICY.leaseMs) } });
    const transport = createSmtpTransport(smtp.url);
    await deliverDueMail({ transport, now: new Date(claimedAt.getTime() + 1000), limit: 100 });
    expect(smtp.to(to)).toHaveLength(0);
    await deliverDueMail({ transport, now: new Date(claimedAt.getTime() + MAIL_POLICY.leaseMs + 1), limit: 100 });
    transport.close();
    expect(smtp.to(to)).toHaveLength(1);
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 2 });
  });

  // PostgreSQL: two database clients, as two instances have. SQLite serves one process
  // (README), so there the two workers share its client.
  it("two workers running at once (two instances on PostgreSQL) send each mail exactly once", async () => {
    const tag = address("pair");
    const recipients = Array.from({ length: 30 }, (_, i) => `${i}-${tag}`);
    await db.$transaction(async (tx) => {
      for (const to of recipients) await enqueueMail(tx, { to, template: "account_exists", params: { name: "Pat" } });
    });
    const isPostgres = process.env.DATABASE_URL!.startsWith("postgres");
    const second = isPostgres ? createDb(process.env.DATABASE_URL!) : db;
    const a = createSmtpTransport(smtp.url);
    const b = createSmtpTransport(smtp.url);
    const now = new Date(Date.now() + 1000);
    const run = async (transport: typeof a, client: typeof db, workerId: string) => {
      let sent = 0;
      for (let i = 0; i < 10; i++) sent += (await deliverDueMail({ transport, db: client, workerId, now, limit: 5 })).sent;
      return sent;
    };
    const [sentA, sentB] = await Promise.all([run(a, db, "instance-a"), run(b, second, "instance-b")]);
    a.close();
    b.close();
    if (isPostgres) await second.$disconnect();
    for (const to of recipients) expect(smtp.to(to), to).toHaveLength(1);
    const rows = await db.mailMessage.findMany({ where: { to: { in: recipients } } });
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
    // Every earlier mail was already delivered: the two reports add up to exactly these 30.
    expect(sentA + sentB).toBe(30);
  });
});
