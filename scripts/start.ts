// npm start: one command from a fresh clone to a running portal.
// Applies migrations, creates the first admin and seeds sandbox data on an empty
// database, builds when the sources changed, then serves on $PORT.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { ROOT, applyDefaults, buildIfNeeded, loadDotEnv, migrate } from "./lib/setup";

async function main() {
  loadDotEnv();
  applyDefaults();
  const port = process.env.PORT!;
  console.log(`Database: ${process.env.DATABASE_URL!.startsWith("file:") ? process.env.DATABASE_URL : "PostgreSQL"}`);
  migrate();

  // Imported after the environment is settled: lib/env reads it once.
  const { db } = await import("@/lib/db");
  const { createAdmin } = await import("@/lib/accounts/service");
  const { seedSandbox } = await import("@/lib/sandbox/seed");

  let adminLine = "";
  const admins = await db.user.count({ where: { role: "admin" } });
  if (admins === 0) {
    const email = (process.env.ADMIN_EMAIL || "admin@copa.local").trim().toLowerCase();
    const given = process.env.ADMIN_PASSWORD;
    const password = given || randomBytes(12).toString("base64url");
    await createAdmin(email, password);
    adminLine = given
      ? `First admin created: ${email} (password from ADMIN_PASSWORD)`
      : `First admin created: ${email}\n  password: ${password}\n  (shown once; add more admins with npm run admin:create -- EMAIL)`;
  } else {
    const first = await db.user.findFirst({ where: { role: "admin" }, orderBy: { createdAt: "asc" }, select: { email: true } });
    adminLine = `Admin: ${first?.email}`;
  }
  const seeded = await seedSandbox(db);
  if (seeded.created) console.log(`Seeded sandbox data: ${seeded.cooperatives} cooperatives, ${seeded.members} members.`);
  await db.$disconnect();

  buildIfNeeded();

  // scripts/serve.ts: the API front and Next.js on one port (see lib/api/front.ts).
  const server = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/serve.ts")], {
    cwd: ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  const url = process.env.NEXTAUTH_URL!;
  console.log(`\nCOPA Developer Portal: ${url}\n${adminLine}\n`);
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
