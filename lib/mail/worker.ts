// Delivers the outbox. Any number of workers (one per server process, on any number of
// instances) may run at once: a worker claims a row with a conditional update on the
// state it read (status and attempt count), which only one of them can win on SQLite and
// on PostgreSQL alike (PostgreSQL re-checks the WHERE clause on the row a concurrent
// claim just changed, so the loser updates nothing). The claim is a lease: if a worker
// dies mid-send, another takes the row after `leaseUntil`. Delivery is therefore
// at-least-once only in that crash case; never twice otherwise.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { db as defaultDb, type Db } from "@/lib/db";
import { getEnv, portalOrigin } from "@/lib/env";
import type { MailTemplateId } from "./messages";
import { renderMail } from "./render";
import { createSmtpTransport, type MailTransport } from "./transport";

export const MAIL_POLICY = {
  /** Attempts before a mail is marked failed (about an hour of retries in all). */
  maxAttempts: 8,
  /** The first retry's delay; each next one doubles, up to maxDelayMs. */
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  /** A claim lasts this long; a send times out well within it (see transport.ts). */
  leaseMs: 2 * 60_000,
  batch: 10,
};

/** Delay before the next attempt after `attempts` failed ones (1, 2, ...). */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAIL_POLICY.baseDelayMs * 2 ** Math.max(0, attempts - 1), MAIL_POLICY.maxDelayMs);
}

export type DeliveryReport = { sent: number; retrying: number; failed: number };

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

/** Claims due mails (at most `limit`) for this worker; returns the claimed rows. */
async function claimDue(db: Db, workerId: string, now: Date, limit: number) {
  const candidates = await db.mailMessage.findMany({
    where: { OR: [{ status: "pending", nextAttemptAt: { lte: now } }, { status: "sending", leaseUntil: { lt: now } }] },
    orderBy: { nextAttemptAt: "asc" },
    take: limit,
    select: { id: true, status: true, attempts: true },
  });
  const claimed: Array<{ id: string; attempts: number }> = [];
  for (const row of candidates) {
    const won = await db.mailMessage.updateMany({
      where: { id: row.id, status: row.status, attempts: row.attempts },
      data: { status: "sending", leaseOwner: workerId, leaseUntil: new Date(now.getTime() + MAIL_POLICY.leaseMs), attempts: { increment: 1 } },
    });
    if (won.count === 1) claimed.push({ id: row.id, attempts: row.attempts + 1 });
  }
  return claimed;
}

/**
 * One pass: claims the mails due at `now` and sends each. A failure schedules a retry
 * with exponential backoff (or marks the mail failed after maxAttempts) and records the
 * error; it never throws for one bad mail.
 */
export async function deliverDueMail(options: { transport: MailTransport; workerId?: string; now?: Date; limit?: number; from?: string; db?: Db }): Promise<DeliveryReport> {
  const db = options.db ?? defaultDb;
  const workerId = options.workerId ?? newWorkerId();
  const now = options.now ?? new Date();
  const from = options.from ?? getEnv().MAIL_FROM;
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (const claim of await claimDue(db, workerId, now, options.limit ?? MAIL_POLICY.batch)) {
    const mail = await db.mailMessage.findUnique({ where: { id: claim.id } });
    if (!mail) continue;
    const mine = { id: mail.id, leaseOwner: workerId, attempts: claim.attempts, status: "sending" };
    try {
      const rendered = renderMail(mail.template as MailTemplateId, JSON.parse(mail.params), portalOrigin(), mail.secret, mail.locale);
      await options.transport.send({ from, to: mail.to, subject: rendered.subject, text: rendered.text, html: rendered.html });
      // The secret has done its job: it leaves the database with the send.
      await db.mailMessage.updateMany({ where: mine, data: { status: "sent", sentAt: new Date(), secret: null, leaseOwner: null, leaseUntil: null, lastError: null } });
      report.sent++;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const giveUp = claim.attempts >= MAIL_POLICY.maxAttempts;
      await db.mailMessage.updateMany({
        where: mine,
        data: giveUp
          ? { status: "failed", lastError: message, leaseOwner: null, leaseUntil: null }
          : { status: "pending", lastError: message, leaseOwner: null, leaseUntil: null, nextAttemptAt: new Date(now.getTime() + retryDelayMs(claim.attempts)) },
      });
      if (giveUp) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}

const globalForWorker = globalThis as unknown as { copaMailWorker?: { stop(): void } };

/**
 * Runs the worker in this process (started by instrumentation.ts in the portal's server)
 * when SMTP_URL is set: a pass every `intervalMs`, never two passes at once.
 */
export function startMailWorker(intervalMs = 2_000): { stop(): void } | null {
  const url = getEnv().SMTP_URL;
  if (!url) return null;
  if (globalForWorker.copaMailWorker) return globalForWorker.copaMailWorker;
  const transport = createSmtpTransport(url);
  const workerId = newWorkerId();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      // Keep going while a pass filled its batch, so a burst drains quickly.
      for (let i = 0; i < 20; i++) {
        const report = await deliverDueMail({ transport, workerId });
        if (report.sent + report.retrying + report.failed < MAIL_POLICY.batch) break;
      }
    } catch (error) {
      console.error("mail worker:", error instanceof Error ? error.message : error);
    }
    if (!stopped) timer = setTimeout(tick, intervalMs).unref();
  };
  timer = setTimeout(tick, 500).unref();
  globalForWorker.copaMailWorker = {
    stop() {
      stopped = true;
      clearTimeout(timer);
      transport.close();
      globalForWorker.copaMailWorker = undefined;
    },
  };
  return globalForWorker.copaMailWorker;
}
