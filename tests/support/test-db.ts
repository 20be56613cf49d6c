// Fresh, fully migrated databases for tests: a new SQLite file, or a new database on the
// PostgreSQL server named by TEST_POSTGRES_URL. The committed migration SQL is applied
// as-is, so these tests also prove the migrations.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

const ROOT = path.resolve(__dirname, "..", "..");

function migrationSql(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

export async function createSqliteDatabase(): Promise<string> {
  const dir = path.join(tmpdir(), "copa-tests");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `test-${process.pid}-${randomBytes(4).toString("hex")}.db`);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  for (const sql of migrationSql(path.join(ROOT, "prisma", "migrations"))) sqlite.exec(sql);
  sqlite.close();
  return `file:${file}`;
}

/** A new database with nothing in it (a restore target). */
export async function createEmptyPostgresDatabase(serverUrl = process.env.TEST_POSTGRES_URL, template?: string): Promise<string> {
  if (!serverUrl) throw new Error("TEST_POSTGRES_URL is not set");
  const name = `copa_test_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${pg.escapeIdentifier(template)}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createPostgresDatabase(serverUrl = process.env.TEST_POSTGRES_URL): Promise<string> {
  const url = await createEmptyPostgresDatabase(serverUrl);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const sql of migrationSql(path.join(ROOT, "prisma", "postgresql", "migrations"))) await client.query(sql);
  await client.end();
  return url;
}

/** A fresh migrated database; on PostgreSQL a copy of the run's migrated template when there is one (tests/support/postgres-template.ts). */
export async function createTestDatabase(engine = process.env.TEST_DB_ENGINE ?? "sqlite", postgresTemplate?: string): Promise<string> {
  if (engine !== "postgres") return createSqliteDatabase();
  return postgresTemplate ? createEmptyPostgresDatabase(process.env.TEST_POSTGRES_URL, postgresTemplate) : createPostgresDatabase();
}

/** Stores the default key policy with instant sandbox keys off (see integration-setup.ts). */
export async function turnInstantSandboxKeysOff(url: string): Promise<void> {
  const { DEFAULT_KEY_POLICY } = await import("@/lib/keys/policy");
  const document = JSON.stringify({ ...DEFAULT_KEY_POLICY, instantSandbox: { ...DEFAULT_KEY_POLICY.instantSandbox, enabled: false } });
  if (url.startsWith("file:")) {
    const sqlite = new Database(url.slice("file:".length));
    sqlite.prepare(`INSERT INTO "KeyPolicySettings" ("id", "document", "updatedAt") VALUES ('default', ?, ?)`).run(document, new Date().toISOString());
    sqlite.close();
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`INSERT INTO "KeyPolicySettings" ("id", "document", "updatedAt") VALUES ('default', $1, now())`, [document]);
  await client.end();
}
