// npm run backup and npm run restore, end to end: back up the test database while the app
// holds it open, restore into a fresh database, and check that a key issued before the
// backup still authenticates there and that the audit log came back whole.
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createDb, db, type Db } from "@/lib/db";
import { hashKey } from "@/lib/keys/key-format";
import { revealKey, revokeKey } from "@/lib/keys/service";
import { keyState } from "@/lib/keys/status";
import { accessRequestSchema, approveRequestSchema } from "@/lib/requests/schemas";
import { approveAccessRequest, submitAccessRequest } from "@/lib/requests/service";
import { makeAdmin, makePartner } from "../support/factories";
import { createEmptyPostgresDatabase } from "../support/test-db";

const ROOT = path.resolve(__dirname, "..", "..");
const isPostgres = process.env.TEST_DB_ENGINE === "postgres";

function npmScript(script: "backup" | "restore", args: string[], databaseUrl: string): string {
  return execFileSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "scripts", `${script}.ts`), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function issueKey(scopes: string[]) {
  const partner = await makePartner();
  const admin = await makeAdmin();
  const request = accessRequestSchema.parse({
    keyName: "Backup check",
    keyType: "partner",
    environment: "sandbox",
    useCase: "We verify cooperative membership before granting agricultural loans.",
    scopes,
  });
  const { id } = await submitAccessRequest(request, partner, null);
  const { keyId } = await approveAccessRequest(approveRequestSchema.parse({ requestId: id, grantedScopes: scopes }), admin, null);
  const { secret } = await revealKey(keyId, partner, null);
  return { partner, keyId, secret };
}

/** The lookup a caller's key goes through (lib/keys/lookup), against any database. */
async function keyWorks(database: Db, secret: string): Promise<boolean> {
  const row = await database.apiKey.findUnique({ where: { hash: hashKey(secret) }, include: { organization: { select: { suspendedAt: true } } } });
  return !!row && keyState(row) === "active" && !row.organization.suspendedAt;
}

const auditLog = (database: Db) => database.auditEvent.findMany({ orderBy: { id: "asc" } });

describe("backup and restore", () => {
  it("round-trips: a known key still works and the audit log is complete", { timeout: 120_000 }, async () => {
    const live = await issueKey(["cooperatives:read"]);
    const revoked = await issueKey(["members:read"]);
    const { organizationId } = revoked.partner.membership;
    await revokeKey({ keyId: revoked.keyId, confirmName: "Backup check", reason: "Leaked in a log" }, revoked.partner, { organizationId }, null);
    const before = await auditLog(db);
    expect(before.map((e) => e.action)).toEqual(expect.arrayContaining(["key.issued", "key.revoked", "request.approved"]));

    const dir = mkdtempSync(path.join(tmpdir(), "copa-backup-"));
    const file = path.join(dir, isPostgres ? "copa.dump" : "copa.db");
    npmScript("backup", [file], process.env.DATABASE_URL!);
    // Written after the backup: must not be in the restored copy.
    const after = await issueKey(["cooperatives:read"]);

    const restoredUrl = isPostgres ? await createEmptyPostgresDatabase() : `file:${path.join(dir, "restored.db")}`;
    npmScript("restore", [file], restoredUrl);

    const restored = createDb(restoredUrl);
    try {
      expect(await keyWorks(restored, live.secret)).toBe(true);
      expect(await keyWorks(restored, revoked.secret)).toBe(false);
      expect(await keyWorks(restored, after.secret)).toBe(false);
      expect(await auditLog(restored)).toEqual(before);
      // The restored audit log is as append-only as the original.
      await expect(restored.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    } finally {
      await restored.$disconnect();
    }
  });

  it("will not overwrite an existing backup, nor restore over a database without --force", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "copa-backup-"));
    const file = path.join(dir, isPostgres ? "copa.dump" : "copa.db");
    npmScript("backup", [file], process.env.DATABASE_URL!);
    expect(() => npmScript("backup", [file], process.env.DATABASE_URL!)).toThrow(/already exists/);
    // Restoring into the database under test (not empty) is refused.
    expect(() => npmScript("restore", [file], process.env.DATABASE_URL!)).toThrow(isPostgres ? /not empty/ : /exists/);
  });
});
