// Writes prisma/postgresql/schema.prisma from the canonical SQLite schema, changing only
// the provider and the client's output folder. Run after editing prisma/schema.prisma.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";

const source = readFileSync("prisma/schema.prisma", "utf8");
const pg = source
  .replace('provider = "sqlite"', 'provider = "postgresql"')
  .replace('output     = "../lib/generated/sqlite"', 'output     = "../../lib/generated/postgresql"')
  .replace(
    "// The canonical schema (SQLite). prisma/postgresql/schema.prisma is generated from it\n// by scripts/sync-pg-schema.mjs; edit only this file.",
    "// GENERATED from prisma/schema.prisma by scripts/sync-pg-schema.mjs. Do not edit.",
  );
if (pg === source || !pg.includes('"postgresql"') || !pg.includes("lib/generated/postgresql")) {
  throw new Error("sync-pg-schema: the canonical schema's header lines changed; update this script");
}
mkdirSync("prisma/postgresql", { recursive: true });
writeFileSync("prisma/postgresql/schema.prisma", pg);
console.log("wrote prisma/postgresql/schema.prisma");
