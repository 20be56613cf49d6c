// The daily digest of new requests for admins who chose it (account page). Sent once per
// admin and UTC day, from DIGEST_HOUR_UTC on, across restarts and several instances: the
// RequestDigest row (primary key: admin, day) is inserted in the same transaction as the
// mail, so a second scheduler's insert fails and its mail rolls back with it, as the
// key reminders do (lib/reminders/scheduler.ts, which runs this pass too).
import { db as defaultDb, isUniqueViolation, type Db } from "@/lib/db";
import { enqueueMail } from "@/lib/mail/outbox";

/** 06:00 UTC is 08:00 in Kigali: the digest is in the inbox when the day starts. */
export const DIGEST_HOUR_UTC = 6;
/** Requests listed in one digest; the rest are counted ("and N more"). */
const LISTED = 20;
const ADMINS = 200;
const DAY = 24 * 3600_000;

/** One pass: sends each due digest. Returns how many digests were recorded (mailed or empty). */
export async function sendDueDigests(now = new Date(), db: Db = defaultDb): Promise<number> {
  if (now.getUTCHours() < DIGEST_HOUR_UTC) return 0;
  const day = now.toISOString().slice(0, 10);
  const admins = await db.user.findMany({
    where: { role: "admin", disabled: false, notificationPreference: { is: { newRequestMail: "digest" } }, requestDigests: { none: { day } } },
    orderBy: { createdAt: "asc" },
    take: ADMINS,
    select: { id: true, email: true },
  });
  let sent = 0;
  for (const admin of admins) {
    try {
      await db.$transaction(async (tx) => {
        const last = await tx.requestDigest.findFirst({ where: { userId: admin.id }, orderBy: { sentAt: "desc" }, select: { sentAt: true } });
        const since = last?.sentAt ?? new Date(now.getTime() - DAY);
        const where = { createdAt: { gt: since, lte: now } };
        const count = await tx.accessRequest.count({ where });
        await tx.requestDigest.create({ data: { userId: admin.id, day, sentAt: now, requests: count } });
        if (count === 0) return; // nothing new: the day is done, no mail
        const listed = await tx.accessRequest.findMany({
          where,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: LISTED,
          select: { keyName: true, environment: true, organization: { select: { legalName: true } } },
        });
        const items = listed.map((r) => ({ organizationName: r.organization.legalName, keyName: r.keyName, environment: r.environment }));
        await enqueueMail(tx, { to: admin.email, template: "request_digest", params: { day, count, items, more: count - listed.length } });
      });
      sent++;
    } catch (error) {
      // Another instance sent this admin's digest first.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return sent;
}
