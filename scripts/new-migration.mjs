// Writes a new migration for both providers from the difference between the last
// migrated schema (prisma/migrations/schema.snapshot.prisma) and prisma/schema.prisma.
// `prisma migrate dev` cannot run offline here (see README), so migrations come from a
// datamodel-to-datamodel diff. Usage: npm run db:migration -- add_widgets
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) throw new Error("usage: node scripts/new-migration.mjs <name>");

execFileSync(process.execPath, ["scripts/sync-pg-schema.mjs"], { stdio: "inherit" });
const snapshotPath = "prisma/migrations/schema.snapshot.prisma";
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const tmp = mkdtempSync(path.join(tmpdir(), "copa-migration-"));
const toPg = (s) => s.replace('provider = "sqlite"', 'provider = "postgresql"');

const targets = [
  { dir: "prisma/migrations", schema: "prisma/schema.prisma", provider: "sqlite", transform: (s) => s, url: "file:./data/.migration-diff.db" },
  // The js engine connects even to diff two datamodels: give it any reachable server
  // (scripts/pg-cluster.sh starts one). Nothing is written to it.
  { dir: "prisma/postgresql/migrations", schema: "prisma/postgresql/schema.prisma", provider: "postgresql", transform: toPg, url: process.env.PG_DIFF_URL ?? "postgresql://postgres@127.0.0.1:55432/postgres" },
];

for (const t of targets) {
  const args = ["node_modules/prisma/build/index.js", "migrate", "diff", "--script", "--to-schema-datamodel", t.schema];
  if (existsSync(snapshotPath)) {
    const from = path.join(tmp, `${t.provider}.prisma`);
    writeFileSync(from, t.transform(readFileSync(snapshotPath, "utf8")));
    args.push("--from-schema-datamodel", from);
  } else {
    args.push("--from-empty");
  }
  mkdirSync("data", { recursive: true });
  const sql = execFileSync(process.execPath, args, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, DATABASE_URL: t.url },
  });
  if (/This is an empty migration/.test(sql) || !sql.trim()) {
    console.log(`${t.provider}: no changes`);
    continue;
  }
  const dir = path.join(t.dir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql);
  if (!existsSync(path.join(t.dir, "migration_lock.toml"))) {
    writeFileSync(path.join(t.dir, "migration_lock.toml"), `provider = "${t.provider}"\n`);
  }
  console.log(`wrote ${dir}/migration.sql`);
}
writeFileSync(snapshotPath, readFileSync("prisma/schema.prisma", "utf8"));
