// npm run backup [-- FILE]
// Writes a consistent copy of the portal's database while it keeps serving: SQLite through
// its online backup API, PostgreSQL through pg_dump (custom format, one snapshot). Without
// FILE the copy goes to data/backups/copa-<UTC time>.db (SQLite) or .dump (PostgreSQL).
// Restore it with npm run restore -- FILE.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { libpqConnection, pgTool, sqliteSummary, targetOf, timestamp } from "./lib/backup";
import { applyDefaults, loadDotEnv, ROOT } from "./lib/setup";

async function main() {
  loadDotEnv();
  applyDefaults();
  const target = targetOf(process.env.DATABASE_URL!);
  const given = process.argv.slice(2).find((a) => !a.startsWith("--"));
  const out = path.resolve(given ?? path.join(ROOT, "data", "backups", `copa-${timestamp()}.${target.kind === "sqlite" ? "db" : "dump"}`));
  // Never overwrite: a backup that replaces an older one could lose the only good copy.
  if (existsSync(out)) throw new Error(`${out} already exists; choose another file`);
  mkdirSync(path.dirname(out), { recursive: true });

  if (target.kind === "sqlite") {
    if (!existsSync(target.file)) throw new Error(`no database at ${target.file}`);
    const source = new Database(target.file, { fileMustExist: true });
    try {
      // Copies page by page under SQLite's own locking: the copy is one consistent state
      // even while the portal writes (WAL included), unlike copying the file.
      await source.backup(out);
    } finally {
      source.close();
    }
    const { auditEvents, keys } = sqliteSummary(out);
    console.log(`Backed up ${target.file} to ${out} (${auditEvents} audit events, ${keys} keys).`);
    return;
  }

  const { dbname, env } = libpqConnection(target.url);
  // pg_dump reads everything in one repeatable-read snapshot: consistent while serving.
  execFileSync(pgTool("pg_dump"), ["--format=custom", "--no-owner", "--no-privileges", `--file=${out}`, `--dbname=${dbname}`], { env, stdio: ["ignore", "inherit", "inherit"] });
  console.log(`Backed up the PostgreSQL database to ${out}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
