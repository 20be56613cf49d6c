// Playwright's web server: resets the throwaway e2e database, then runs npm start's own
// script, so the browser tests exercise exactly what a user starts. With E2E_SEED=scale
// (playwright.scale.config.ts) it first seeds npm run seed:scale's dataset into it.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { ROOT } from "./lib/setup";

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

async function main() {
  await reset(process.env.DATABASE_URL!);
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  if (process.env.E2E_SEED === "scale") execFileSync(process.execPath, [tsx, path.join(ROOT, "scripts/seed-scale.ts"), "--tag", "e2e"], { stdio: "inherit", env: process.env });
  execFileSync(process.execPath, [tsx, path.join(ROOT, "scripts/start.ts")], { stdio: "inherit", env: process.env });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
