// Server-side sessions. Each sign-in creates a Session row; the cookie's JWT carries only its
// id. Every request (lib/auth/session.ts, and next-auth's jwt callback behind
// /api/auth/session) checks the row, so a session ends on the server: signing out, ending
// it from the account page, the idle timeout or the absolute lifetime make every copy of
// the cookie worthless, however long the JWT itself would still verify.
import { recordAudit, type AuditActor } from "@/lib/audit";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** Absolute lifetime from sign-in, by role: staff sessions are shorter. */
export const SESSION_LIFETIME_SECONDS = { partner: 12 * 3600, admin: 8 * 3600 } as const;
export const SESSION_IDLE_SECONDS = 2 * 3600;
/** lastSeenAt is written at most this often, so a busy session costs one write a minute. */
export const SESSION_TOUCH_SECONDS = 60;
/** The JWT's own lifetime: the longest session; the row decides the real end. */
export const SESSION_JWT_MAX_AGE = Math.max(...Object.values(SESSION_LIFETIME_SECONDS));

export type SessionEndReason = "signed_out" | "ended_by_user" | "signed_out_everywhere" | "password_changed" | "revoked";

type SessionTimes = { endedAt: Date | null; expiresAt: Date; lastSeenAt: Date };

/** Whether a session row still admits requests at `now`. */
export function isSessionLive(row: SessionTimes, now: Date): boolean {
  return row.endedAt === null && row.expiresAt > now && now.getTime() - row.lastSeenAt.getTime() < SESSION_IDLE_SECONDS * 1000;
}

export function sessionExpiry(role: string, createdAt: Date): Date {
  const seconds = role === "admin" ? SESSION_LIFETIME_SECONDS.admin : SESSION_LIFETIME_SECONDS.partner;
  return new Date(createdAt.getTime() + seconds * 1000);
}

/** Inside the sign-in transaction. */
export async function createSession(tx: Tx, input: { userId: string; role: string; ip: string | null; userAgent: string | null; now: Date }): Promise<{ id: string }> {
  return tx.session.create({
    data: {
      userId: input.userId,
      createdAt: input.now,
      lastSeenAt: input.now,
      expiresAt: sessionExpiry(input.role, input.now),
      ip: input.ip,
      // Shown on the account page; a client can send anything here, so keep it short.
      userAgent: input.userAgent ? input.userAgent.slice(0, 300) : null,
    },
    select: { id: true },
  });
}

const LIVE_SESSION_INCLUDE = {
  user: {
    include: {
      memberships: {
        take: 1,
        orderBy: { createdAt: "asc" as const },
        include: { organization: { select: { id: true, legalName: true, suspendedAt: true } } },
      },
    },
  },
};

/**
 * The session and its user when the session admits requests at `now`, else null. One
 * query; lastSeenAt is refreshed (conditionally, so concurrent requests write once) when
 * it is older than a minute.
 */
export async function loadLiveSession(sessionId: string, now = new Date()) {
  const row = await db.session.findUnique({ where: { id: sessionId }, include: LIVE_SESSION_INCLUDE });
  if (!row || !isSessionLive(row, now) || row.user.disabled) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= SESSION_TOUCH_SECONDS * 1000) {
    await db.session.updateMany({
      where: { id: row.id, endedAt: null, lastSeenAt: { lte: new Date(now.getTime() - SESSION_TOUCH_SECONDS * 1000) } },
      data: { lastSeenAt: now },
    });
  }
  return row;
}

/** Signing out: ends the session the cookie named (next-auth's signOut event). */
export async function endSessionById(sessionId: string, reason: SessionEndReason, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const session = await tx.session.findUnique({ where: { id: sessionId }, select: { id: true, userId: true, endedAt: true, user: { select: { email: true } } } });
    if (!session || session.endedAt) return;
    await tx.session.update({ where: { id: session.id }, data: { endedAt: now, endReason: reason } });
    await recordAudit(tx, { action: reason === "signed_out" ? "user.signed_out" : "session.ended", actor: { id: session.userId, email: session.user.email }, target: { type: "session", id: session.id }, metadata: { reason } });
  });
}

/**
 * The account page's "End session": only a live session of the caller's own. Another
 * user's session id is simply not found, exactly like an unknown one.
 */
export async function endOwnSession(userId: string, sessionId: string, actor: NonNullable<AuditActor>, ip: string | null, now = new Date()): Promise<void> {
  await db.$transaction(async (tx) => {
    const ended = await tx.session.updateMany({ where: { id: sessionId, userId, endedAt: null }, data: { endedAt: now, endReason: "ended_by_user" } });
    if (ended.count !== 1) throw notFound("account.errors.sessionAlreadyEnded");
    await recordAudit(tx, { action: "session.ended", actor, target: { type: "session", id: sessionId }, metadata: { reason: "ended_by_user" }, ip });
  });
}

/** Ends every open session of a user (but `exceptId`), inside the caller's transaction. */
export async function endUserSessions(tx: Tx, userId: string, reason: SessionEndReason, options: { exceptId?: string; now?: Date } = {}): Promise<number> {
  const result = await tx.session.updateMany({
    where: { userId, endedAt: null, ...(options.exceptId ? { id: { not: options.exceptId } } : {}) },
    data: { endedAt: options.now ?? new Date(), endReason: reason },
  });
  return result.count;
}

export type ActiveSession = { id: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date; ip: string | null; userAgent: string | null; isCurrent: boolean };

/** The user's sessions that still admit requests: the caller's own first, then by latest activity. */
export async function listActiveSessions(userId: string, currentSessionId: string | null, now = new Date()): Promise<ActiveSession[]> {
  const rows = await db.session.findMany({
    where: { userId, endedAt: null, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - SESSION_IDLE_SECONDS * 1000) } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, ip: true, userAgent: true },
    take: 50,
  });
  return rows.map((r) => ({ ...r, isCurrent: r.id === currentSessionId })).sort((a, b) => Number(b.isCurrent) - Number(a.isCurrent));
}
