// npm run restore -- FILE [--force]
// Restores a copy written by npm run backup into the database DATABASE_URL names. Stop the
// portal first. Nothing is lost on the way:
// - SQLite: refuses to replace an existing database unless --force, and then moves it aside
//   (<file>.replaced-<UTC time>) instead of deleting it.
// - PostgreSQL: restores only into an empty database (create one, point DATABASE_URL at it);
//   it never drops what is there.
// npm start applies any migration newer than the copy afterwards.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { libpqConnection, pgTool, sqliteSummary, targetOf, timestamp } from "./lib/backup";
import { applyDefaults, loadDotEnv } from "./lib/setup";

async function main() {
  loadDotEnv();
  applyDefaults();
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith("--"));
  const force = args.includes("--force");
  if (!file) throw new Error("usage: npm run restore -- FILE [--force]");
  const from = path.resolve(file);
  if (!existsSync(from)) throw new Error(`no backup at ${from}`);
  const target = targetOf(process.env.DATABASE_URL!);

  if (target.kind === "sqlite") {
    if (from === target.file) throw new Error("the backup is the database itself");
    const { auditEvents, keys } = sqliteSummary(from); // refuses a damaged or foreign file
    if (existsSync(target.file)) {
      if (!force) throw new Error(`${target.file} exists. Stop the portal and pass --force to replace it (it is moved aside, not deleted).`);
      const aside = `${target.file}.replaced-${timestamp()}`;
      for (const suffix of ["", "-wal", "-shm"]) if (existsSync(target.file + suffix)) renameSync(target.file + suffix, aside + suffix);
      console.log(`Moved the current database aside to ${aside}.`);
    }
    mkdirSync(path.dirname(target.file), { recursive: true });
    const source = new Database(from, { readonly: true, fileMustExist: true });
    try {
      await source.backup(target.file);
    } finally {
      source.close();
    }
    console.log(`Restored ${from} into ${target.file} (${auditEvents} audit events, ${keys} keys).`);
    return;
  }

  const { dbname, env } = libpqConnection(target.url);
  const client = new pg.Client({ connectionString: dbname, password: env.PGPASSWORD });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>("SELECT COUNT(*) AS n FROM pg_tables WHERE schemaname = 'public'");
    if (Number(rows[0].n) > 0) {
      throw new Error("the target database is not empty. Create a new database (createdb), point DATABASE_URL at it and restore there.");
    }
  } finally {
    await client.end();
  }
  // One transaction: a restore that fails part-way leaves the database empty, not half full.
  execFileSync(pgTool("pg_restore"), ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", `--dbname=${dbname}`, from], { env, stdio: ["ignore", "inherit", "inherit"] });
  console.log(`Restored ${from} into the PostgreSQL database.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
