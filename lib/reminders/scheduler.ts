// Time-based reminders: a key expiring in 7 days and in 1 day, a rotated key's grace
// period ending within the hour. Each is sent exactly once per key, across restarts and
// across instances: the KeyReminder row (primary key: key, kind) is inserted in the same
// transaction as the mails, so a second scheduler's insert fails and its mails roll back
// with it. The scheduler runs in the portal's server process (instrumentation.ts).
import { db as defaultDb, isUniqueViolation, type Db } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";
import { sendDueDigests } from "@/lib/notifications/digest";

export type ReminderKind = "expiry_7d" | "expiry_1d" | "grace_1h";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Keys handled per kind and pass; the next pass takes the rest. */
const BATCH = 100;
/** Members mailed per organisation: owners and developers. */
const RECIPIENTS = 50;

/** Dates go into the mail as ISO strings; it shows them in its reader's language and Rwanda's time zone. */
const utc = (d: Date) => d.toISOString();

function dueWhere(kind: ReminderKind, now: Date) {
  const live = { status: "active", revokedAt: null, hash: { not: null }, organization: { suspendedAt: null }, reminders: { none: { kind } } };
  const t = now.getTime();
  if (kind === "grace_1h") return { ...live, rotatedTo: { isNot: null }, expiresAt: { gt: now, lte: new Date(t + HOUR) } };
  if (kind === "expiry_1d") return { ...live, rotatedTo: { is: null }, expiresAt: { gt: now, lte: new Date(t + DAY) } };
  return { ...live, rotatedTo: { is: null }, expiresAt: { gt: new Date(t + DAY), lte: new Date(t + 7 * DAY) } };
}

/** One pass: sends every reminder due at `now` that was not sent yet. Returns how many were sent. */
export async function sendDueReminders(now = new Date(), db: Db = defaultDb): Promise<number> {
  let sent = 0;
  for (const kind of ["grace_1h", "expiry_1d", "expiry_7d"] as const) {
    const keys = await db.apiKey.findMany({
      where: dueWhere(kind, now),
      orderBy: { expiresAt: "asc" },
      take: BATCH,
      select: { id: true, name: true, expiresAt: true, organizationId: true, organization: { select: { legalName: true } } },
    });
    for (const key of keys) {
      try {
        await db.$transaction(async (tx) => {
          await tx.keyReminder.create({ data: { keyId: key.id, kind, sentAt: now } });
          const members = await tx.membership.findMany({
            where: { organizationId: key.organizationId, role: { in: ["owner", "developer"] }, user: { disabled: false } },
            orderBy: { createdAt: "asc" },
            take: RECIPIENTS,
            select: { user: { select: { email: true } } },
          });
          const common = { keyName: key.name, organizationName: key.organization.legalName, keyPath: `/keys/${key.id}` };
          for (const m of members) {
            if (kind === "grace_1h") await enqueueMail(tx, { to: m.user.email, template: "rotation_grace_ending", params: { ...common, endsAt: utc(key.expiresAt!) } });
            else await enqueueMail(tx, { to: m.user.email, template: "key_expiring", params: { ...common, expiresAt: utc(key.expiresAt!), within: kind === "expiry_1d" ? "1 day" : "7 days" } });
          }
        });
        sent++;
      } catch (error) {
        // Another instance sent this one first: nothing to do.
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }
  return sent;
}

const globalForScheduler = globalThis as unknown as { copaReminderScheduler?: { stop(): void } };

/** Runs a pass every minute in this process: key reminders, then admins' daily digests. */
export function startReminderScheduler(intervalMs = 60_000): { stop(): void } {
  if (globalForScheduler.copaReminderScheduler) return globalForScheduler.copaReminderScheduler;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      await sendDueReminders();
      await sendDueDigests();
    } catch (error) {
      console.error("reminder scheduler:", error instanceof Error ? error.message : error);
    }
    if (!stopped) timer = setTimeout(tick, intervalMs).unref();
  };
  timer = setTimeout(tick, 5_000).unref();
  globalForScheduler.copaReminderScheduler = {
    stop() {
      stopped = true;
      clearTimeout(timer);
      globalForScheduler.copaReminderScheduler = undefined;
    },
  };
  return globalForScheduler.copaReminderScheduler;
}
