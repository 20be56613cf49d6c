// npm start: one command from a fresh clone to a running portal.
// Applies migrations, creates the first admin and seeds sandbox data on an empty
// database, builds when the sources changed, then runs two processes: the portal (plain
// `next start` on $PORT) and the API service (scripts/api-server.ts on $API_PORT). Ctrl-C
// stops both; if either stops, the other is stopped too, so nothing is left behind.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { ROOT, applyDefaults, buildIfNeeded, loadDotEnv, migrate } from "./lib/setup";

async function main() {
  loadDotEnv();
  applyDefaults();
  const port = process.env.PORT!;
  const mail = mailLine();
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

  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  const children: ChildProcess[] = [
    spawn(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "--port", port], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], env }),
    spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/api-server.ts")], { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"], env }),
  ];
  console.log(`\nCOPA Developer Portal: ${process.env.NEXTAUTH_URL}\nCOPA API service:      ${process.env.API_URL ?? `port ${process.env.API_PORT}`} (also on the portal's origin)\n${mail}\n${adminLine}\n`);
  let stopping = false;
  const stopAll = (signal: NodeJS.Signals = "SIGTERM") => {
    stopping = true;
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.on("SIGINT", () => stopAll("SIGINT"));
  process.on("SIGTERM", () => stopAll("SIGTERM"));
  let running = children.length;
  let status = 0;
  for (const child of children) {
    child.on("exit", (code) => {
      if (!stopping && code !== 0) status = code ?? 1;
      // One process down means the service is incomplete: stop the other as well.
      if (!stopping) stopAll();
      if (--running === 0) process.exit(status);
    });
  }
}

/** One line on where mail goes (lib/mail): through SMTP_URL, or only stored for /admin/mail. */
function mailLine(): string {
  const url = process.env.SMTP_URL;
  if (!url) return "Mail: SMTP_URL is not set, so mail is only stored (read it at /admin/mail), never sent.";
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (!parsed || !/^smtps?:$/.test(parsed.protocol) || !parsed.host) throw new Error("SMTP_URL must look like smtp://user:pass@host:port or smtps://...");
  return `Mail: sent through ${parsed.protocol}//${parsed.host} from ${process.env.MAIL_FROM || "COPA Developer Portal <no-reply@copa.local>"}`;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
