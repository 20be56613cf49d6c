// The interactive API reference at /docs/reference: every operation of the OpenAPI
// document with its scope, for everyone; for a signed-in partner, "Try it" sends a real
// sandbox request with a pasted key that is never stored, never put in a URL and never
// sent with the session cookie.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { ENDPOINT_SCOPES } from "@/lib/scopes/enforcement";
import { expect, signInWithoutForm, test } from "./fixtures";
import { issueKey } from "./api-support";

const operations = (page: Page) => page.locator("main section[id] > h3");

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
}

test.describe("API reference", () => {
  test("renders every operation with its scope for an anonymous visitor", async ({ page }) => {
    const response = await page.goto("/docs/reference");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("API reference");
    // Every catalogue endpoint, plus the gateway's verification service.
    await expect(operations(page)).toHaveCount(ENDPOINT_SCOPES.size + 1);
    for (const endpoint of ENDPOINT_SCOPES.keys()) {
      const [method, path] = endpoint.split(" ");
      await expect(operations(page).filter({ hasText: method }).filter({ hasText: `/api/v1${path}` }).first()).toBeVisible();
    }
    const list = page.locator("#listCooperatives");
    await expect(list.getByRole("link", { name: "cooperatives:read" })).toHaveAttribute("href", "/docs/scopes#cooperatives-read");
    await expect(list.getByRole("row", { name: /page_size/ })).toContainText("1 to 100");
    await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
    await expect(page.getByLabel("Your sandbox key")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Try it" })).toHaveCount(0);
  });

  test("has no accessibility violations (light desktop, dark phone)", async ({ page }) => {
    // The reference renders every operation: axe takes a while on it on a busy CI machine.
    test.slow();
    await page.goto("/docs/reference");
    await expectNoViolations(page);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.reload();
    await expectNoViolations(page);
  });

  test("the Try-it panel reads in French for a French reader, and the call still goes through", async ({ page, baseURL }) => {
    const key = await issueKey(["cooperatives:read", "members:read"]);
    await signInWithoutForm(page, key.email, key.password);
    await page.context().addCookies([{ name: "copa-locale", value: "fr", url: baseURL! }]);
    await page.goto("/docs/reference");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    const field = page.getByLabel("Votre clé de bac à sable");
    await field.fill("not-a-key");
    await expect(page.getByText("Cela ne ressemble pas à une clé COPA")).toBeVisible();
    await field.fill(key.secret);
    const list = page.locator("#listCooperatives");
    await list.getByRole("button", { name: "Essayer" }).click();
    await expect(list.getByText("Essayer dans le bac à sable")).toBeVisible();
    await expect(list.getByText("(requête)").first()).toBeVisible();
    await list.getByRole("button", { name: "Envoyer GET" }).click();
    await expect(list.getByTestId("try-it-response")).toContainText("200");
    await expect(list.getByTestId("try-it-response")).toContainText(/en \d+ ms/);
    await expect(list.getByRole("region", { name: "Corps de la réponse" }).or(list.getByLabel("Corps de la réponse"))).toBeVisible();
    await expect(page.locator("main")).not.toContainText(/⟦|tryIt\./);
  });

  test("a signed-in partner tries calls with a pasted key that is never kept", async ({ page }) => {
    const key = await issueKey(["cooperatives:read", "members:read"]);
    await signInWithoutForm(page, key.email, key.password);
    const sent: { url: string; cookie: string | undefined; authorization: string | undefined }[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/v1/")) sent.push({ url: r.url(), cookie: r.headers()["cookie"], authorization: r.headers()["authorization"] });
    });
    await page.goto("/docs/reference");
    await page.getByLabel("Your sandbox key").fill(key.secret);

    const list = page.locator("#listCooperatives");
    await list.getByRole("button", { name: "Try it" }).click();
    await list.getByRole("combobox", { name: /province/ }).selectOption("Western");
    await list.getByRole("textbox", { name: /page_size/ }).fill("3");
    await list.getByRole("button", { name: "Send GET" }).click();
    const result = list.getByTestId("try-it-response");
    await expect(result).toContainText("200");
    await expect(result).toContainText("x-ratelimit-remaining");
    await expect(result).toContainText('"province": "Western"');

    const one = page.locator("#getCooperative");
    await one.getByRole("button", { name: "Try it" }).click();
    await one.getByRole("button", { name: "Send GET" }).click();
    await expect(one.getByTestId("try-it-response")).toContainText("200");

    // With the key field filled and panels open, the page stays accessible.
    await expectNoViolations(page);

    // Outside the key's scopes: the documented 403.
    const loans = page.locator("#listLoans");
    await loans.getByRole("button", { name: "Try it" }).click();
    await loans.getByRole("button", { name: "Send GET" }).click();
    await expect(loans.getByTestId("try-it-response")).toContainText('"detail": "Insufficient scope"');

    // The key went only into Authorization headers, never a URL or a cookie, and nothing kept it.
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const r of sent) {
      expect(r.authorization).toBe(`Bearer ${key.secret}`);
      expect(r.cookie).toBeUndefined();
      expect(r.url).not.toContain(key.secret);
    }
    expect(page.url()).not.toContain(key.secret);
    const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
    expect(stored).not.toContain(key.secret.slice(16));
    await expect(list.getByText(/curl -X GET/)).toBeHidden();
    await list.getByText("As curl").click();
    await expect(list.getByText(/\$COPA_API_KEY/)).toBeVisible();
    expect(await list.locator("pre", { hasText: "curl" }).innerText()).not.toContain(key.secret);

    // Reloading forgets it.
    await page.reload();
    await expect(page.getByLabel("Your sandbox key")).toHaveValue("");
  });
});
