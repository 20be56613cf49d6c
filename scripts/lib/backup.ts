// Shared by npm run backup and npm run restore: where the database is, and the PostgreSQL
// client tools. SQLite copies go through SQLite's online backup API (consistent while the
// portal writes); PostgreSQL through pg_dump (one snapshot) and pg_restore.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ROOT } from "./setup";

export type Target = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export function targetOf(databaseUrl: string): Target {
  if (databaseUrl.startsWith("file:")) return { kind: "sqlite", file: path.resolve(ROOT, databaseUrl.slice("file:".length)) };
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return { kind: "postgres", url: databaseUrl };
  throw new Error("DATABASE_URL must be a file: (SQLite) or postgresql:// URL");
}

/**
 * libpq's view of a Prisma URL: Prisma-only parameters (schema, pool settings) removed, and
 * the password moved to PGPASSWORD so it never shows in the process list.
 */
export function libpqConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = "";
  for (const p of ["schema", "connection_limit", "pool_timeout", "pgbouncer", "socket_timeout", "statement_cache_size", "connect_timeout"]) u.searchParams.delete(p);
  return { dbname: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

/** pg_dump or pg_restore: from PATH, else the newest /usr/lib/postgresql/<version>/bin. */
export function pgTool(name: "pg_dump" | "pg_restore"): string {
  try {
    const found = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
    if (found) return found;
  } catch {
    // not on PATH
  }
  const base = "/usr/lib/postgresql";
  const versions = existsSync(base) ? readdirSync(base).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const candidate = path.join(base, v, "bin", name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} not found: install the PostgreSQL client (e.g. apt-get install postgresql-client)`);
}

/** Row counts that tell a person what a copy holds. */
export function sqliteSummary(file: string): { auditEvents: number; keys: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma("integrity_check", { simple: true });
    if (check !== "ok") throw new Error(`${file} failed SQLite's integrity check: ${String(check)}`);
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    return { auditEvents: count("AuditEvent"), keys: count("ApiKey") };
  } finally {
    db.close();
  }
}

export function timestamp(): string {
  return new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}
