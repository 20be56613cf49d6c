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
import { TOTP_PERIOD, timeStep, totpCode } from "../lib/auth/totp";
import { factory } from "./support/factory";

process.env.DATABASE_URL = E2E.databaseUrl;
process.env.NEXTAUTH_SECRET ??= "e2e-secret-not-for-production-0123456789";
process.env.COPA_TOTP_KEY ??= E2E.totpKey;

export const ADMIN_STATE = "e2e/.auth/admin.json";
/** The seeded admin's TOTP secret, read from the enrolment page by auth.setup.ts. */
export const ADMIN_TOTP = "e2e/.auth/admin-totp.json";

const lastStep = new Map<string, number>();

/**
 * A code for `secret` that the server has not seen from this process yet: the server
 * accepts each time step once, so a second sign-in within the same 30 s waits for the next.
 */
export async function nextTotpCode(secret: string): Promise<string> {
  const wanted = Math.max(timeStep(), (lastStep.get(secret) ?? -1) + 1);
  const startsAt = wanted * TOTP_PERIOD * 1000;
  if (Date.now() < startsAt) await new Promise((resolve) => setTimeout(resolve, startsAt - Date.now() + 50));
  lastStep.set(secret, wanted);
  return totpCode(secret, Math.max(Date.now(), startsAt));
}

export type TestPartner = { email: string; password: string; name: string; organizationId: string; organizationName: string; userId: string };

/** Signs in through the real form; with `totpSecret`, answers the two-factor step too. */
export async function signIn(page: Page, email: string, password: string, options: { totpSecret?: string } = {}) {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (options.totpSecret) {
    await page.getByLabel("Authentication code").fill(await nextTotpCode(options.totpSecret), { timeout: 30_000 });
    await page.getByRole("button", { name: "Verify and sign in" }).click();
  }
  // Sign-in hashes with argon2 and then renders the landing page: allow for a busy machine.
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
}

/**
 * Signs `page`'s browser context in as the user through the portal's own sign-in code
 * (throttle, argon2, session row, audit event; see the factory's signInCookie) and sets
 * the session cookie the form would have set. For users without two-factor.
 */
export async function signInWithoutForm(page: Page, email: string, password: string) {
  const userAgent = await page.evaluate(() => navigator.userAgent);
  const cookie = await factory<{ name: string; value: string }>("signInCookie", { email, password, userAgent });
  await page.context().addCookies([{ ...cookie, url: E2E.baseURL, httpOnly: true, sameSite: "Lax" }]);
  // Where the form would have landed: the sign-in page sends a signed-in user on.
  await page.goto("/sign-in");
  await expect(page).not.toHaveURL(/\/sign-in/);
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
    // Signed in by the portal's own sign-in code, without the form's two page loads: the
    // specs about signing in use signIn() and the form.
    await signInWithoutForm(page, partner.email, partner.password);
    await use({ page, partner });
    await context.close();
  },
  adminPage: async ({ browser }, use) => {
    const context = await browser.newContext({ storageState: ADMIN_STATE });
    const page = await context.newPage();
    // The saved sign-in counts as a fresh check for ten minutes only (lib/auth/step-up); a
    // long run asks later specs to confirm it is the admin before a reveal, revocation,
    // credential or role change. Answer with the password whenever the dialog appears.
    await page.addLocatorHandler(page.getByRole("dialog", { name: "Confirm it is you" }), async (dialog) => {
      await dialog.getByLabel("Password").fill(E2E.adminPassword);
      await dialog.getByRole("button", { name: "Confirm" }).click();
    });
    await use(page);
    await context.close();
  },
});

export { expect };
