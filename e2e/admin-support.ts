// The Playwright side of e2e/admin-factory-cli.ts, plus helpers shared by the admin specs.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser, Page } from "@playwright/test";
import { E2E } from "../playwright.config";
import { ADMIN_STATE } from "./fixtures";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");

export async function adminFactory<T>(command: string, args: Record<string, unknown> = {}): Promise<T> {
  const { stdout } = await run(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), path.join(ROOT, "e2e/admin-factory-cli.ts"), JSON.stringify({ command, args })], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: E2E.databaseUrl, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production-0123456789" },
    timeout: 60_000,
  });
  return JSON.parse(stdout) as T;
}

export type RequestState = { status: string; grantedScopes: string | null; decisionNote: string | null; keys: number; approvals: number };

export const requestState = (requestId: string) => adminFactory<RequestState>("requestState", { requestId });

/** Another page signed in as the seeded admin (its own browser context). */
export async function secondAdminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: ADMIN_STATE });
  return context.newPage();
}
