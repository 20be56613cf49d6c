// The team page (owners invite, re-role and remove colleagues; nobody joins without
// accepting the mailed invitation; an organisation keeps an owner) and the account page's
// "sign out everywhere".
import { expect, signIn, signInWithoutForm, test } from "./fixtures";
import { factory } from "./support/factory";
import { linkIn, waitForMail } from "./support/mailbox";

type Account = { email: string; password: string; name: string; userId: string };

test("an owner invites an existing account, who accepts from the mail; then re-role and remove", async ({ browser, partnerPage: { page, partner } }) => {
  const colleague = await factory<Account>("createAccount");
  await page.goto("/team");
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();

  await page.getByLabel("Colleague's e-mail").fill(colleague.email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`We mailed an invitation to ${colleague.email}`)).toBeVisible();
  // Invited, not a member: listed as pending until they accept.
  const pending = page.getByRole("region", { name: /Pending invitations/ });
  await expect(pending.getByRole("row", { name: new RegExp(colleague.email) })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(colleague.name) })).toHaveCount(0);

  // The colleague, in their own browser, follows the mailed link, signs in and accepts.
  const mail = await waitForMail(colleague.email, /invited you to/);
  expect(mail.text).toContain(partner.organizationName);
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(linkIn(mail, "/invitations/accept?token="));
  await expect(invitee.getByRole("heading", { name: `Join ${partner.organizationName}` })).toBeVisible();
  await invitee.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(invitee.getByRole("heading", { name: "Sign in to COPA Developers" })).toBeVisible();
  await invitee.getByLabel("E-mail").fill(colleague.email);
  await invitee.getByLabel("Password").fill(colleague.password);
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await invitee.getByRole("button", { name: `Join ${partner.organizationName}` }).click();
  await expect(invitee).toHaveURL(/\/team\?joined=1$/);
  await context.close();

  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(colleague.name) });
  await expect(row.getByText("Viewer").filter({ visible: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Pending invitations/ })).toHaveCount(0);

  await row.getByLabel(`Role of ${colleague.name}`).selectOption("developer");
  await expect(row.getByText("Developer").filter({ visible: true }).first()).toBeVisible();

  await row.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("dialog", { name: `Remove ${colleague.name}?` }).getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("row", { name: new RegExp(colleague.name) })).toHaveCount(0);
});

test("a newcomer invited by mail creates an account from the invitation and joins", async ({ browser, partnerPage: { page, partner } }) => {
  const email = `newcomer-${Date.now()}@bank.example`;
  await page.goto("/team");
  await page.getByLabel("Colleague's e-mail").fill(email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`We mailed an invitation to ${email}`)).toBeVisible();

  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(linkIn(await waitForMail(email, /invited you to/), "/invitations/accept?token="));
  await invitee.getByRole("link", { name: "Create an account" }).click();
  await expect(invitee.getByRole("heading", { name: "Create your COPA developer account" })).toBeVisible();
  await invitee.getByLabel("Full name").fill("Eric Newcomer");
  await invitee.getByLabel("Work e-mail").fill(email);
  await invitee.getByLabel("Password").fill("four random words here");
  await invitee.getByRole("button", { name: "Create account" }).click();
  await expect(invitee.getByRole("heading", { name: "Check your inbox" })).toBeFocused();
  await invitee.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(invitee.getByRole("heading", { name: "Sign in to COPA Developers" })).toBeVisible();
  await invitee.getByLabel("E-mail").fill(email);
  await invitee.getByLabel("Password").fill("four random words here");
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await invitee.getByRole("button", { name: `Join ${partner.organizationName}` }).click();
  await expect(invitee).toHaveURL(/\/team\?joined=1$/);
  // Accepting the mailed link confirmed the address: no verification banner.
  await expect(invitee.getByTestId("verify-email-banner")).toHaveCount(0);
  await context.close();
});

test("the last owner cannot leave or demote themselves", async ({ partnerPage: { page, partner } }) => {
  await page.goto("/team");
  const row = page.getByRole("row", { name: new RegExp(partner.name) });
  await row.getByLabel(`Role of ${partner.name}`).selectOption("viewer");
  await expect(row.getByText("needs at least one owner", { exact: false })).toBeVisible();
  await expect(row.getByLabel(`Role of ${partner.name}`)).toHaveValue("owner");
  await page.getByRole("button", { name: `Leave ${partner.organizationName}` }).click();
  const dialog = page.getByRole("dialog", { name: `Leave ${partner.organizationName}?` });
  await dialog.getByRole("button", { name: "Leave" }).click();
  await expect(dialog.getByText("You are the only owner.", { exact: false })).toBeVisible();
});

test("a developer sees the team but cannot manage it", async ({ browser, createPartner, partnerPage: { partner: owner } }) => {
  const developer = await createPartner({ role: "developer", organizationId: owner.organizationId });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithoutForm(page, developer.email, developer.password);
  await page.goto("/team");
  await expect(page.getByRole("row", { name: new RegExp(owner.name) })).toBeVisible();
  await expect(page.getByText("Only owners manage the team.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
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

test("@ui the team page speaks French and Kinyarwanda", async ({ partnerPage: { page, partner } }) => {
  for (const [locale, words] of [
    ["fr", { title: "Équipe", invite: "Envoyer l’invitation", role: "Propriétaire", leave: `Quitter ${partner.organizationName}`, invalid: "Saisissez une adresse e-mail valide", email: "Adresse e-mail du collègue" }],
    ["rw", { title: "Itsinda", invite: "Ohereza ubutumire", role: "Nyir’ikigo", leave: `Va muri ${partner.organizationName}`, invalid: "Andika imeyili yemewe", email: "Imeyili ya mugenzi wawe" }],
  ] as const) {
    await page.context().addCookies([{ name: "copa-locale", value: locale, url: test.info().project.use.baseURL as string }]);
    await page.goto("/team");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1, name: words.title })).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(partner.name) }).getByText(words.role, { exact: true }).first()).toBeVisible();
    await expect(page.getByRole("button", { name: words.leave })).toBeVisible();
    // The invitation form's field error, from the shared schema, in the reader's language.
    await page.getByLabel(words.email).fill("not-an-address");
    await page.getByRole("button", { name: words.invite }).click();
    await expect(page.getByText(words.invalid)).toBeVisible();
    await expect(page.locator("body")).not.toContainText("⟦");
    await expect(page.locator("body")).not.toContainText("team.errors.");
  }
});
