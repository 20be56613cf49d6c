// The key policy page (issue 11, items 4 and 5): an admin turns instant sandbox keys on,
// a partner's read-only sandbox request is approved at once by the system, and the key
// answers on the API service straight away. The e2e database starts with instant keys off
// (scripts/e2e-server.ts), because other specs expect their sandbox requests pending: this
// test turns them on for loans:read alone (a scope no other spec requests on its own) and
// off again at the end.
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { E2E } from "../playwright.config";
import { expect, signInWithoutForm, test } from "./fixtures";

// The tests below edit the one stored key policy, each saving the whole form: one at a
// time, in order, in one worker, so neither saves over the other's change.
test.describe.configure({ mode: "default" });

async function setInstantKeys(adminPage: Page, enabled: boolean) {
  await adminPage.goto("/admin/policy");
  const instant = adminPage.getByRole("checkbox", { name: /Approve sandbox requests for read-only scopes at once/ });
  await instant.setChecked(enabled);
  for (const scope of ["cooperatives:read", "members:read", "loans:read", "payments:read"]) {
    // On: loans:read only. Off: back to the default list.
    await adminPage.getByRole("checkbox", { name: `Read-only scopes that qualify: ${scope}` }).setChecked(!enabled || scope === "loans:read");
  }
  await adminPage.getByRole("button", { name: "Save the key policy" }).click();
  await expect(adminPage.getByTestId("key-policy-form").getByRole("status")).toContainText("Key policy saved");
}

test("instant sandbox key: the admin turns it on, the partner's read-only request is approved at once and calls /api/v1", async ({ adminPage, browser, createPartner, request }) => {
  // Two admin saves, a sign-in (argon2) and a reveal: allow for a busy machine.
  test.slow();
  const partner = await createPartner();
  const keyName = `Loan book ${randomBytes(3).toString("hex")}`;
  await setInstantKeys(adminPage, true);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInWithoutForm(page, partner.email, partner.password);
    await page.goto("/requests/new");
    await page.getByLabel("Key name").fill(keyName);
    await page.getByRole("radio", { name: /Partner/ }).check();
    await page.getByRole("radio", { name: /Sandbox/ }).check();
    await page.getByLabel("What will you build?").fill("Our credit team reads the loan book of partner cooperatives to plan refinancing.");
    await page.getByLabel("loans:read").check();
    await page.getByRole("button", { name: "Submit request" }).click();
    await expect(page).toHaveURL(/\/requests\/[0-9a-f-]+/);
    await expect(page.getByText("Approved").first()).toBeVisible();

    await page.goto("/keys");
    await page.getByRole("button", { name: "Reveal key" }).first().click();
    await page.getByRole("dialog", { name: `Reveal ${keyName}?` }).getByRole("button", { name: "Reveal the key now" }).click();
    const secret = await page.getByRole("dialog", { name: `Your key: ${keyName}` }).getByLabel("Secret key");
    await expect(secret).toHaveValue(/^sk_copa_partner_[a-z0-9]{32}$/);
    const key = await secret.inputValue();

    // The API service (E2E_PORT + 1) answers at once; the key holds loans:read and nothing else.
    const loans = await request.get(`${E2E.apiURL}/api/v1/loans?page_size=1`, { headers: { Authorization: `Bearer ${key}` } });
    expect(loans.status()).toBe(200);
    expect(await loans.json()).toMatchObject({ count: expect.any(Number), results: expect.any(Array) });
    const members = await request.get(`${E2E.apiURL}/api/v1/members`, { headers: { Authorization: `Bearer ${key}` } });
    expect(members.status()).toBe(403);
    await context.close();
  } finally {
    await setInstantKeys(adminPage, false);
  }
});

async function setSystemProductionLifetime(adminPage: Page, days: number) {
  await adminPage.goto("/admin/policy");
  await adminPage.locator("#lifetime-system-production").fill(String(days));
  await adminPage.getByRole("button", { name: "Save the key policy" }).click();
  await expect(adminPage.getByTestId("key-policy-form").getByRole("status")).toContainText("Key policy saved");
}

test("the request form describes the key policy in force, not the defaults", async ({ adminPage, partnerPage: { page } }) => {
  // System keys: no other spec requests them in production, so shortening their lifetime
  // for the length of this test changes nothing elsewhere.
  await setSystemProductionLifetime(adminPage, 60);
  try {
    await page.goto("/requests/new");
    // The System choice's line (the only key type whose sandbox keys need not expire and
    // whose production keys do, besides Partner's "1 year").
    await expect(page.getByText(/production keys expire within 60 days/)).toBeVisible();
    await expect(page.getByText(/production keys expire within 180 days/)).toHaveCount(0);
  } finally {
    await setSystemProductionLifetime(adminPage, 180);
  }
});

test("the key policy page speaks French and Kinyarwanda @ui", async ({ adminPage }) => {
  for (const [locale, title] of [
    ["fr", "Politique des clés"],
    ["rw", "Amabwiriza y'imfunguzo"],
  ] as const) {
    await adminPage.context().addCookies([{ name: "copa-locale", value: locale, url: E2E.baseURL }]);
    await adminPage.goto("/admin/policy");
    await expect(adminPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(adminPage.locator("main")).not.toContainText("⟦");
  }
  await adminPage.context().clearCookies({ name: "copa-locale" });
});
