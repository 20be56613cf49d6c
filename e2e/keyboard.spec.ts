// Every flow done with the keyboard alone: Tab to reach a control, Enter/Space/typing to
// use it, and focus put somewhere deliberate after each in-page change (never <body>).
// Accounts and rows come from the factories; only the flow under test is driven by keys.
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { approvedKeyFor, submitRequestFor } from "./partner-support";
import { linkIn, waitForMail } from "./support/mailbox";

/** Presses Tab (or Shift+Tab) until `target` has focus; fails if it is not reached. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`not reached by ${back ? "Shift+Tab" : "Tab"} in ${max} presses: ${target}`);
}

/** Focus is on a real element of the page, not lost to <body>. */
async function expectFocusKept(page: Page) {
  await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).not.toBe("BODY");
}

test("@ui keyboard: the skip link, then sign up and create the organisation", async ({ page }) => {
  const suffix = Date.now().toString(36);
  await page.goto("/sign-up");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  await tabTo(page, page.getByLabel("Full name"));
  await page.keyboard.type("Aline Uwase");
  await page.keyboard.press("Tab");
  await page.keyboard.type(`aline-kb-${suffix}@umurenge.example`);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type("a-long-enough-password");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeFocused({ timeout: 30_000 });

  // The mailed link, then confirming and signing in, all by keyboard.
  const email = `aline-kb-${suffix}@umurenge.example`;
  const verification = await waitForMail(email, /Confirm your e-mail address/);
  await page.goto(linkIn(verification, "/verify-email?token="));
  await tabTo(page, page.getByRole("button", { name: "Confirm my address" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Your address is confirmed" })).toBeFocused();
  await page.goto("/sign-in");
  await tabTo(page, page.getByLabel("E-mail"));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type("a-long-enough-password");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { name: "Tell us who you build for" })).toBeVisible({ timeout: 30_000 });
  await tabTo(page, page.getByLabel("Legal name"));
  await page.keyboard.type(`Umurenge SACCO ${suffix}`);
  await tabTo(page, page.getByLabel("Kind of organisation"));
  await page.keyboard.press("m"); // a native select answers to the first letter: microfinance
  await expect(page.getByLabel("Kind of organisation")).toHaveValue("microfinance");
  await tabTo(page, page.getByRole("button", { name: "Create organisation" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/requests\/new/, { timeout: 30_000 });
  await expectFocusKept(page);
});

test("@ui keyboard: request a key", async ({ partnerPage: { page } }) => {
  await page.goto("/requests/new");
  await tabTo(page, page.getByLabel("Key name"));
  await page.keyboard.type("Keyboard loan checks");
  await tabTo(page, page.getByLabel("What will you build?"));
  await page.keyboard.type("Our loan officers confirm that an applicant is an active member of a registered cooperative.");

  // The recommended pair: the button stays focused (not disabled under the user) and says what it did.
  const recommended = page.getByRole("button", { name: "Use the recommended pair" });
  await tabTo(page, recommended);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Recommended pair selected" })).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Selected: cooperatives:read and members:read" })).toBeAttached();

  await tabTo(page, page.getByRole("button", { name: "Submit request" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}(\?|$)/, { timeout: 30_000 });
  await expect(page.getByText("Pending review").first()).toBeVisible();
  await expectFocusKept(page);
});

test("@ui keyboard: an admin approves a request", async ({ createPartner, adminPage: page }) => {
  const partner = await createPartner();
  const { requestId } = await submitRequestFor(partner);
  await page.goto(`/admin/requests/${requestId}`);
  const approve = page.getByRole("button", { name: /^Approve and issue key/ });
  await tabTo(page, approve);
  await page.keyboard.press("Enter");
  await expect(page.getByText(/Approved/).first()).toBeVisible({ timeout: 30_000 });
  await expectFocusKept(page);
});

test("@ui keyboard: reveal, rotate and revoke a key, with focus on the secret and back", async ({ partnerPage: { page, partner } }) => {
  const { keyId, keyName } = await approvedKeyFor(partner, { scopes: ["cooperatives:read"] });
  await page.goto("/keys");

  // Reveal: the secret field takes focus the moment the key appears.
  await tabTo(page, page.getByRole("button", { name: "Reveal key" }));
  await page.keyboard.press("Enter");
  const reveal = page.getByRole("dialog", { name: `Reveal ${keyName}?` });
  await tabTo(page, reveal.getByRole("button", { name: "Reveal the key now" }));
  await page.keyboard.press("Enter");
  const secret = page.getByRole("dialog", { name: `Your key: ${keyName}` }).getByLabel("Secret key");
  await expect(secret).toBeFocused({ timeout: 30_000 });
  await expect(secret).toHaveValue(/^sk_copa_partner_[a-z0-9]{32}$/);
  await tabTo(page, page.getByRole("button", { name: "I've stored it" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Close without copying" })).toBeFocused();
  await page.keyboard.press("Enter");
  // The Reveal button is gone: focus continues at the key's own link.
  const keyLink = page.getByRole("main").locator(`a[href="/keys/${keyId}"]`).first();
  await expect(keyLink).toBeFocused();

  // Client-side navigation puts focus on the new page's heading.
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: keyName })).toBeFocused({ timeout: 30_000 });

  // Rotate: the new secret takes focus; closing continues on the new key's page, at its heading.
  await tabTo(page, page.getByRole("button", { name: "Rotate", exact: true }));
  await page.keyboard.press("Enter");
  const rotate = page.getByRole("dialog", { name: /^Rotate/ });
  await tabTo(page, rotate.getByRole("button", { name: "Rotate key" }));
  await page.keyboard.press("Enter");
  const rotated = page.getByTestId("secret-panel").getByLabel("Secret key");
  await expect(rotated).toBeFocused({ timeout: 30_000 });
  await tabTo(page, page.getByRole("button", { name: "I've stored it" }));
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter"); // "Close without copying"
  await expect(page).not.toHaveURL(new RegExp(`/keys/${keyId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused({ timeout: 30_000 });
  const newKeyName = await page.getByRole("heading", { level: 1 }).innerText();

  // Revoke: type the name to confirm; afterwards focus is on the heading and the change is announced.
  await tabTo(page, page.getByRole("button", { name: "Revoke", exact: true }));
  await page.keyboard.press("Enter");
  const revoke = page.getByRole("dialog", { name: /^Revoke/ });
  await tabTo(page, revoke.getByRole("textbox").first());
  await page.keyboard.type(newKeyName);
  await tabTo(page, revoke.getByRole("button", { name: "Revoke key" }));
  await page.keyboard.press("Enter");
  await expect(revoke).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await expect(page.locator("#live-announcer")).toHaveText(`${newKeyName} is revoked.`);
});

test("@ui keyboard: invite a colleague to the team", async ({ partnerPage: { page } }) => {
  const email = `colleague-kb-${Date.now().toString(36)}@bank.example`;
  await page.goto("/team");
  await tabTo(page, page.getByLabel("Colleague's e-mail"));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel("Role", { exact: true }));
  await page.keyboard.press("v"); // viewer
  await tabTo(page, page.getByRole("button", { name: "Send invitation" }));
  await page.keyboard.press("Enter");
  // Focus lands on the result.
  const result = page.getByRole("status").filter({ hasText: `We mailed an invitation to ${email}` });
  await expect(result).toBeFocused({ timeout: 30_000 });
});

test("@ui keyboard: the docs picker", async ({ page }) => {
  await page.goto("/docs/scopes");
  const picker = page.getByTestId("scope-picker");
  for (const endpoint of ["GET /cooperatives", "GET /cooperatives/{id}/members"]) {
    await tabTo(page, picker.locator(`input[type="checkbox"][value="${endpoint}"]`));
    await page.keyboard.press("Space");
  }
  const result = page.getByTestId("picker-result");
  await expect(result.locator("[aria-live]")).toContainText("2 scopes");
  const link = page.getByTestId("request-these-scopes");
  await tabTo(page, link);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/(sign-in|sign-up|requests\/new)/);
});
