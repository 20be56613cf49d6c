// Playwright fixtures: a signed-in admin (saved by auth.setup.ts), per-test partner
// factories that write through the real services into the e2e database, and helpers to
// sign in through the real form. Each test makes its own organisation, so specs run in
// parallel without sharing mutable state.
import { test as base, expect, type Page } from "@playwright/test";
import { E2E } from "../playwright.config";
import { factory } from "./support/factory";

process.env.DATABASE_URL = E2E.databaseUrl;
process.env.NEXTAUTH_SECRET ??= "e2e-secret-not-for-production-0123456789";

export const ADMIN_STATE = "e2e/.auth/admin.json";

export type TestPartner = { email: string; password: string; name: string; organizationId: string; organizationName: string; userId: string };

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Sign-in hashes with argon2 and then renders the landing page: allow for a busy machine.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}

type Factories = {
  /** A partner user with an organisation (role owner unless given), created directly in the database. */
  createPartner: (options?: { role?: "owner" | "developer" | "viewer"; organizationId?: string }) => Promise<TestPartner>;
  /** A new browser page signed in as a fresh partner (owner of a fresh organisation). */
  partnerPage: { page: Page; partner: TestPartner };
  /** A page signed in as the seeded admin. */
  adminPage: Page;
};

export const test = base.extend<Factories>({
  createPartner: async ({}, use) => {
    // Through a tsx child process: Playwright cannot load the Prisma client itself
    // (see e2e/support/factory-cli.ts).
    await use((options = {}) => factory<TestPartner>("createPartner", options));
  },
  partnerPage: async ({ browser, createPartner }, use) => {
    const partner = await createPartner();
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, partner.email, partner.password);
    await use({ page, partner });
    await context.close();
  },
  adminPage: async ({ browser }, use) => {
    const context = await browser.newContext({ storageState: ADMIN_STATE });
    const page = await context.newPage();
    await use(page);
    await context.close();
  },
});

export { expect };
