// A request's conversation: every message, edit (with what changed) and decision, in
// order. Entries are RequestEvent rows written by lib/requests/service.ts in the
// transaction of the transition they describe. A thread is bounded: a request goes back
// to its partner at most MAX_CHANGE_ROUNDS times, so it has at most 2 × rounds + 2 entries.
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";

/** After this many "changes requested" rounds an admin must approve or reject. */
export const MAX_CHANGE_ROUNDS = 10;
/** The most entries a thread can have (every round asked and answered, a first approval, then a decision and a withdrawal). */
export const MAX_THREAD_ENTRIES = 2 * MAX_CHANGE_ROUNDS + 3;

export type RequestEventKind = "changes_requested" | "resubmitted" | "first_approval" | "approved" | "rejected" | "withdrawn";
export type ActorRole = "partner" | "admin" | "system";

export type RequestChanges = {
  scopes?: { added: string[]; removed: string[] };
  useCase?: { from: string; to: string };
  /** Scopes whose justification text changed (added, edited or dropped). */
  justifications?: string[];
  /** Decisions: the scopes granted, when they differ from those requested. */
  granted?: string[];
};

type Snapshot = { useCase: string; scopes: string[]; justifications: Record<string, string> };

/** What an edit changed, for the thread. Pure. */
export function diffRequest(before: Snapshot, after: Snapshot): RequestChanges {
  const out: RequestChanges = {};
  const added = after.scopes.filter((s) => !before.scopes.includes(s));
  const removed = before.scopes.filter((s) => !after.scopes.includes(s));
  if (added.length || removed.length) out.scopes = { added, removed };
  if (before.useCase.trim() !== after.useCase.trim()) out.useCase = { from: before.useCase, to: after.useCase };
  const keys = [...new Set([...Object.keys(before.justifications), ...Object.keys(after.justifications)])].sort();
  const changed = keys.filter((k) => (before.justifications[k] ?? "").trim() !== (after.justifications[k] ?? "").trim());
  if (changed.length) out.justifications = changed;
  return out;
}

export function isEmptyChange(changes: RequestChanges): boolean {
  return !changes.scopes && !changes.useCase && !changes.justifications;
}

export async function recordRequestEvent(
  tx: Tx,
  input: { requestId: string; kind: RequestEventKind; actorId: string | null; actorRole: ActorRole; body?: string | null; changes?: RequestChanges },
) {
  await tx.requestEvent.create({
    data: {
      requestId: input.requestId,
      kind: input.kind,
      actorId: input.actorId,
      actorRole: input.actorRole,
      body: input.body || null,
      changes: JSON.stringify(input.changes ?? {}),
    },
  });
}

export type ThreadEntry = {
  id: string;
  kind: RequestEventKind;
  actorRole: ActorRole;
  /** The actor's name and e-mail; admins' identities are shown to admins only. */
  actor: { name: string; email: string } | null;
  body: string | null;
  changes: RequestChanges;
  createdAt: Date;
};

function parseChanges(value: string): RequestChanges {
  try {
    const parsed = JSON.parse(value) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as RequestChanges) : {};
  } catch {
    return {};
  }
}

/**
 * The thread of one request, oldest first. `audience: "partner"` hides which admin wrote
 * an entry (partners deal with "the COPA review team"), as the rest of the partner pages do.
 * Callers have already checked that the audience may see the request.
 */
export async function getRequestThread(requestId: string, audience: "partner" | "admin"): Promise<ThreadEntry[]> {
  const rows = await db.requestEvent.findMany({
    where: { requestId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_THREAD_ENTRIES,
  });
  const ids = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => !!id))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => {
    const role = r.actorRole as ActorRole;
    const user = r.actorId ? byId.get(r.actorId) : undefined;
    const visible = role === "partner" || audience === "admin";
    return {
      id: r.id,
      kind: r.kind as RequestEventKind,
      actorRole: role,
      actor: visible && user ? { name: user.name, email: user.email } : null,
      body: r.body,
      changes: parseChanges(r.changes),
      createdAt: r.createdAt,
    };
  });
}
