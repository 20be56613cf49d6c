// Every page, as every role that can open it, passes axe (WCAG 2.2 AA) in light and dark
// mode at desktop and phone width, with its dialogs open and its forms showing errors, and
// is never wider than a 390 px phone. A page is loaded once per role; the colour scheme
// and the viewport change live on the same page, so each check costs one axe run.
//
// PAGES must name every app/**/page.tsx: the last test fails when a route is missing.
// Adding a page is one line: { route, roles[, url][, states] }.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { E2E } from "../playwright.config";
import { ADMIN_STATE, expect, signInWithoutForm, test, type TestPartner } from "./fixtures";
import { factory } from "./support/factory";
import { pageRoutes } from "./support/page-routes";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const WIDTHS = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

type Role = "anonymous" | "owner" | "developer" | "viewer" | "newcomer" | "admin";
/** Rows the sweep seeds for the signed-in roles (one organisation with three members). */
type World = { owner: TestPartner; keyId: string; readyKeyName: string; requestId: string; mailId: string };
/** A state to check besides the page as loaded; `roles` limits it (a viewer has no Revoke button). */
type State = { name: string; act: (page: Page) => Promise<void>; roles?: Role[] };
/** `alone`: a page so large that axe needs a test of its own (the generated API reference). */
type PageCheck = { route: string; roles: Role[]; url?: (w: World) => string; states?: State[]; alone?: boolean };

const PARTNER: Role[] = ["owner", "developer", "viewer"];
/** The header differs for a visitor, a member and an admin; a developer's and a viewer's are the owner's. */
const EVERYONE: Role[] = ["anonymous", "owner", "admin"];

const submitEmpty = (button: string, roles?: Role[]): State => ({
  roles,
  name: "form errors",
  act: async (page) => {
    await page.getByRole("button", { name: button }).click();
    await expect(page.locator('[aria-invalid="true"]').first()).toBeVisible();
  },
});
const openDialog = (button: string, dialog: string | RegExp, roles?: Role[]): State => ({
  roles,
  name: `dialog ${button}`,
  act: async (page) => {
    await page.getByRole("button", { name: button, exact: true }).first().click();
    await expect(page.getByRole("dialog", { name: dialog })).toBeVisible();
  },
});

export const PAGES: PageCheck[] = [
  { route: "/", roles: EVERYONE },
  { route: "/privacy", roles: ["anonymous"] },
  { route: "/terms", roles: ["anonymous"] },
  { route: "/sign-in", roles: ["anonymous"], states: [submitEmpty("Sign in")] },
  { route: "/sign-up", roles: ["anonymous"], states: [submitEmpty("Create account")] },
  { route: "/forgot-password", roles: ["anonymous"] },
  { route: "/reset-password", roles: ["anonymous"] },
  { route: "/verify-email", roles: ["anonymous"] },
  { route: "/invitations/accept", roles: ["anonymous"] },
  { route: "/docs", roles: ["anonymous"] },
  { route: "/docs/authentication", roles: ["anonymous"] },
  { route: "/docs/errors", roles: ["anonymous"] },
  { route: "/docs/quickstart", roles: ["anonymous", "owner"] },
  { route: "/docs/rate-limits", roles: ["anonymous"] },
  { route: "/docs/reference", roles: ["anonymous"], alone: true },
  { route: "/docs/scopes", roles: ["anonymous"] },
  { route: "/onboarding", roles: ["newcomer"], states: [submitEmpty("Create organisation")] },
  { route: "/dashboard", roles: ["owner"] },
  { route: "/keys", roles: PARTNER, states: [openDialog("Reveal key", /^Reveal /, ["owner"])] },
  { route: "/keys/[id]", roles: PARTNER, url: (w) => `/keys/${w.keyId}`, states: [openDialog("Rotate", /^Rotate/, ["owner"]), openDialog("Revoke", /^Revoke/, ["owner"])] },
  { route: "/keys/unused", roles: PARTNER },
  { route: "/requests", roles: ["owner"] },
  { route: "/requests/[id]", roles: ["owner"], url: (w) => `/requests/${w.requestId}` },
  { route: "/requests/new", roles: ["owner"], states: [submitEmpty("Submit request", ["owner"])] },
  { route: "/activity", roles: ["owner"] },
  { route: "/team", roles: PARTNER, states: [submitEmpty("Send invitation", ["owner"])] },
  { route: "/account", roles: ["owner", "viewer", "admin"], states: [submitEmpty("Change password", ["owner"])] },
  { route: "/account/two-factor", roles: ["owner", "admin"] },
  { route: "/notifications", roles: ["owner", "admin"] },
  { route: "/admin", roles: ["admin"] },
  { route: "/admin/requests", roles: ["admin"] },
  { route: "/admin/requests/[id]", roles: ["admin"], url: (w) => `/admin/requests/${w.requestId}` },
  { route: "/admin/keys", roles: ["admin"] },
  { route: "/admin/keys/unused", roles: ["admin"] },
  {
    route: "/admin/keys/[id]",
    roles: ["admin"],
    url: (w) => `/admin/keys/${w.keyId}`,
    states: [
      {
        name: "revocation form",
        act: async (page) => {
          await page.getByRole("button", { name: "Revoke key…" }).click();
          await expect(page.getByLabel("Reason")).toBeVisible();
        },
      },
    ],
  },
  { route: "/admin/organisations", roles: ["admin"] },
  { route: "/admin/organisations/[id]", roles: ["admin"], url: (w) => `/admin/organisations/${w.owner.organizationId}` },
  { route: "/admin/users", roles: ["admin"] },
  { route: "/admin/users/[id]", roles: ["admin"], url: (w) => `/admin/users/${w.owner.userId}` },
  { route: "/admin/audit", roles: ["admin"] },
  { route: "/admin/mail", roles: ["admin"] },
  { route: "/admin/mail/[id]", roles: ["admin"], url: (w) => `/admin/mail/${w.mailId}` },
  { route: "/admin/review-rules", roles: ["admin"] },
  { route: "/admin/policy", roles: ["admin"] },
  { route: "/admin/scope-changes", roles: ["admin"] },
  { route: "/admin/gateway", roles: ["admin"], states: [submitEmpty("Issue credential")] },
  { route: "/admin/leaks", roles: ["admin"], states: [submitEmpty("Report the key")] },
];

async function seedWorld(): Promise<World> {
  const owner = await factory<TestPartner>("createPartner", {});
  const [active, pending] = await Promise.all([
    factory<{ keyId: string }>("activeKey", { userId: owner.userId }),
    factory<{ requestId: string }>("submitRequest", { userId: owner.userId }),
  ]);
  const ready = await factory<{ requestId: string; keyName: string }>("submitRequest", { userId: owner.userId });
  await factory("approveRequest", { requestId: ready.requestId, grantedScopes: ["cooperatives:read"], adminEmail: E2E.adminEmail });
  const { mailId } = await factory<{ mailId: string | null }>("latestMailTo", { to: owner.email });
  if (!mailId) throw new Error(`no mail to ${owner.email}: the sign-up should have queued its verification`);
  return { owner, keyId: active.keyId, requestId: pending.requestId, readyKeyName: ready.keyName, mailId };
}

async function pageAs(browser: Browser, role: Role, world: World | null): Promise<Page> {
  if (role === "admin") {
    const context = await browser.newContext({ storageState: ADMIN_STATE });
    const page = await context.newPage();
    await page.addLocatorHandler(page.getByRole("dialog", { name: "Confirm it is you" }), async (dialog) => {
      await dialog.getByLabel("Password").fill(E2E.adminPassword);
      await dialog.getByRole("button", { name: "Confirm" }).click();
    });
    return page;
  }
  const page = await (await browser.newContext()).newPage();
  if (role === "anonymous") return page;
  if (role === "owner") {
    await signInWithoutForm(page, world!.owner.email, world!.owner.password);
  } else if (role === "newcomer") {
    const account = await factory<{ email: string; password: string }>("createAccount", {});
    await signInWithoutForm(page, account.email, account.password);
  } else {
    const member = await factory<TestPartner>("createPartner", { role, organizationId: world!.owner.organizationId });
    await signInWithoutForm(page, member.email, member.password);
  }
  return page;
}

/** Rules whose outcome depends on the colour scheme or the viewport; the rest are run once per page state. */
const MODE_RULES = ["color-contrast", "link-in-text-block", "target-size", "scrollable-region-focusable"];

/**
 * axe on the page as it is now: every rule at desktop width in light mode, then the
 * colour- and layout-dependent rules in dark mode and at phone width in both; and no
 * scrolling sideways on the phone. Failures are soft, so one run lists all of them.
 */
async function checkAllModes(page: Page, label: string) {
  for (const size of WIDTHS) {
    await page.setViewportSize({ width: size.width, height: size.height });
    if (size.name === "phone") {
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      expect.soft(width, `${label}: page width on a ${size.width} px phone`).toBeLessThanOrEqual(size.width);
    }
    for (const colorScheme of ["light", "dark"] as const) {
      // Reduced motion: no colour transition is half-way when axe measures contrast.
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      const full = size.name === "desktop" && colorScheme === "light";
      const axe = new AxeBuilder({ page }).withTags(TAGS);
      const { violations } = await (full ? axe : axe.withRules(MODE_RULES)).analyze();
      expect.soft(violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${label} ${size.name} ${colorScheme}`).toEqual([]);
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: WIDTHS[0].width, height: WIDTHS[0].height });
}

/** Loads each page once as `role` and checks it, and each of its states, in every mode. */
async function sweep(browser: Browser, role: Role, world: World | null, checks: PageCheck[]) {
  const page = await pageAs(browser, role, world);
  for (const check of checks) {
    const url = check.url ? check.url(world!) : check.route;
    const label = `${role} ${check.route}`;
    const response = await page.goto(url);
    expect(response?.status(), label).toBeLessThan(400);
    await expect(page.locator("h1").first(), label).toBeVisible();
    // A message missing from the page's language renders as ⟦area.key⟧ (lib/i18n/request.ts).
    await expect(page.locator("body"), `${label}: a message key rendered raw`).not.toContainText("⟦");
    await checkAllModes(page, label);
    for (const state of check.states ?? []) {
      if (state.roles && !state.roles.includes(role)) continue;
      await state.act(page);
      await checkAllModes(page, `${label} (${state.name})`);
      await page.goto(url);
    }
  }
  await page.context().close();
}

// One organisation (owner, active key, pending request, key ready to reveal) per worker.
const sweepTest = test.extend<object, { world: World }>({
  world: [
    async ({}, use) => {
      await use(await seedWorld());
    },
    { scope: "worker" },
  ],
});

test.describe.configure({ mode: "parallel" });

// A few pages per test, so the two workers share the sweep and each test stays short.
const PER_TEST = 4;
const ROLES: Role[] = ["anonymous", "owner", "newcomer", "developer", "viewer", "admin"];
for (const role of ROLES) {
  const checks = PAGES.filter((p) => p.roles.includes(role) && !p.alone);
  const chunks = PAGES.filter((p) => p.roles.includes(role) && p.alone).map((p) => [p]);
  for (let i = 0; i < checks.length; i += PER_TEST) chunks.push(checks.slice(i, i + PER_TEST));
  for (const chunk of chunks) {
    sweepTest(`@ui @sweep axe sweep as ${role}: ${chunk.map((c) => c.route).join(" ")}`, async ({ browser, world }) => {
      test.setTimeout(300_000);
      await sweep(browser, role, role === "anonymous" ? null : world, chunk);
    });
  }
}

test("@ui axe sweep: every page route is in the sweep's table", async () => {
  const covered = new Set(PAGES.map((p) => p.route));
  expect(pageRoutes().filter((r) => !covered.has(r))).toEqual([]);
  expect([...covered].filter((r) => !pageRoutes().includes(r))).toEqual([]);
});
