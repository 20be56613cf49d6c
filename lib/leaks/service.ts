// Leaked-key reports (issue 12, item 6). A key published where others can read it is
// reported by GitHub's secret scanning (app/api/leaks/github, signed) or by an admin by
// hand (/admin/leaks). What happens is the admin's policy:
// - revoke: the key stops working on its next call, like a revocation by COPA;
// - quarantine: its write scopes are withdrawn at once and reads keep working (the way a
//   cloud provider's quarantine policy denies the risky actions), until an admin revokes
//   the key or gives the scopes back; the owners rotate meanwhile.
// Either way the organisation's owners and developers are told. A report is idempotent per
// key and place (LeakReport's unique index): a repeat changes nothing and tells no one.
// Strings that are not keys, or not ours, are not stored, and the caller's answer is the
// same for them, so a report reveals nothing about which keys exist.
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { ServiceError, notFound } from "@/lib/errors";
import { hashKey, isWellFormedKey } from "@/lib/keys/key-format";
import { keyState } from "@/lib/keys/status";
import { notify, organizationRecipients, scopeList } from "@/lib/notifications";
import { paged, pageWindow } from "@/lib/paging";
import { getScope } from "@/lib/scopes/catalog";
import { parseScopes, serializeScopes } from "@/lib/scopes/enforcement";
import type { LeakAction } from "./schemas";
import { parseSigningKeys, type SigningKey } from "./signature";

export type LeakSource = "github" | "admin";
export type LeakOutcome = "revoked" | "quarantined" | "none";

const SETTINGS_ID = "default";

export async function getLeakSettings(client: Tx | typeof db = db): Promise<{ action: LeakAction; githubKeys: SigningKey[] }> {
  const row = await client.leakSettings.findUnique({ where: { id: SETTINGS_ID } });
  const parsed = parseSigningKeys(row?.githubKeys ?? "[]");
  return { action: row?.action === "quarantine" ? "quarantine" : "revoke", githubKeys: parsed.ok ? parsed.keys : [] };
}

export async function updateLeakSettings(input: { action: LeakAction; githubKeys: string }, admin: CurrentUser, ip: string | null) {
  const parsed = parseSigningKeys(input.githubKeys || "[]");
  if (!parsed.ok) throw new ServiceError("invalid", "ui.actions.correctFields", { githubKeys: `leaks.errors.keys_${parsed.reason}` });
  await db.$transaction(async (tx) => {
    const before = await getLeakSettings(tx);
    const data = { action: input.action, githubKeys: JSON.stringify(parsed.keys), updatedById: admin.id };
    await tx.leakSettings.upsert({ where: { id: SETTINGS_ID }, create: { id: SETTINGS_ID, ...data }, update: data });
    await recordAudit(tx, {
      action: "leak_settings.changed",
      actor: { id: admin.id, email: admin.email },
      metadata: { actionBefore: before.action, action: input.action, keysBefore: before.githubKeys.map((k) => k.id), keys: parsed.keys.map((k) => k.id) },
      ip,
    });
  });
}

const isWrite = (scope: string) => getScope(scope)?.access === "write";

type Reported = { token: string; location: string };
type Reporter = { source: "github" } | { source: "admin"; admin: CurrentUser };

/**
 * Handles each reported string. Returns how many were keys of ours that this report
 * changed or recorded (for the admin's form; never for GitHub's answer).
 */
export async function reportLeaks(reports: readonly Reported[], reporter: Reporter, ip: string | null): Promise<{ recorded: number }> {
  let recorded = 0;
  for (const report of reports) {
    if (!isWellFormedKey(report.token)) continue;
    const hash = hashKey(report.token);
    const location = report.location.trim().slice(0, 2000);
    const done = await db.$transaction(async (tx) => {
      const key = await tx.apiKey.findUnique({
        where: { hash },
        select: { id: true, name: true, mask: true, scopes: true, status: true, expiresAt: true, revokedAt: true, organizationId: true, organization: { select: { legalName: true } } },
      });
      if (!key) return false;
      // Idempotent: a second report of this key at this place is a no-op.
      const existing = await tx.leakReport.findUnique({ where: { apiKeyId_location: { apiKeyId: key.id, location } }, select: { id: true } });
      if (existing) return false;
      const settings = await getLeakSettings(tx);
      const actor = reporter.source === "admin" ? { id: reporter.admin.id, email: reporter.admin.email } : null;
      const live = keyState(key) === "active";
      const scopes = parseScopes(key.scopes);
      const writes = scopes.filter(isWrite);
      let outcome: LeakOutcome = "none";
      if (live && settings.action === "revoke") {
        // Conditional, like every revocation: a concurrent revocation wins once.
        const revoked = await tx.apiKey.updateMany({
          where: { id: key.id, status: { not: "revoked" } },
          data: { status: "revoked", revokedAt: new Date(), revokedReason: `Reported as leaked (${reporter.source === "github" ? "GitHub secret scanning" : "COPA"})`, revokedById: actor?.id ?? null },
        });
        if (revoked.count === 1) outcome = "revoked";
      } else if (live && writes.length > 0) {
        await tx.apiKey.update({ where: { id: key.id }, data: { scopes: serializeScopes(scopes.filter((s) => !isWrite(s))) } });
        outcome = "quarantined";
      }
      await tx.leakReport.create({
        data: { apiKeyId: key.id, source: reporter.source, location, outcome, withdrawnScopes: JSON.stringify(outcome === "quarantined" ? writes : []), reporterId: actor?.id ?? null },
      });
      const target = { type: "key" as const, id: key.id };
      await recordAudit(tx, { action: "key.leak_reported", actor, organizationId: key.organizationId, target, metadata: { mask: key.mask, source: reporter.source, location, outcome }, ip });
      if (outcome === "revoked") {
        await recordAudit(tx, { action: "key.revoked", actor, organizationId: key.organizationId, target, metadata: { mask: key.mask, reason: "leaked", by: "leak_report" }, ip });
      }
      if (outcome === "quarantined") {
        await recordAudit(tx, { action: "key.scopes_changed", actor, organizationId: key.organizationId, target, metadata: { mask: key.mask, removed: writes, by: "leak_quarantine" }, ip });
      }
      if (outcome !== "none") {
        await notify(tx, await organizationRecipients(tx, key.organizationId), "key_leaked", {
          organizationName: key.organization.legalName,
          keyName: key.name,
          mask: key.mask ?? "",
          outcome,
          found: [reporter.source === "github" ? "GitHub secret scanning" : "Reported to COPA", location].filter(Boolean).join(": "),
          withdrawn: scopeList(writes),
          keyPath: `/keys/${key.id}`,
        });
      }
      return true;
    });
    if (done) recorded++;
  }
  return { recorded };
}

/** Gives a quarantined key its withdrawn scopes back (once), e.g. after the owners confirmed a false alarm. */
export async function releaseQuarantine(reportId: string, admin: CurrentUser, ip: string | null) {
  await db.$transaction(async (tx) => {
    const report = await tx.leakReport.findUnique({ where: { id: reportId }, select: { id: true, outcome: true, releasedAt: true, withdrawnScopes: true, apiKey: { select: { id: true, mask: true, scopes: true, status: true, expiresAt: true, revokedAt: true, organizationId: true } } } });
    if (!report || report.outcome !== "quarantined") throw notFound("leaks.errors.notQuarantined");
    const released = await tx.leakReport.updateMany({ where: { id: report.id, releasedAt: null }, data: { releasedAt: new Date() } });
    if (released.count !== 1) throw new ServiceError("conflict", "leaks.errors.alreadyReleased");
    const key = report.apiKey;
    if (keyState(key) !== "active") throw new ServiceError("conflict", "leaks.errors.keyNotActive");
    const restored = (JSON.parse(report.withdrawnScopes) as string[]).filter((s) => !parseScopes(key.scopes).includes(s));
    await tx.apiKey.update({ where: { id: key.id }, data: { scopes: serializeScopes([...parseScopes(key.scopes), ...restored]) } });
    await recordAudit(tx, { action: "key.scopes_changed", actor: { id: admin.id, email: admin.email }, organizationId: key.organizationId, target: { type: "key", id: key.id }, metadata: { mask: key.mask, added: restored, by: "leak_release" }, ip });
  });
}

/** The newest reports first, a page at a time. */
export async function listLeakReports(page: number) {
  const [rows, total] = await Promise.all([
    db.leakReport.findMany({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(page),
      select: { id: true, source: true, location: true, outcome: true, withdrawnScopes: true, releasedAt: true, createdAt: true, apiKey: { select: { id: true, name: true, mask: true, organization: { select: { id: true, legalName: true } } } } },
    }),
    db.leakReport.count(),
  ]);
  return paged(rows.map((r) => ({ ...r, withdrawnScopes: JSON.parse(r.withdrawnScopes) as string[] })), total, page);
}
