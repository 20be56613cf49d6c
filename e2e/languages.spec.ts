// The portal's language: the browser's Accept-Language first, then the visitor's choice in
// the header's language menu (kept on this browser), and for a signed-in user the choice
// saved on the account, which follows them to another browser.
import { expect, signIn, test } from "./fixtures";

test("a French browser gets the portal in French, and the language menu switches it to Kinyarwanda by keyboard", async ({ browser }) => {
  const context = await browser.newContext({ locale: "fr-FR", extraHTTPHeaders: { "Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5" } });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/coopératives du Rwanda/);
  await expect(page.locator("header").getByRole("link", { name: "Documentation", exact: true })).toBeVisible();
  await expect(page.locator("body")).not.toContainText("⟦");

  // The menu is a disclosure: Enter opens it, Tab reaches the languages, Enter chooses.
  const menu = page.locator("header summary", { hasText: "Langue : Français" });
  await menu.focus();
  await page.keyboard.press("Enter");
  const kinyarwanda = page.getByRole("button", { name: "Ikinyarwanda" });
  await expect(kinyarwanda).toBeVisible();
  await expect(page.getByRole("button", { name: "Français" })).toHaveAttribute("aria-pressed", "true");
  await kinyarwanda.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "rw");
  await expect(page.locator("header").getByRole("link", { name: "Inyandiko", exact: true })).toBeVisible();

  // The choice outlives the page: the next visit, despite the French browser, is in Kinyarwanda.
  await page.goto("/docs");
  await expect(page.locator("html")).toHaveAttribute("lang", "rw");
  await context.close();
});

test("a language chosen while signed in is saved on the account and follows the user to another browser", async ({ browser, createPartner }) => {
  const partner = await createPartner();
  const first = await browser.newContext();
  const page = await first.newPage();
  await signIn(page, partner.email, partner.password);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.locator("header summary", { hasText: "Language: English" }).click();
  await page.getByRole("button", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.locator("header").getByRole("link", { name: "Clés d'API" })).toBeVisible();
  await first.close();

  // A new browser asking for English: signed out it is English, signed in the account's French wins.
  const second = await browser.newContext({ extraHTTPHeaders: { "Accept-Language": "en" } });
  const other = await second.newPage();
  await other.goto("/");
  await expect(other.locator("html")).toHaveAttribute("lang", "en");
  await signIn(other, partner.email, partner.password);
  await expect(other.locator("html")).toHaveAttribute("lang", "fr");
  await expect(other.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
  await second.close();
});

test("a language that is not offered is refused without effect", async ({ page }) => {
  await page.goto("/");
  // The form posts a value the menu never offers: the page stays in English.
  await page.locator("header summary", { hasText: "Language: English" }).click();
  await page.getByRole("button", { name: "Français" }).evaluate((button: HTMLButtonElement) => {
    button.value = "de";
  });
  await page.getByRole("button", { name: "Français" }).click();
  await page.waitForLoadState("networkidle");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "copa-locale")).toBeUndefined();
});
