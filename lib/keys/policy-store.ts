// The key policy in force: the admins' edit stored in the database (KeyPolicySettings,
// one row), or the defaults of lib/keys/policy.ts while nobody has edited it. Every
// service that decides whether a key may exist reads it here, inside its own
// transaction, so a change applies to the very next request, approval, reveal or
// rotation. A change never touches a live key: keys a tightened policy no longer allows
// are listed (listKeysOutsidePolicy) for an admin to act on, one by one.
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { paged, pageWindow } from "@/lib/paging";
import { SCOPE_IDS } from "@/lib/scopes/catalog";
import { parseScopes } from "@/lib/scopes/enforcement";
import { ENVIRONMENT_IDS, KEY_TYPE_IDS, type Environment, type KeyType } from "./key-types";
import { DEFAULT_KEY_POLICY, allowedScopes, maxLifetimeDays, type EditableKeyPolicy } from "./policy";
import { parseKeyPolicy } from "./policy-schema";

const ROW = "default";

export async function getKeyPolicy(client: Tx | typeof db = db): Promise<EditableKeyPolicy> {
  const row = await client.keyPolicySettings.findUnique({ where: { id: ROW } });
  if (!row) {
    // Before the first edit: the defaults, with the two-person rules an admin may already
    // have set on the former review-rules page (ReviewSettings).
    const review = await client.reviewSettings.findUnique({ where: { id: ROW } });
    return review ? { ...DEFAULT_KEY_POLICY, twoPerson: { productionWrite: review.twoPersonProductionWrite, system: review.twoPersonSystem } } : DEFAULT_KEY_POLICY;
  }
  let stored: unknown = null;
  try {
    stored = JSON.parse(row.document);
  } catch {
    stored = null;
  }
  // Sections missing from an older document take their defaults; a document that does
  // not validate (written by hand?) falls back to the defaults, which are today's rules.
  const parsed = parseKeyPolicy({ ...DEFAULT_KEY_POLICY, ...(stored && typeof stored === "object" ? stored : {}) });
  if (!parsed.ok) {
    console.error("key policy: the stored policy is not valid; applying the defaults");
    return DEFAULT_KEY_POLICY;
  }
  return parsed.policy;
}

/** The paths of the policy that differ, e.g. "scopes.partner", "maxLifetimeDays.mobile.production". Pure. */
export function diffKeyPolicy(before: EditableKeyPolicy, after: EditableKeyPolicy): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const sorted = (list: readonly string[]) => [...list].sort();
  for (const type of KEY_TYPE_IDS) {
    if (!same(sorted(before.scopes[type]), sorted(after.scopes[type]))) out.push(`scopes.${type}`);
    for (const env of ENVIRONMENT_IDS) {
      if (before.maxLifetimeDays[type][env] !== after.maxLifetimeDays[type][env]) out.push(`maxLifetimeDays.${type}.${env}`);
    }
  }
  if (before.twoPerson.productionWrite !== after.twoPerson.productionWrite) out.push("twoPerson.productionWrite");
  if (before.twoPerson.system !== after.twoPerson.system) out.push("twoPerson.system");
  if (before.instantSandbox.enabled !== after.instantSandbox.enabled) out.push("instantSandbox.enabled");
  if (!same(sorted(before.instantSandbox.scopes), sorted(after.instantSandbox.scopes))) out.push("instantSandbox.scopes");
  return out;
}

/**
 * Stores the admin's policy and audits it (key_policy.changed, with the policy before and
 * after and what changed) in one transaction. Callers have checked the admin and step-up.
 */
export async function updateKeyPolicy(policy: EditableKeyPolicy, admin: CurrentUser, ip: string | null): Promise<{ changed: string[] }> {
  return db.$transaction(async (tx) => {
    const before = await getKeyPolicy(tx);
    const changed = diffKeyPolicy(before, policy);
    if (changed.length === 0) return { changed };
    const document = JSON.stringify(policy);
    await tx.keyPolicySettings.upsert({ where: { id: ROW }, create: { id: ROW, document, updatedById: admin.id }, update: { document, updatedById: admin.id } });
    await recordAudit(tx, {
      action: "key_policy.changed",
      actor: { id: admin.id, email: admin.email },
      metadata: { changed, before: JSON.stringify(before), after: document },
      ip,
    });
    return { changed };
  });
}

export type OutOfPolicyReason = { kind: "scopes"; scopes: string[] } | { kind: "lifetime"; maxDays: number };

/**
 * Live keys (pending or active, not expired) the policy would not issue today: scopes
 * their type may no longer hold, or an expiry (or none) beyond the longest lifetime a key
 * issued now could have. Paged; the reasons are computed for the page's rows only.
 */
export async function listKeysOutsidePolicy(policy: EditableKeyPolicy, page = 1, now = new Date()) {
  const conditions = [];
  for (const type of KEY_TYPE_IDS) {
    const allowed = allowedScopes(type, policy) as string[];
    const refused = SCOPE_IDS.filter((s) => !allowed.includes(s));
    // Scopes are stored space-separated; no scope id is part of another, so "contains" is exact.
    if (refused.length) conditions.push({ type, OR: refused.map((s) => ({ scopes: { contains: s } })) });
    for (const environment of ENVIRONMENT_IDS) {
      const max = maxLifetimeDays(type, environment, policy);
      if (max === null) continue;
      conditions.push({ type, environment, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date(now.getTime() + max * 86_400_000) } }] });
    }
  }
  if (conditions.length === 0) return paged([], 0, page);
  const where = {
    status: { in: ["pending", "active"] },
    revokedAt: null,
    AND: [{ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, { OR: conditions }],
  };
  const [rows, total] = await Promise.all([
    db.apiKey.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, mask: true, type: true, environment: true, scopes: true, status: true, expiresAt: true, organization: { select: { id: true, legalName: true } } },
      ...pageWindow(page),
    }),
    db.apiKey.count({ where }),
  ]);
  return paged(
    rows.map((row) => ({ ...row, reasons: outOfPolicyReasons(row, policy, now) })),
    total,
    page,
  );
}

/** Why a key falls outside the policy (empty: it does not). Pure. */
export function outOfPolicyReasons(key: { type: string; environment: string; scopes: string; expiresAt: Date | null }, policy: EditableKeyPolicy, now = new Date()): OutOfPolicyReason[] {
  const type = key.type as KeyType;
  const environment = key.environment as Environment;
  const out: OutOfPolicyReason[] = [];
  const allowed = allowedScopes(type, policy) as string[];
  const refused = parseScopes(key.scopes).filter((s) => !allowed.includes(s));
  if (refused.length) out.push({ kind: "scopes", scopes: refused });
  const max = maxLifetimeDays(type, environment, policy);
  if (max !== null && (!key.expiresAt || key.expiresAt.getTime() > now.getTime() + max * 86_400_000)) out.push({ kind: "lifetime", maxDays: max });
  return out;
}
