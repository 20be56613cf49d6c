// Unused keys and scopes (issue 12): which of a key's scopes its admitted calls used in
// the last 30 and 90 days (KeyScopeUse, written by the API's hot path), and the report of
// keys worth narrowing or revoking: active keys older than UNUSED_DAYS that made no call
// in that time, or hold a scope no call needed in that time. Every date is relative to
// `now`, so tests fake the clock by passing it. Paged in the database: the report never
// loads more than a page of keys.
import type { PartnerUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ServiceError, notFound } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { paged, pageWindow } from "@/lib/paging";
import { parseScopes } from "@/lib/scopes/enforcement";
import { scopeChangeRequestSchema } from "./schemas";
import { requestScopeChange } from "./scope-changes";

export const UNUSED_DAYS = 90;
export const RECENT_DAYS = 30;
export const UNUSED_PAGE_SIZE = 20;

const DAY_MS = 86_400_000;

export type ScopeUse = { scope: string; lastUsedAt: Date | null; in30: boolean; in90: boolean };

/** Each held scope with its last use (null: never since recording began). Pure. */
export function scopeUsage(held: readonly string[], uses: readonly { scope: string; lastUsedAt: Date }[], now: Date): ScopeUse[] {
  const last = new Map(uses.map((u) => [u.scope, u.lastUsedAt]));
  return held.map((scope) => {
    const at = last.get(scope) ?? null;
    const age = at ? now.getTime() - at.getTime() : Infinity;
    return { scope, lastUsedAt: at, in30: age <= RECENT_DAYS * DAY_MS, in90: age <= UNUSED_DAYS * DAY_MS };
  });
}

/** A key's scopes with their last use (tenant-scoped: another organisation's key has none). */
export async function getKeyScopeUsage(organizationId: string, keyId: string, held: readonly string[], now = new Date()): Promise<ScopeUse[]> {
  const uses = await db.keyScopeUse.findMany({ where: { keyId, key: { organizationId } }, select: { scope: true, lastUsedAt: true } });
  return scopeUsage(held, uses, now);
}

export type UnusedKeyRow = {
  id: string;
  name: string;
  mask: string | null;
  type: string;
  environment: string;
  organizationId: string;
  organizationName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** No call in UNUSED_DAYS (or never). */
  unused: boolean;
  /** Held scopes some call needed in UNUSED_DAYS, and the others. */
  usedScopes: string[];
  unusedScopes: string[];
};

/**
 * One page of the report, oldest use first (never used first). Partners see their
 * organisation's keys (`organizationId`), admins every organisation's (null).
 */
export async function listUnusedKeys(organizationId: string | null, page = 1, now = new Date()) {
  const isPostgres = getEnv().isPostgres;
  const params: (string | number)[] = [];
  const param = (value: string | number) => {
    params.push(value);
    return isPostgres ? `$${params.length}` : "?";
  };
  // SQLite holds Prisma's DateTime as ISO text with "+00:00"; the same form compares in order.
  const date = (d: Date) => (isPostgres ? `${param(d.toISOString())}::timestamp` : param(d.toISOString().replace("Z", "+00:00")));
  const cutoff = new Date(now.getTime() - UNUSED_DAYS * DAY_MS);
  // A scope list is space-separated, so " list " contains " scope " exactly when it holds
  // it; a list of n scopes has n - 1 spaces.
  const where = `
    k."status" = 'active' AND k."revokedAt" IS NULL AND (k."expiresAt" IS NULL OR k."expiresAt" > ${date(now)})
    AND k."createdAt" <= ${date(cutoff)}
    AND NOT EXISTS (SELECT 1 FROM "ApiKey" s WHERE s."rotatedFromId" = k."id")
    ${organizationId ? `AND k."organizationId" = ${param(organizationId)}` : ""}
    AND (
      k."lastUsedAt" IS NULL OR k."lastUsedAt" < ${date(cutoff)}
      OR (SELECT COUNT(*) FROM "KeyScopeUse" u
           WHERE u."keyId" = k."id" AND u."lastUsedAt" >= ${date(cutoff)} AND (' ' || k."scopes" || ' ') LIKE ('% ' || u."scope" || ' %'))
         < LENGTH(k."scopes") - LENGTH(REPLACE(k."scopes", ' ', '')) + 1
    )`;
  const whereParams = [...params];
  const { skip, take } = pageWindow(page, UNUSED_PAGE_SIZE);
  const [ids, [count]] = await Promise.all([
    db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT k."id" FROM "ApiKey" k WHERE ${where}
       ORDER BY CASE WHEN k."lastUsedAt" IS NULL THEN 0 ELSE 1 END, k."lastUsedAt", k."createdAt", k."id"
       LIMIT ${param(take)} OFFSET ${param(skip)}`,
      ...params,
    ),
    db.$queryRawUnsafe<{ n: number | bigint | string }[]>(`SELECT COUNT(*) AS "n" FROM "ApiKey" k WHERE ${where}`, ...whereParams),
  ]);
  const keyIds = ids.map((r) => r.id);
  const [keys, uses] = await Promise.all([
    db.apiKey.findMany({
      where: { id: { in: keyIds } },
      select: { id: true, name: true, mask: true, type: true, environment: true, scopes: true, createdAt: true, lastUsedAt: true, organizationId: true, organization: { select: { legalName: true } } },
    }),
    db.keyScopeUse.findMany({ where: { keyId: { in: keyIds } }, select: { keyId: true, scope: true, lastUsedAt: true } }),
  ]);
  const byId = new Map(keys.map((k) => [k.id, k]));
  const rows: UnusedKeyRow[] = keyIds.flatMap((id) => {
    const k = byId.get(id);
    if (!k) return [];
    const usage = scopeUsage(parseScopes(k.scopes), uses.filter((u) => u.keyId === id), now);
    return [
      {
        id: k.id,
        name: k.name,
        mask: k.mask,
        type: k.type,
        environment: k.environment,
        organizationId: k.organizationId,
        organizationName: k.organization.legalName,
        createdAt: k.createdAt,
        lastUsedAt: k.lastUsedAt,
        unused: !k.lastUsedAt || k.lastUsedAt < cutoff,
        usedScopes: usage.filter((u) => u.in90).map((u) => u.scope),
        unusedScopes: usage.filter((u) => !u.in90).map((u) => u.scope),
      },
    ];
  });
  return paged(rows, Number(count?.n ?? 0), page, UNUSED_PAGE_SIZE);
}

/**
 * Removes the key's scopes that no call needed in UNUSED_DAYS, through the scope-change
 * flow (a removal applies at once and is audited there). The server decides what goes;
 * a key none of whose scopes was used keeps them all: revoke it instead.
 */
export async function narrowKeyToUsedScopes(keyId: string, user: PartnerUser, ip: string | null, now = new Date()) {
  const orgId = user.membership.organizationId;
  const key = await db.apiKey.findFirst({ where: { id: keyId, organizationId: orgId }, select: { id: true, scopes: true } });
  if (!key) throw notFound();
  const usage = await getKeyScopeUsage(orgId, key.id, parseScopes(key.scopes), now);
  const remove = usage.filter((u) => !u.in90).map((u) => u.scope);
  if (remove.length === 0) throw new ServiceError("conflict", "keys.errors.nothingToNarrow");
  if (remove.length === usage.length) throw new ServiceError("invalid", "keys.errors.nothingUsed");
  const input = scopeChangeRequestSchema.parse({ keyId: key.id, remove, reason: `Narrowed to the scopes used in the last ${UNUSED_DAYS} days.` });
  return requestScopeChange(input, user, ip);
}
