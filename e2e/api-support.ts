// The Playwright side of e2e/api-factory-cli.ts.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { E2E } from "../playwright.config";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");

export async function apiFactory<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { stdout } = await run(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "e2e/api-factory-cli.ts"), JSON.stringify({ command, args })], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: E2E.databaseUrl, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production-0123456789" },
        timeout: 60_000,
      });
      return JSON.parse(stdout) as T;
    } catch (error) {
      // Specs in other workers may hold SQLite's write lock for a moment.
      if (attempt >= 4 || !/database is locked|SQLITE_BUSY/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

export type IssuedKey = { secret: string; keyId: string; keyName: string; organizationId: string; email: string; password: string };

export const issueKey = (scopes: string[], options: { environment?: "sandbox" | "production"; limitHour?: number; limitDay?: number } = {}) =>
  apiFactory<IssuedKey>("issueKey", { scopes, ...options });
