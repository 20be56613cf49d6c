// The public docs: every page renders for an anonymous visitor and passes axe; every
// catalogue scope appears with exactly its enforced endpoints; the picker gives the
// smallest scope set and its link pre-fills the request form; copy buttons copy; the
// quickstart names a signed-in reader's keys by mask only.
import type { Page } from "@playwright/test";
import { DOCS_PAGES } from "@/lib/docs/nav";
import enDocs from "@/lib/i18n/messages/en/docs.json";
import { EXAMPLE_KEY_SHAPE } from "@/lib/docs/samples";
import { SCOPES, scopeAnchor } from "@/lib/scopes/catalog";
import { ENDPOINT_SCOPES } from "@/lib/scopes/enforcement";
import { expect, test } from "./fixtures";
import { approvedKeyFor, revealThroughUi } from "./partner-support";

// /docs/reference belongs to the API reference (its own specs); it is checked here only as
// a navigation entry.
const PAGES = DOCS_PAGES.filter((p) => p.href !== "/docs/reference");
const H1: Record<string, string> = { "/docs": "COPA API documentation" };
/** A page's name in the nav, as an English reader sees it. */
const label = (p: (typeof DOCS_PAGES)[number]) => enDocs.nav.pages[p.id].label;

const FULL_KEY = /sk_copa_(partner|webhook|mobile|system)_[a-z0-9]{32}(?![a-z0-9])/;
/** The page's HTML without the contract's documented example of a key's shape. */
const withoutExample = (html: string) => html.replaceAll(EXAMPLE_KEY_SHAPE, "");

async function pickerScopes(page: Page): Promise<string[]> {
  return page.getByTestId("picker-result").locator("[data-picked-scope]").evaluateAll((els) => els.map((e) => e.getAttribute("data-picked-scope")!));
}

async function tick(page: Page, endpoint: string, on = true) {
  const box = page.getByTestId("scope-picker").locator(`input[type="checkbox"][value="${endpoint}"]`);
  if (on) await box.check();
  else await box.uncheck();
}

function scopesOf(href: string | null) {
  const url = new URL(href ?? "", "http://portal.test");
  return { path: url.pathname, scopes: url.searchParams.get("scopes")?.split(",") ?? [], type: url.searchParams.get("type") };
}

test.describe("docs pages", () => {
  for (const p of PAGES) {
    test(`${p.href} renders for an anonymous visitor`, async ({ page }) => {
      const response = await page.goto(p.href);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(H1[p.href] ?? label(p));
      const nav = page.getByRole("navigation", { name: "Documentation" });
      await expect(nav.getByRole("link", { name: label(p), exact: true })).toHaveAttribute("aria-current", "page");
      await expect(nav.getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/docs/reference");
      // Nothing that looks like a real key is ever printed on a docs page.
      expect(withoutExample(await page.content())).not.toMatch(FULL_KEY);
    });
    // axe: e2e/a11y-sweep.spec.ts checks every docs page in light and dark, desktop and phone.
  }

  test("the phone navigation opens, leads to a page and closes", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/docs");
    const nav = page.getByRole("navigation", { name: "Documentation" });
    const toggle = nav.getByRole("button");
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("link", { name: "Scopes" })).toBeHidden();
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await nav.getByRole("link", { name: "Scopes" }).click();
    await expect(page).toHaveURL(/\/docs\/scopes$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Scopes");
    await expect(nav.getByRole("button")).toHaveAttribute("aria-expanded", "false");
  });
});

test.describe("scope explainer", () => {
  test("every scope appears with exactly its enforced endpoints", async ({ page }) => {
    await page.goto("/docs/scopes");
    for (const scope of SCOPES) {
      const card = page.locator(`section#${scopeAnchor(scope.id)}`);
      await expect(card.getByRole("heading", { name: scope.id, exact: true })).toBeVisible();
      await expect(card).toContainText(scope.description);
      const shown = await card.locator("[data-endpoint]").evaluateAll((els) => els.map((e) => e.getAttribute("data-endpoint")!));
      const enforced = [...ENDPOINT_SCOPES].filter(([, s]) => s === scope.id).map(([e]) => e);
      expect(shown.sort(), scope.id).toEqual(enforced.sort());
      for (const e of scope.endpoints) {
        const row = card.locator(`[data-endpoint="${e.method} ${e.path}"]`);
        await expect(row).toContainText(e.path);
        await expect(row.getByText("Announced in production")).toHaveCount(e.production === "announced" ? 1 : 0);
      }
      for (const field of scope.data) await expect(card.getByRole("list", { name: `Data fields of ${scope.id}` })).toContainText(field);
      await expect(card).toContainText(scope.requiresJustification ? "Justification required" : "Not required");
    }
  });

  test("a scope link lands on its explainer", async ({ page }) => {
    await page.goto("/docs/scopes");
    await page.getByRole("region", { name: "All scopes with what they grant" }).getByRole("link", { name: "members:read" }).click();
    await expect(page).toHaveURL(/\/docs\/scopes#members-read$/);
    await expect(page.locator("section#members-read")).toBeInViewport();
  });

  test("the picker gives the smallest scope set and a link with exactly those scopes", async ({ page }) => {
    await page.goto("/docs/scopes");
    const link = page.getByTestId("request-these-scopes");
    await expect(link).toHaveCount(0);

    // Three endpoints, two of them under /cooperatives, need only two scopes.
    await tick(page, "GET /cooperatives");
    await tick(page, "GET /cooperatives/{id}");
    await tick(page, "GET /cooperatives/{id}/members");
    expect(await pickerScopes(page)).toEqual(["cooperatives:read", "members:read"]);
    expect(scopesOf(await link.getAttribute("href"))).toEqual({ path: "/requests/new", scopes: ["cooperatives:read", "members:read"], type: "partner" });

    await tick(page, "POST /members");
    expect(await pickerScopes(page)).toEqual(["cooperatives:read", "members:read", "members:write"]);
    await expect(page.getByTestId("picker-result")).toContainText("You will justify members:write");

    // Unticking the only members:read endpoint drops the scope again.
    await tick(page, "GET /cooperatives/{id}/members", false);
    expect(await pickerScopes(page)).toEqual(["cooperatives:read", "members:write"]);
    expect(scopesOf(await link.getAttribute("href")).scopes).toEqual(["cooperatives:read", "members:write"]);

    // Webhook events need a webhook key, which holds no data scope.
    await page.getByTestId("scope-picker").locator('input[value="webhooks:receive"]').check();
    await expect(page.getByTestId("picker-result")).toContainText("No single key type suits all of these");
    expect(scopesOf(await link.getAttribute("href")).type).toBeNull();

    await page.getByRole("button", { name: "Clear" }).click();
    await expect(link).toHaveCount(0);
    await page.getByRole("button", { name: "Tick the common read endpoints" }).click();
    expect(await pickerScopes(page)).toEqual(SCOPES.filter((s) => s.recommended).map((s) => s.id));
  });

  test("'Request these scopes' opens the request form with exactly those scopes ticked", async ({ partnerPage: { page } }) => {
    await page.goto("/docs/scopes");
    await tick(page, "GET /cooperatives/{id}/members");
    await tick(page, "GET /loans");
    expect(await pickerScopes(page)).toEqual(["members:read", "loans:read"]);
    await page.getByTestId("request-these-scopes").click();
    await expect(page).toHaveURL(/\/requests\/new\?scopes=members:read,loans:read/);
    // A partner key: the form offers only the scopes the key policy lets it hold.
    await expect(page.getByRole("checkbox", { name: "webhooks:receive", exact: true })).toHaveCount(0);
    for (const scope of SCOPES.filter((s) => (s.keyTypes as readonly string[]).includes("partner"))) {
      const box = page.getByRole("checkbox", { name: scope.id, exact: true });
      if (scope.id === "members:read" || scope.id === "loans:read") await expect(box).toBeChecked();
      else await expect(box).not.toBeChecked();
    }
  });
});

test.describe("code blocks", () => {
  test("copy buttons copy the sample shown, per language", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/docs/quickstart");
    const block = page.locator("[data-code-block]").filter({ has: page.getByRole("tab", { name: "curl" }) }).first();
    await block.getByRole("tab", { name: "curl" }).click();

    await block.getByRole("button", { name: /^Copy/ }).click();
    await expect(block.getByRole("button", { name: "Copied" })).toBeVisible();
    const curl = await page.evaluate(() => navigator.clipboard.readText());
    expect(curl).toContain("/api/v1/cooperatives?page_size=2");
    expect(curl).toContain('-H "Authorization: Bearer $COPA_API_KEY"');
    expect(curl.trim()).toBe((await block.getByRole("tabpanel").locator("pre").innerText()).trim());

    await block.getByRole("tab", { name: "Python" }).click();
    await expect(block.getByRole("tab", { name: "Python" })).toHaveAttribute("aria-selected", "true");
    await block.getByRole("button", { name: /^Copy/ }).click();
    const python = await page.evaluate(() => navigator.clipboard.readText());
    expect(python).toContain("import requests");
    expect(python).toContain('os.environ["COPA_API_KEY"]');
    // The language choice is shared: the next block switched to Python too.
    const next = page.locator("[data-code-block]").filter({ has: page.getByRole("tab", { name: "Python" }) }).nth(1);
    await expect(next.getByRole("tab", { name: "Python" })).toHaveAttribute("aria-selected", "true");
  });

  test("code is highlighted on the server", async ({ page }) => {
    await page.goto("/docs/authentication");
    const pre = page.locator("[data-code-block] pre.shiki").first();
    await expect(pre).toBeVisible();
    expect(await pre.locator("span[style*='--shiki-light']").count()).toBeGreaterThan(3);
  });
});

test.describe("quickstart for a signed-in partner", () => {
  test("names the reader's sandbox key by mask beside the sandbox base URL, never the key itself", async ({ partnerPage: { page, partner } }) => {
    const { keyName } = await approvedKeyFor(partner, { environment: "sandbox", scopes: ["cooperatives:read", "members:read"] });

    // Approved but not revealed: the quickstart points to the keys page.
    await page.goto("/docs/quickstart");
    await expect(page.getByTestId("reader-keys")).toContainText("approved and waiting to be revealed");

    await page.goto("/keys");
    const secret = await revealThroughUi(page, keyName);
    const mask = `sk_copa_partner_••••${secret.slice(-4)}`;

    await page.goto("/docs/quickstart");
    const panel = page.getByTestId("reader-keys");
    await expect(panel).toContainText(partner.organizationName);
    await expect(panel).toContainText(keyName);
    await expect(panel).toContainText(mask);
    await expect(panel).toContainText("/api/v1/");
    await expect(page.getByText(`# Your sandbox key "${keyName}" (${mask}).`)).toBeVisible();
    const html = await page.content();
    expect(html).not.toContain(secret);
    expect(html).not.toContain(secret.slice(-32));
    expect(withoutExample(html)).not.toMatch(FULL_KEY);
  });
});

test.describe("docs in French and Kinyarwanda", () => {
  // Prose in the reader's language; code samples, headers, bodies and scope ids exactly as
  // in English (the contract); no raw message key (⟦...⟧) anywhere on the page.
  for (const locale of ["fr", "rw"] as const) {
    test(`@ui /docs/authentication and /docs/scopes in ${locale}: translated prose, unchanged samples, no raw key`, async ({ browser, baseURL }) => {
      const context = await browser.newContext();
      // The visitor's choice of language (the header's language menu sets this cookie).
      await context.addCookies([{ name: "copa-locale", value: locale, url: baseURL! }]);
      const page = await context.newPage();
      const heading = { fr: { auth: "Authentification", scopes: "Permissions" }, rw: { auth: "Kwemeza umwirondoro", scopes: "Uburenganzira" } }[locale];

      await page.goto(`${baseURL}/docs/authentication`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading.auth);
      // The first sample is the same curl command an English reader copies.
      const block = page.locator("[data-code-block]").filter({ has: page.getByRole("tab", { name: "curl" }) }).first();
      await expect(block.getByRole("tabpanel").locator("pre")).toContainText('-H "Authorization: Bearer $COPA_API_KEY"');
      await expect(page.locator("[data-code-block] pre").filter({ hasText: '{"detail": "Invalid API key"}' }).first()).toBeVisible();
      await expect(page.locator("body")).not.toContainText("⟦");
      await expect(page.locator("body")).not.toContainText("Every request to the COPA API carries an API key");

      await page.goto(`${baseURL}/docs/scopes`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading.scopes);
      const nav = page.getByRole("navigation", { name: locale === "fr" ? "Documentation" : "Inyandiko" });
      await expect(nav.getByRole("link", { name: heading.scopes, exact: true })).toHaveAttribute("aria-current", "page");
      for (const scope of SCOPES) {
        const card = page.locator(`section#${scopeAnchor(scope.id)}`);
        await expect(card.getByRole("heading", { name: scope.id, exact: true })).toBeVisible();
        await expect(card).not.toContainText(scope.description);
        for (const field of scope.data) await expect(card).toContainText(field);
      }
      // The picker, a client component, speaks the language too.
      await page.getByTestId("scope-picker").locator('input[type="checkbox"][value="POST /members"]').check();
      await expect(page.getByTestId("picker-result")).toContainText("members:write");
      await expect(page.getByTestId("picker-result")).not.toContainText("Scopes you need");
      await expect(page.locator("body")).not.toContainText("⟦");
      await context.close();
    });
  }
});
