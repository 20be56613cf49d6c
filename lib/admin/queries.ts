// Read queries of the admin console. Admins see every organisation, so nothing here is
// tenant-scoped; callers must have passed requireAdminPage() (pages) or adminAction()
// (actions) first. Keys are always read through keyPublicSelect, so no hash leaves the
// database even on an admin page.
import type { Prisma } from "@/lib/generated/sqlite/client";
import { db } from "@/lib/db";
import { keyPublicSelect } from "@/lib/keys/service";
import { keyStateWhere } from "@/lib/keys/where";
import { requestListSelect } from "@/lib/requests/service";
import { paged, pageWindow } from "@/lib/paging";
import { containsAnyCase } from "@/lib/search";
import { ageWindow, AUDIT_PAGE_SIZE, type AuditFilters, type KeyFilters, type OrganizationFilters, type RequestFilters, type UserFilters } from "./filters";


// ---- overview -------------------------------------------------------------------------

export async function getOverviewCounts(now = new Date()) {
  const [pendingRequests, activeKeys, awaitingReveal, organizations, suspendedOrganizations, users, disabledUsers] = await Promise.all([
    db.accessRequest.count({ where: { status: "pending" } }),
    db.apiKey.count({ where: keyStateWhere("active", now) }),
    db.apiKey.count({ where: keyStateWhere("pending", now) }),
    db.organization.count(),
    db.organization.count({ where: { suspendedAt: { not: null } } }),
    db.user.count(),
    db.user.count({ where: { disabled: true } }),
  ]);
  return { pendingRequests, activeKeys, awaitingReveal, organizations, suspendedOrganizations, users, disabledUsers };
}

// ---- requests -------------------------------------------------------------------------

const adminRequestListSelect = {
  ...requestListSelect,
  decidedBy: { select: { name: true, email: true } },
  organization: { select: { id: true, legalName: true, kind: true, suspendedAt: true } },
} as const;

/**
 * A request whose space-separated scope list (lib/scopes serializeScopes) holds `scope`:
 * alone, first, last or in between. Plain LIKEs, the same on SQLite and PostgreSQL.
 */
export function requestedScopeWhere(scope: string): Prisma.AccessRequestWhereInput {
  return {
    OR: [
      { requestedScopes: scope },
      { requestedScopes: { startsWith: `${scope} ` } },
      { requestedScopes: { endsWith: ` ${scope}` } },
      { requestedScopes: { contains: ` ${scope} ` } },
    ],
  };
}

/** The queue's filters as a query; every filter combines with the others. */
export function adminRequestWhere(filters: Omit<RequestFilters, "page">, now = new Date()): Prisma.AccessRequestWhereInput {
  return {
    AND: [
      filters.status ? { status: filters.status } : {},
      filters.org ? { organizationId: filters.org } : {},
      filters.type ? { keyType: filters.type } : {},
      filters.env ? { environment: filters.env } : {},
      filters.scope ? requestedScopeWhere(filters.scope) : {},
      filters.age ? { createdAt: ageWindow(filters.age, now) } : {},
      filters.decided ? { decidedAt: { gte: new Date(now.getTime() - Number(filters.decided) * 86_400_000) } } : {},
    ],
  };
}

export async function listRequestsForAdmin(filters: RequestFilters, now = new Date()) {
  const where = adminRequestWhere(filters, now);
  // Pending work is reviewed oldest first; history reads newest first.
  const orderBy = filters.status === "pending" ? { createdAt: "asc" as const } : { createdAt: "desc" as const };
  const [rows, total] = await Promise.all([
    db.accessRequest.findMany({ where, orderBy: [orderBy, { id: "asc" }], select: adminRequestListSelect, ...pageWindow(filters.page) }),
    db.accessRequest.count({ where }),
  ]);
  return paged(rows, total, filters.page);
}

export async function countRequestsByStatus() {
  const groups = await db.accessRequest.groupBy({ by: ["status"], _count: { _all: true } });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all])) as Record<string, number>;
}

/** Rows of an organisation's keys and requests shown beside it; the rest is one link away. */
export const HISTORY_LIMIT = 10;

/**
 * What an admin wants beside a request or an organisation: its newest keys and other
 * requests (HISTORY_LIMIT of each, with totals, linking to the filtered lists) and counts.
 */
export async function getOrganizationHistory(organizationId: string, exceptRequestId?: string, now = new Date()) {
  const requestWhere = { organizationId, ...(exceptRequestId ? { id: { not: exceptRequestId } } : {}) };
  const [keys, keyCount, activeKeyCount, requests, requestCount, members] = await Promise.all([
    db.apiKey.findMany({ where: { organizationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: keyPublicSelect, take: HISTORY_LIMIT }),
    db.apiKey.count({ where: { organizationId } }),
    db.apiKey.count({ where: { organizationId, ...keyStateWhere("active", now) } }),
    db.accessRequest.findMany({ where: requestWhere, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: adminRequestListSelect, take: HISTORY_LIMIT }),
    db.accessRequest.count({ where: requestWhere }),
    db.membership.count({ where: { organizationId } }),
  ]);
  return { keys, keyCount, activeKeyCount, requests, requestCount, members };
}

// ---- keys -----------------------------------------------------------------------------

const adminKeySelect = {
  ...keyPublicSelect,
  organization: { select: { id: true, legalName: true, suspendedAt: true } },
} as const;

/** Keys still usable (active) whose expiry falls within the next `days` days. */
export function expiringWhere(days: number, now = new Date()): Prisma.ApiKeyWhereInput {
  return { AND: [keyStateWhere("active", now), { expiresAt: { gt: now, lte: new Date(now.getTime() + days * 86_400_000) } }] };
}

export async function listKeysForAdmin(filters: KeyFilters, now = new Date()) {
  const where: Prisma.ApiKeyWhereInput = {
    AND: [
      filters.state ? keyStateWhere(filters.state, now) : {},
      filters.env ? { environment: filters.env } : {},
      filters.org ? { organizationId: filters.org } : {},
      filters.expiring ? expiringWhere(Number(filters.expiring), now) : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.apiKey.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: adminKeySelect, ...pageWindow(filters.page) }),
    db.apiKey.count({ where }),
  ]);
  return paged(rows, total, filters.page);
}

export async function getKeyForAdmin(keyId: string) {
  const key = await db.apiKey.findUnique({
    where: { id: keyId },
    select: {
      ...adminKeySelect,
      createdById: true,
      revokedById: true,
      request: { select: { id: true, createdAt: true, decidedAt: true, requester: { select: { name: true, email: true } }, decidedBy: { select: { name: true, email: true } } } },
    },
  });
  if (!key) return null;
  const people = await db.user.findMany({
    where: { id: { in: [key.createdById, key.revokedById].filter((id): id is string => !!id) } },
    select: { id: true, name: true, email: true },
  });
  const person = (id: string | null) => people.find((p) => p.id === id) ?? null;
  return { ...key, createdBy: person(key.createdById), revokedBy: person(key.revokedById) };
}

const MAX_CHAIN = 100;

/** The rotation chain a key belongs to, oldest first. Bounded so a corrupt loop cannot hang a page. */
export async function getRotationChain(keyId: string) {
  const select = { id: true, name: true, mask: true, status: true, expiresAt: true, revokedAt: true, createdAt: true, rotatedFromId: true, rotatedTo: { select: { id: true } } } as const;
  type Link = Prisma.ApiKeyGetPayload<{ select: typeof select }>;
  const start = await db.apiKey.findUnique({ where: { id: keyId }, select });
  if (!start) return [];
  const chain: Link[] = [start];
  const seen = new Set([start.id]);
  for (let cur = start; cur.rotatedFromId && chain.length < MAX_CHAIN; ) {
    const prev = await db.apiKey.findUnique({ where: { id: cur.rotatedFromId }, select });
    if (!prev || seen.has(prev.id)) break;
    chain.unshift(prev);
    seen.add(prev.id);
    cur = prev;
  }
  for (let cur = start; cur.rotatedTo && chain.length < MAX_CHAIN; ) {
    const next = await db.apiKey.findUnique({ where: { id: cur.rotatedTo.id }, select });
    if (!next || seen.has(next.id)) break;
    chain.push(next);
    seen.add(next.id);
    cur = next;
  }
  return chain;
}

// ---- organisations --------------------------------------------------------------------

export async function listOrganizationsForAdmin(filters: OrganizationFilters) {
  const where: Prisma.OrganizationWhereInput = {
    ...(filters.q ? { OR: [containsAnyCase("legalName", filters.q), { contactEmail: { contains: filters.q.toLowerCase() } }] } : {}),
    ...(filters.status === "suspended" ? { suspendedAt: { not: null } } : filters.status === "active" ? { suspendedAt: null } : {}),
  };
  const [rows, total] = await Promise.all([
    db.organization.findMany({
      where,
      orderBy: [{ legalName: "asc" }, { id: "asc" }],
      select: {
        id: true,
        legalName: true,
        kind: true,
        country: true,
        createdAt: true,
        suspendedAt: true,
        _count: {
          select: {
            memberships: true,
            keys: { where: keyStateWhere("active") },
            requests: { where: { status: "pending" } },
          },
        },
      },
      ...pageWindow(filters.page),
    }),
    db.organization.count({ where }),
  ]);
  return paged(rows, total, filters.page);
}

export const MEMBERS_SHOWN = 50;

export function getOrganizationForAdmin(organizationId: string) {
  return db.organization.findUnique({
    where: { id: organizationId },
    select: {
      id: true,
      legalName: true,
      kind: true,
      country: true,
      website: true,
      contactEmail: true,
      createdAt: true,
      suspendedAt: true,
      suspendedReason: true,
      copaRun: true,
      _count: { select: { memberships: true } },
      // Bounded like every list; the page says when an organisation has more members.
      memberships: {
        take: MEMBERS_SHOWN,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true, role: true, disabled: true, lastSignInAt: true } } },
      },
    },
  });
}

export const ORGANIZATION_SEARCH_LIMIT = 20;

export type OrganizationOption = { id: string; legalName: string; suspended: boolean };

/**
 * Organisations whose name contains `term` (any usual casing, see lib/search), for the
 * searchable organisation filter: at most ORGANIZATION_SEARCH_LIMIT, alphabetical, so a
 * filter menu never carries every organisation. An empty term gives the first few.
 */
export async function searchOrganizations(term: string, limit = ORGANIZATION_SEARCH_LIMIT): Promise<OrganizationOption[]> {
  const q = term.trim();
  const rows = await db.organization.findMany({
    where: q ? containsAnyCase("legalName", q) : {},
    orderBy: [{ legalName: "asc" }, { id: "asc" }],
    select: { id: true, legalName: true, suspendedAt: true },
    take: Math.min(limit, ORGANIZATION_SEARCH_LIMIT),
  });
  return rows.map((o) => ({ id: o.id, legalName: o.legalName, suspended: !!o.suspendedAt }));
}

/** The organisation a filter URL names, to label the filter; null for a stale id. */
export async function getOrganizationOption(organizationId: string | undefined): Promise<OrganizationOption | null> {
  if (!organizationId) return null;
  const o = await db.organization.findUnique({ where: { id: organizationId }, select: { id: true, legalName: true, suspendedAt: true } });
  return o ? { id: o.id, legalName: o.legalName, suspended: !!o.suspendedAt } : null;
}

// ---- users ----------------------------------------------------------------------------

const adminUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  createdAt: true,
  lastSignInAt: true,
  memberships: { take: 1, orderBy: { createdAt: "asc" }, select: { role: true, organization: { select: { id: true, legalName: true, suspendedAt: true } } } },
} as const;

export async function listUsersForAdmin(filters: UserFilters) {
  const where: Prisma.UserWhereInput = {
    ...(filters.q ? { OR: [{ email: { contains: filters.q.toLowerCase() } }, containsAnyCase("name", filters.q)] } : {}),
    ...(filters.role ? { role: filters.role } : {}),
    ...(filters.status ? { disabled: filters.status === "disabled" } : {}),
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: adminUserSelect, ...pageWindow(filters.page) }),
    db.user.count({ where }),
  ]);
  return paged(rows, total, filters.page);
}

export function getUserForAdmin(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { ...adminUserSelect, updatedAt: true } });
}

export function countActiveAdmins() {
  return db.user.count({ where: { role: "admin", disabled: false } });
}

// ---- audit ----------------------------------------------------------------------------

export type AuditPage = Awaited<ReturnType<typeof listAuditEvents>>;

/**
 * The audit trail, newest first, keyset-paginated on (createdAt, id) so pages stay stable
 * while new events arrive. `after` pages to older events, `before` back to newer ones.
 */
export async function listAuditEvents(filters: Omit<AuditFilters, "after" | "before"> & { after?: string; before?: string }, pageSize = AUDIT_PAGE_SIZE) {
  return pageAuditEvents(auditWhere(filters), filters, pageSize);
}

/** The admin audit log's filters as a query (also what the CSV export streams). */
export function auditWhere(filters: Pick<AuditFilters, "action" | "org" | "actor" | "target">): Prisma.AuditEventWhereInput {
  return {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.org ? { organizationId: filters.org } : {}),
    ...(filters.actor ? { actorEmail: { contains: filters.actor } } : {}),
    ...(filters.target ? { targetId: filters.target } : {}),
  };
}

/**
 * Events "beyond" a cursor event in the newest-first order (older ones), or before it
 * (newer ones) when `newer`. The keyset condition written out, as "at or beyond the
 * cursor's time, minus the cursor's own tie-mates up to it": a range SQLite walks on the
 * createdAt index. Prisma's `cursor` and the textbook `a < x OR (a = x AND id < y)` both
 * took 300-500 ms per page over 100,000 events here (SQLite sorts the whole OR); this
 * takes a few milliseconds.
 */
export function auditKeyset(cursor: { id: string; createdAt: Date }, newer = false): Prisma.AuditEventWhereInput {
  return newer
    ? { createdAt: { gte: cursor.createdAt }, NOT: { createdAt: cursor.createdAt, id: { lte: cursor.id } } }
    : { createdAt: { lte: cursor.createdAt }, NOT: { createdAt: cursor.createdAt, id: { gte: cursor.id } } };
}

/**
 * A page of the audit trail matching `where`, newest first, keyset-paginated on
 * (createdAt, id) so pages stay stable while new events arrive. `after` pages to older
 * events, `before` back to newer ones.
 */
export async function pageAuditEvents(where: Prisma.AuditEventWhereInput, paging: { after?: string; before?: string }, pageSize = AUDIT_PAGE_SIZE) {
  const cursorId = paging.after ?? paging.before;
  const cursor = cursorId ? await db.auditEvent.findUnique({ where: { id: cursorId }, select: { id: true, createdAt: true } }) : null;
  const backwards = !!(cursor && paging.before && !paging.after);
  const beyond = cursor ? auditKeyset(cursor, backwards) : null;
  const direction = backwards ? "asc" : "desc";
  // One extra row tells whether another page exists in the direction of travel.
  const fetched = await db.auditEvent.findMany({
    where: beyond ? { AND: [where, beyond] } : where,
    orderBy: [{ createdAt: direction }, { id: direction }],
    take: pageSize + 1,
  });
  // Backwards pages are read oldest-first from the cursor; show them newest first.
  const found = backwards ? fetched.reverse() : fetched;
  let rows = found;
  let hasOlder: boolean;
  let hasNewer: boolean;
  if (backwards) {
    hasNewer = found.length > pageSize;
    rows = hasNewer ? found.slice(1) : found;
    hasOlder = true;
  } else {
    hasOlder = found.length > pageSize;
    rows = hasOlder ? found.slice(0, pageSize) : found;
    hasNewer = !!cursor;
  }
  return {
    events: await withOrganizationNames(rows),
    olderCursor: hasOlder && rows.length ? rows[rows.length - 1].id : null,
    newerCursor: hasNewer && rows.length ? rows[0].id : null,
  };
}

/** Audit events carry an organisation id only; add the names for display in one query. */
export async function withOrganizationNames<T extends { organizationId: string | null }>(rows: T[]): Promise<(T & { organizationName: string | null })[]> {
  const ids = [...new Set(rows.map((r) => r.organizationId).filter((id): id is string => !!id))];
  const orgs = ids.length ? await db.organization.findMany({ where: { id: { in: ids } }, select: { id: true, legalName: true } }) : [];
  const names = new Map(orgs.map((o) => [o.id, o.legalName]));
  return rows.map((r) => ({ ...r, organizationName: r.organizationId ? (names.get(r.organizationId) ?? null) : null }));
}

/** Events about one key: its own, its request's, and the rotation that created it. */
export async function listKeyAuditEvents(key: { id: string; requestId: string | null; rotatedFromId: string | null }) {
  const ids = [key.id, key.requestId].filter((id): id is string => !!id);
  return db.auditEvent.findMany({
    where: {
      OR: [
        { targetId: { in: ids } },
        // key.rotated targets the old key and names the new one in its metadata.
        ...(key.rotatedFromId ? [{ targetId: key.rotatedFromId, action: "key.rotated" }] : []),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
}

export async function listUserAuditEvents(userId: string) {
  const rows = await db.auditEvent.findMany({
    where: { OR: [{ targetId: userId }, { actorId: userId }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
  });
  return withOrganizationNames(rows);
}

export function listOrganizationAuditEvents(organizationId: string, take = 20) {
  return db.auditEvent.findMany({ where: { organizationId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}
