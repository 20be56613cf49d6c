// Read queries of the admin console. Admins see every organisation, so nothing here is
// tenant-scoped; callers must have passed requireAdminPage() (pages) or adminAction()
// (actions) first. Keys are always read through keyPublicSelect, so no hash leaves the
// database even on an admin page.
import type { Prisma } from "@/lib/generated/sqlite/client";
import { db } from "@/lib/db";
import { keyPublicSelect } from "@/lib/keys/service";
import { requestListSelect } from "@/lib/requests/service";
import { AUDIT_PAGE_SIZE, PAGE_SIZE, type AuditFilters, type KeyFilters, type OrganizationFilters, type RequestFilters, type UserFilters } from "./filters";

export type Paged<T> = { rows: T[]; total: number; page: number; pageCount: number };

function paged<T>(rows: T[], total: number, page: number): Paged<T> {
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
const pageWindow = (page: number) => ({ skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE });

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

export async function listRequestsForAdmin(filters: RequestFilters) {
  const where: Prisma.AccessRequestWhereInput = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.org ? { organizationId: filters.org } : {}),
  };
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

/** What an admin wants beside a request: the organisation's other keys and requests. */
export async function getOrganizationHistory(organizationId: string, exceptRequestId?: string) {
  const [keys, requests, members] = await Promise.all([
    db.apiKey.findMany({ where: { organizationId }, orderBy: { createdAt: "desc" }, select: keyPublicSelect, take: 50 }),
    db.accessRequest.findMany({
      where: { organizationId, ...(exceptRequestId ? { id: { not: exceptRequestId } } : {}) },
      orderBy: { createdAt: "desc" },
      select: adminRequestListSelect,
      take: 50,
    }),
    db.membership.count({ where: { organizationId } }),
  ]);
  return { keys, requests, members };
}

// ---- keys -----------------------------------------------------------------------------

/** The database condition for a key's derived state (lib/keys/status.ts keyState). */
export function keyStateWhere(state: NonNullable<KeyFilters["state"]>, now = new Date()): Prisma.ApiKeyWhereInput {
  switch (state) {
    case "pending":
      return { status: "pending", revokedAt: null };
    case "revoked":
      return { OR: [{ status: "revoked" }, { revokedAt: { not: null } }] };
    case "expired":
      return { status: "active", revokedAt: null, expiresAt: { lte: now } };
    case "active":
      return { status: "active", revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  }
}

const adminKeySelect = {
  ...keyPublicSelect,
  organization: { select: { id: true, legalName: true, suspendedAt: true } },
} as const;

export async function listKeysForAdmin(filters: KeyFilters, now = new Date()) {
  const where: Prisma.ApiKeyWhereInput = {
    AND: [
      filters.state ? keyStateWhere(filters.state, now) : {},
      filters.env ? { environment: filters.env } : {},
      filters.org ? { organizationId: filters.org } : {},
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
    ...(filters.q ? { OR: [{ legalName: { contains: filters.q } }, { contactEmail: { contains: filters.q.toLowerCase() } }] } : {}),
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
      memberships: {
        orderBy: { createdAt: "asc" },
        select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true, role: true, disabled: true, lastSignInAt: true } } },
      },
    },
  });
}

/** Id and name of every organisation, for filter menus. */
export function listOrganizationOptions() {
  return db.organization.findMany({ orderBy: { legalName: "asc" }, select: { id: true, legalName: true } });
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
    ...(filters.q ? { OR: [{ email: { contains: filters.q.toLowerCase() } }, { name: { contains: filters.q } }] } : {}),
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
  const where: Prisma.AuditEventWhereInput = {
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.org ? { organizationId: filters.org } : {}),
    ...(filters.actor ? { actorEmail: { contains: filters.actor } } : {}),
    ...(filters.target ? { targetId: filters.target } : {}),
  };
  const orderBy: Prisma.AuditEventOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
  const cursorId = filters.after ?? filters.before;
  const cursor = cursorId ? await db.auditEvent.findUnique({ where: { id: cursorId }, select: { id: true } }) : null;
  // One extra row tells whether another page exists in the direction of travel.
  const backwards = !!(cursor && filters.before && !filters.after);
  const found = await db.auditEvent.findMany({
    where,
    orderBy,
    ...(cursor ? { cursor: { id: cursor.id }, skip: 1 } : {}),
    take: backwards ? -(pageSize + 1) : pageSize + 1,
  });
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
async function withOrganizationNames<T extends { organizationId: string | null }>(rows: T[]): Promise<(T & { organizationName: string | null })[]> {
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
