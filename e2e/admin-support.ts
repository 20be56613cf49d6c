// Helpers shared by the admin specs (seeding goes through support/factory.ts).
import type { Browser, Page } from "@playwright/test";
import { ADMIN_STATE } from "./fixtures";
import { factory } from "./support/factory";

export type RequestState = { status: string; grantedScopes: string | null; decisionNote: string | null; keys: number; approvals: number };

export const requestState = (requestId: string) => factory<RequestState>("requestState", { requestId });

/** Another page signed in as the seeded admin (its own browser context). */
export async function secondAdminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: ADMIN_STATE });
  return context.newPage();
}
