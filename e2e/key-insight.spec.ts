// Issue 12 from the partner's side: a key's IP allowlist edited on its page and enforced
// by the API service on the next call; a refused call shown in the key's denial explorer,
// whose missing scope opens the scope-change form with that scope ticked; the keys and
// requests lists searched and filtered from the URL, a key renamed, in three languages.
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import { E2E } from "../playwright.config";
import { issueKey } from "./api-support";
import { expect, signInWithoutForm, test } from "./fixtures";
import { submitRequestFor } from "./partner-support";
import { factory } from "./support/factory";

// The API service itself, over IPv4 loopback: the caller's address is 127.0.0.1.
const API_V4 = E2E.apiURL.replace("localhost", "127.0.0.1");

const callApi = (request: APIRequestContext, secret: string, path: string) => request.get(`${API_V4}/api/v1${path}`, { headers: { Authorization: `Bearer ${secret}` } });

// Each test seeds through factory child processes and runs several page loads: on a
// loaded machine that outgrows the default minute.
test.slow();

async function expectNoAxeViolations(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("an allowlisted key works from 127.0.0.1 and is refused once the list excludes it", async ({ browser, request }) => {
  const key = await issueKey(["cooperatives:read"]);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithoutForm(page, key.email, key.password);
  await page.goto(`/keys/${key.keyId}`);

  const field = page.getByLabel("Allowed addresses and ranges");
  await field.fill("127.0.0.1\n::ffff:10.1.2.3/104");
  await page.getByRole("button", { name: "Save allowlist" }).click();
  await expect(page.getByTestId("allowlist-outcome")).toContainText("works only from 2 addresses and ranges");
  await expect(page.getByTestId("allowlist-outcome")).toBeFocused();
  // What the API checks, in canonical form, replaces what was typed.
  await expect(field).toHaveValue("127.0.0.1\n10.0.0.0/8");
  expect((await callApi(request, key.secret, "/cooperatives")).status()).toBe(200);

  await field.fill("203.0.113.0/24");
  await page.getByRole("button", { name: "Save allowlist" }).click();
  await expect(page.getByTestId("allowlist-outcome")).toContainText("works only from 1 address or range");
  const refused = await callApi(request, key.secret, "/cooperatives");
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toBe('{"detail":"IP address not allowed"}');

  // Bad input is a field error, and nothing changes.
  await field.fill("203.0.113.0/24\n10.0.0.300");
  await page.getByRole("button", { name: "Save allowlist" }).click();
  await expect(page.getByText("“10.0.0.300” is not an IPv4 or IPv6 address or CIDR range.")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");

  await expect(async () => {
    await page.reload();
    await expect(page.locator("#denials").getByTestId("denial-row").first()).toContainText("IP address not allowed");
  }).toPass({ timeout: 10_000 });
  await expect(page.locator("#denials").getByTestId("denial-row").first()).toContainText("GET /api/v1/cooperatives");
  await expect(page.locator("#denials").getByTestId("denial-row").first()).toContainText("127.0.0.1");
  await context.close();
});

test("a 403 for a missing scope appears among the key's refused calls and opens the prefilled scope-change request", async ({ browser, request }) => {
  const key = await issueKey(["cooperatives:read"]);
  const refused = await callApi(request, key.secret, "/members");
  expect(refused.status()).toBe(403);
  // The API's answer itself stays exactly the contract's.
  expect(await refused.text()).toBe('{"detail":"Insufficient scope"}');

  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithoutForm(page, key.email, key.password);
  const denials = page.locator("#denials");
  await expect(async () => {
    await page.goto(`/keys/${key.keyId}`);
    await expect(denials.getByTestId("denial-row")).toHaveCount(1);
  }).toPass({ timeout: 10_000 });
  const row = denials.getByTestId("denial-row");
  await expect(row).toContainText("GET /api/v1/members");
  await expect(row).toContainText("403");
  await expect(row).toContainText("Missing scope");
  await expectNoAxeViolations(page);

  await row.getByRole("link", { name: "Request members:read" }).click();
  await expect(page).toHaveURL(/addScope=members%3Aread/);
  await expect(page.getByRole("checkbox", { name: "Add members:read" })).toBeChecked();
  await page.getByLabel("Reason").fill("Our field officers now look up members of the cooperatives they visit.");
  await page.getByRole("button", { name: "Ask COPA" }).click();
  await expect(page.getByTestId("scope-change-outcome")).toContainText("Asked COPA to add members:read");
  await context.close();
});

test("the keys and requests lists search and filter from the URL, a key is renamed, in French and Kinyarwanda too", async ({ partnerPage: { page, partner } }) => {
  // Two keys and one request, in as few seeding processes as possible.
  await factory("bulkKeys", { organizationId: partner.organizationId, count: 2 });
  await submitRequestFor(partner, { keyName: "Beta ledger" });

  await page.goto("/keys");
  await page.getByLabel("Search by name or mask").fill("002");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/\/keys\?q=002/);
  await expect(page.getByRole("link", { name: "Bulk key 002" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Bulk key 001" })).toHaveCount(0);

  await page.goto("/keys?status=revoked&type=partner&env=sandbox");
  await expect(page.getByText("No keys match these filters")).toBeVisible();
  await expect(page.getByLabel("Status")).toHaveValue("revoked");
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page.getByRole("link", { name: "Bulk key 001" })).toBeVisible();
  await page.goto("/keys?status=pending&type=partner");
  await page.getByRole("link", { name: "Bulk key 002" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bulk key 002" })).toBeVisible();
  const keyPath = new URL(page.url()).pathname;

  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("New name").fill("Bulk key two");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bulk key two" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename" })).toBeFocused();
  await expect(page.getByTestId("key-history")).toContainText("Bulk key 002 → Bulk key two");

  await page.goto("/requests?q=beta&status=pending");
  await expect(page.getByRole("link", { name: "Beta ledger" })).toBeVisible();
  await page.goto("/requests?q=alpha");
  await expect(page.getByText("No requests match these filters")).toBeVisible();

  for (const [locale, title, search] of [
    ["fr", "Clés d'API", "Rechercher par nom ou masque"],
    ["rw", "Imfunguzo za API", "Shakisha ukoresheje izina cyangwa igice cy'urufunguzo"],
  ] as const) {
    await page.context().addCookies([{ name: "copa-locale", value: locale, url: E2E.baseURL }]);
    for (const path of [keyPath, "/requests"]) {
      await page.goto(path);
      expect(await page.locator("main").innerText()).not.toContain("⟦");
    }
    await page.goto("/keys?q=two");
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByLabel(search)).toHaveValue("two");
    expect(await page.locator("main").innerText()).not.toContain("⟦");
  }
});
