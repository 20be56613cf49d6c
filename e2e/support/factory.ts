// The Playwright side of e2e/support/factory-cli.ts, and the only one: runs a seed or
// inspection command in a tsx child process against the e2e database and returns its
// JSON result. Specs and the *-support.ts helpers all seed through factory().
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { E2E } from "../../playwright.config";
import type { FactoryCommand } from "./factory-cli";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");

export async function factory<T>(command: FactoryCommand, args: Record<string, unknown> = {}): Promise<T> {
  // SQLite refuses a writer while specs in other workers write ("database is locked");
  // the seed is simply tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await runOnce<T>(command, args);
    } catch (error) {
      if (attempt >= 4 || !/database is locked|SQLITE_BUSY/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

async function runOnce<T>(command: FactoryCommand, args: Record<string, unknown>): Promise<T> {
  const { stdout } = await run(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "e2e/support/factory-cli.ts"), JSON.stringify({ command, args })], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: E2E.databaseUrl,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
      // The portal under test delivers mail (scripts/e2e-server.ts), so mail queued here is
      // queued for sending like the portal's own; this process never connects to it.
      SMTP_URL: "smtp://e2e-portal-delivers.invalid",
    },
    timeout: 60_000,
  });
  return JSON.parse(stdout) as T;
}
