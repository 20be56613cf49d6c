// Scope changes on a live key (issue 11): the partner asks to add a scope from the key's
// page, an admin approves it from the scope-change queue, and the API service allows the
// next call with the same secret; a removal applies at once and the next call is refused.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { E2E } from "../playwright.config";
import { issueKey } from "./api-support";
import { expect, signInWithoutForm, test } from "./fixtures";

async function expectNoAxeViolations(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("scope change up and down: the API answers accordingly on the next call, same secret", async ({ browser, adminPage, request }) => {
  const key = await issueKey(["cooperatives:read", "members:read"]);
  const api = (path: string) => request.get(`${E2E.apiURL}/api/v1${path}`, { headers: { Authorization: `Bearer ${key.secret}` } });
  expect((await api("/loans")).status()).toBe(403);

  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithoutForm(page, key.email, key.password);
  await page.goto(`/keys/${key.keyId}`);
  await page.getByRole("checkbox", { name: "Add loans:read" }).check();
  await page.getByLabel("Reason").fill("Our loan officers now check members' repayment history too.");
  await page.getByRole("button", { name: "Ask COPA" }).click();
  await expect(page.getByTestId("scope-change-outcome")).toContainText("Asked COPA to add loans:read");
  await expect(page.getByTestId("scope-change-outcome")).toBeFocused();
  await expect(page.getByTestId("pending-scope-change")).toContainText("Waiting for COPA");
  await expectNoAxeViolations(page);
  expect((await api("/loans")).status()).toBe(403);

  await adminPage.goto("/admin/scope-changes");
  await expectNoAxeViolations(adminPage);
  await adminPage.getByRole("link", { name: key.keyName }).click();
  await expect(adminPage.getByTestId("scope-change-review")).toContainText("Our loan officers now check");
  await adminPage.getByRole("button", { name: "Approve scope change" }).click();
  await expect(adminPage.getByTestId("scope-change-review")).toHaveCount(0);
  expect((await api("/loans")).status()).toBe(200);

  await page.reload();
  await expect(page.getByTestId("key-history")).toContainText("Scope change approved");
  await page.getByRole("checkbox", { name: "Remove members:read" }).check();
  await page.getByLabel("Reason").fill("We stopped reading member records in this service.");
  await page.getByRole("button", { name: "Change scopes" }).click();
  await expect(page.getByTestId("scope-change-outcome")).toContainText("Removed at once: members:read");
  expect((await api("/members")).status()).toBe(403);
  expect((await api("/cooperatives")).status()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("key-history").locator("li").first()).toContainText("Scopes changed");
  await expect(page.getByTestId("key-history").locator("li").first()).toContainText("− members:read");
  await context.close();
});
