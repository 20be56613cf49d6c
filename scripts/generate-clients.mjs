// Generates both Prisma clients (SQLite and PostgreSQL) so one build serves either
// database; lib/db picks one at runtime from DATABASE_URL. Runs on npm install.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

if (!existsSync("prisma/schema.prisma")) process.exit(0);
const prisma = "node_modules/prisma/build/index.js";
for (const schema of ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"]) {
  execFileSync(process.execPath, [prisma, "generate", "--schema", schema], {
    stdio: ["ignore", "ignore", "inherit"],
  });
}
console.log("generated Prisma clients for SQLite and PostgreSQL");
