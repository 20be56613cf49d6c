// Playwright's web server: resets the throwaway e2e database, then runs npm start's own
// script, so the browser tests exercise exactly what a user starts. With E2E_SEED=scale
// (playwright.scale.config.ts) it first seeds npm run seed:scale's dataset into it.
//
// With E2E_MAIL_DIR it also runs a real SMTP server (smtp-server) on an ephemeral port and
// points the portal's SMTP_URL at it; every mail it receives is written to that folder as
// an .eml file, where the specs (e2e/support/mailbox.ts) find theirs by recipient, so
// parallel workers never read each other's mail.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { ROOT, applyDefaults, migrate } from "./lib/setup";

async function reset(url: string) {
  if (url.startsWith("file:")) {
    const file = path.resolve(ROOT, url.slice("file:".length));
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
    return;
  }
  const target = new URL(url);
  const name = target.pathname.slice(1);
  if (!/^copa_e2e[a-z0-9_]*$/.test(name)) throw new Error(`refusing to reset a database not named copa_e2e*: ${name}`);
  const server = new URL(url);
  server.pathname = "/postgres";
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
}

/** A catch-all SMTP server writing each message into `dir`; resolves to its smtp:// URL. */
async function startMailCatcher(dir: string): Promise<string> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        writeFileSync(path.join(dir, `${Date.now()}-${randomBytes(4).toString("hex")}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
}

/**
 * Instant sandbox keys are on by default (lib/keys/policy.ts), but many specs submit
 * sandbox read-only requests and expect them to wait for an admin: the e2e database turns
 * them off explicitly, in the stored key policy. e2e/instant-sandbox-policy.spec.ts turns
 * them on through /admin/policy (for one scope only) and off again.
 */
async function turnInstantSandboxKeysOff() {
  applyDefaults();
  migrate();
  const { db } = await import("@/lib/db");
  const { DEFAULT_KEY_POLICY } = await import("@/lib/keys/policy");
  const document = JSON.stringify({ ...DEFAULT_KEY_POLICY, instantSandbox: { ...DEFAULT_KEY_POLICY.instantSandbox, enabled: false } });
  await db.keyPolicySettings.upsert({ where: { id: "default" }, create: { id: "default", document }, update: { document } });
  await db.$disconnect();
}

async function main() {
  await reset(process.env.DATABASE_URL!);
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  if (process.env.E2E_SEED === "scale") execFileSync(process.execPath, [tsx, path.join(ROOT, "scripts/seed-scale.ts"), "--tag", "e2e"], { stdio: "inherit", env: process.env });
  await turnInstantSandboxKeysOff();
  const env = { ...process.env };
  if (process.env.E2E_MAIL_DIR) env.SMTP_URL = await startMailCatcher(path.resolve(ROOT, process.env.E2E_MAIL_DIR));
  // Not execFileSync: this process keeps serving SMTP while the portal runs.
  const child = spawn(process.execPath, [tsx, path.join(ROOT, "scripts/start.ts")], { stdio: "inherit", env });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
