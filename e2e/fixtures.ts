// Playwright fixtures: a signed-in admin (saved by auth.setup.ts), per-test partner
// factories that write through the real services into the e2e database, and helpers to
// sign in through the real form. Each test makes its own organisation, so specs run in
// parallel without sharing mutable state.
//
// Every browser context a test uses (the default page's, partnerPage's, adminPage's and any
// the test opens with browser.newContext) reports Content-Security-Policy violations, and
// a test that saw one fails: a page that needs a looser policy is a bug to fix, not to
// allow. A spec that provokes violations on purpose sets `allowCspViolations` and reads
// `cspViolations`.
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
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

export type CspViolation = { page: string; directive: string; blocked: string; sample: string };

const guarded = new WeakSet<BrowserContext>();

/** Records every securitypolicyviolation event of the context's pages into `sink`. */
async function recordCspViolations(context: BrowserContext, sink: CspViolation[]): Promise<void> {
  if (guarded.has(context)) return;
  guarded.add(context);
  await context.exposeBinding("__copaReportCsp", (_source, violation: CspViolation) => {
    sink.push(violation);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __copaReportCsp: (v: unknown) => void }).__copaReportCsp;
      report({ page: location.pathname, directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
}

type Factories = {
  /** Every CSP violation seen in this test's browser contexts. */
  cspViolations: CspViolation[];
  /** Set by specs that provoke violations on purpose; otherwise any violation fails the test. */
  allowCspViolations: boolean;
  /** Watches every context the test creates (auto). */
  cspGuard: void;
  /** A partner user with an organisation (role owner unless given), created directly in the database. */
  createPartner: (options?: { role?: "owner" | "developer" | "viewer"; organizationId?: string }) => Promise<TestPartner>;
  /** A new browser page signed in as a fresh partner (owner of a fresh organisation). */
  partnerPage: { page: Page; partner: TestPartner };
  /** A page signed in as the seeded admin. */
  adminPage: Page;
};

export const test = base.extend<Factories>({
  cspViolations: async ({}, use) => {
    await use([]);
  },
  allowCspViolations: [false, { option: true }],
  cspGuard: [
    async ({ browser, cspViolations, allowCspViolations }, use) => {
      const original = browser.newContext.bind(browser);
      browser.newContext = (async (...args: Parameters<Browser["newContext"]>) => {
        const context = await original(...args);
        await recordCspViolations(context, cspViolations);
        return context;
      }) as Browser["newContext"];
      try {
        await use();
      } finally {
        browser.newContext = original;
      }
      if (!allowCspViolations && cspViolations.length > 0) {
        throw new Error(`Content-Security-Policy violations:\n${cspViolations.map((v) => `  ${v.page}: ${v.directive} blocked ${v.blocked || "inline"} ${v.sample}`).join("\n")}`);
      }
    },
    { auto: true },
  ],
  context: async ({ context, cspViolations }, use) => {
    await recordCspViolations(context, cspViolations);
    await use(context);
  },
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
