// The team page (owners add, re-role and remove colleagues; an organisation keeps an
// owner) and the account page's "sign out everywhere".
import { expect, signIn, test } from "./fixtures";
import { factory } from "./support/factory";

type Account = { email: string; password: string; name: string; userId: string };

test("an owner adds an existing account, changes its role and removes it", async ({ partnerPage: { page } }) => {
  const colleague = await factory<Account>("createAccount");
  await page.goto("/team");
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();

  await page.getByLabel("Colleague's e-mail").fill("nobody-here@bank.example");
  await page.getByRole("button", { name: "Add to team" }).click();
  await expect(page.getByText("We could not add this address.", { exact: false })).toBeVisible();

  await page.getByLabel("Colleague's e-mail").fill(colleague.email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Add to team" }).click();
  await expect(page.getByText(`${colleague.email} can now sign in`)).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(colleague.name) });
  await expect(row.getByText("Viewer").filter({ visible: true })).toBeVisible();

  await row.getByLabel(`Role of ${colleague.name}`).selectOption("developer");
  await expect(row.getByText("Developer").filter({ visible: true }).first()).toBeVisible();

  await row.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog", { name: `Remove ${colleague.name}?` }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("row", { name: new RegExp(colleague.name) })).toHaveCount(0);
});

test("the last owner cannot leave or demote themselves", async ({ partnerPage: { page, partner } }) => {
  await page.goto("/team");
  const row = page.getByRole("row", { name: new RegExp(partner.name) });
  await row.getByLabel(`Role of ${partner.name}`).selectOption("viewer");
  await expect(row.getByText("needs at least one owner", { exact: false })).toBeVisible();
  await expect(row.getByLabel(`Role of ${partner.name}`)).toHaveValue("owner");
});

test("a developer sees the team but cannot manage it", async ({ browser, createPartner, partnerPage: { partner: owner } }) => {
  const developer = await createPartner({ role: "developer", organizationId: owner.organizationId });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, developer.email, developer.password);
  await page.goto("/team");
  await expect(page.getByRole("row", { name: new RegExp(owner.name) })).toBeVisible();
  await expect(page.getByText("Only owners manage the team.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to team" })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await context.close();
});

test("“Sign out everywhere” ends the sessions on every device", async ({ browser, partnerPage: { page, partner } }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, partner.email, partner.password);
  await otherPage.goto("/keys");
  await expect(otherPage.getByRole("heading", { name: "API keys" })).toBeVisible();

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("dialog", { name: "Sign out on every device?" }).getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1$/);
  await expect(page.getByText("You have been signed out on every device.")).toBeVisible();

  // The other device still holds its cookie, but the session behind it is gone.
  await otherPage.goto("/keys");
  await expect(otherPage).toHaveURL(/\/sign-in\?callbackUrl=%2Fkeys$/);
  await other.close();
});
