// Reading and marking a user's own notifications, and their mail preferences. Every
// function takes the caller's user id from the session (never from the client) and
// touches only that user's rows: another user's notification id is "not found".
import { z } from "zod";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { paged, pageWindow } from "@/lib/paging";
import type { Locale } from "@/lib/i18n/config";
import { ADMIN_KINDS, NOTIFICATION_KINDS, PARTNER_KINDS, parsePreferences, type Preferences } from "./index";
import { isNotificationKind, renderNotice } from "./messages";

export const NOTIFICATIONS_PAGE_SIZE = 20;
/** The bell shows "99+" beyond this; counting stops there so the header stays cheap. */
export const UNREAD_CAP = 99;

export const markReadSchema = z.object({ notificationId: z.string().uuid("Not a notification.") });
export const preferencesSchema = z.object({
  mail: z.array(z.enum(NOTIFICATION_KINDS as [string, ...string[]])).max(NOTIFICATION_KINDS.length),
  newRequestMail: z.enum(["instant", "digest"]).optional(),
});

/** A stored notification in `locale`: from its parameters; rows written before them keep their stored (English) words. */
function inLocale<R extends { kind: string; title: string; body: string; params: string | null }>(row: R, locale: Locale) {
  const { params, ...rest } = row;
  if (!params || !isNotificationKind(row.kind)) return rest;
  try {
    const notice = renderNotice(row.kind, JSON.parse(params), locale);
    return { ...rest, title: notice.title, body: notice.body };
  } catch {
    return rest; // unreadable parameters: the stored words are still right
  }
}

/** One page of the user's notifications, newest first (stable on equal timestamps), in the reader's language. */
export async function listNotifications(userId: string, page = 1, locale: Locale = "en") {
  const where = { userId };
  const [rows, total] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(page, NOTIFICATIONS_PAGE_SIZE),
      select: { id: true, kind: true, title: true, body: true, params: true, link: true, readAt: true, createdAt: true },
    }),
    db.notification.count({ where }),
  ]);
  return paged(rows.map((row) => inLocale(row, locale)), total, page, NOTIFICATIONS_PAGE_SIZE);
}

/** Unread count, capped at UNREAD_CAP + 1 (the header only needs to know "more than 99"). */
export async function countUnread(userId: string): Promise<number> {
  const rows = await db.notification.findMany({ where: { userId, readAt: null }, select: { id: true }, take: UNREAD_CAP + 1 });
  return rows.length;
}

export async function markNotificationRead(userId: string, notificationId: string, now = new Date()) {
  const found = await db.notification.findFirst({ where: { id: notificationId, userId }, select: { id: true, link: true } });
  if (!found) throw notFound();
  await db.notification.updateMany({ where: { id: found.id, userId, readAt: null }, data: { readAt: now } });
  return { link: found.link };
}

export async function markAllNotificationsRead(userId: string, now = new Date()) {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return { marked: count };
}

export async function getPreferences(userId: string): Promise<Preferences> {
  return parsePreferences(await db.notificationPreference.findUnique({ where: { userId } }));
}

/**
 * Saves which kinds the user wants by mail (`mail` lists the kinds left on). A partner
 * has the organisation's kinds; an admin has new requests too, instantly or as a digest.
 */
export async function savePreferences(user: { id: string; role: string }, input: z.output<typeof preferencesSchema>) {
  const kinds = user.role === "admin" ? ADMIN_KINDS : PARTNER_KINDS;
  const mailOff = kinds.filter((k) => !input.mail.includes(k));
  const newRequestMail = user.role === "admin" && input.newRequestMail === "digest" ? "digest" : "instant";
  const data = { mailOff: JSON.stringify(mailOff), newRequestMail };
  await db.notificationPreference.upsert({ where: { userId: user.id }, create: { userId: user.id, ...data }, update: data });
  return { mailOff, newRequestMail };
}
