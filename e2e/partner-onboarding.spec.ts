// Account and organisation: sign up through the UI, onboarding, sign-in errors and the
// callbackUrl rules, and the comfort redirects for anonymous visitors.
import { randomBytes } from "node:crypto";
import { expect, signIn, test } from "./fixtures";
import { factory } from "./support/factory";
import { allMailTo, waitForMail } from "./support/mailbox";

test("sign up through the UI, sign in before confirming the address, then onboarding creates the organisation with the user as owner", async ({ page }) => {
  const suffix = randomBytes(4).toString("hex");
  const email = `new-${suffix}@sacco.example`;

  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Jeanne Mukamana");
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();

  await page.getByLabel("Password").fill("four random words here");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeFocused();
  await expect(page.getByText(`We sent a mail to ${email}`)).toBeVisible();

  // Signing in works before the address is confirmed; a banner says what waits for it.
  await signIn(page, email, "four random words here");
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { name: "Tell us who you build for" })).toBeVisible();
  await expect(page.getByTestId("verify-email-banner")).toContainText("not request API keys or reveal them");

  // Rwanda is preselected; the contact address defaults to the user's.
  await expect(page.getByLabel("Country")).toHaveValue("RW");
  await expect(page.getByLabel("Contact e-mail")).toHaveValue(email);
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText("Enter the organisation's legal name")).toBeVisible();
  await expect(page.getByText("Choose what kind of organisation this is")).toBeVisible();

  await page.getByLabel("Legal name").fill(`Umurenge SACCO ${suffix}`);
  await page.getByLabel("Kind of organisation").selectOption("microfinance");
  await page.getByLabel("Website (optional)").fill("not a url");
  await page.getByRole("button", { name: "Create organisation" }).click();
  await expect(page.getByText("Enter a full address starting with https://")).toBeVisible();
  await page.getByLabel("Website (optional)").fill("https://sacco.example.rw");
  await page.getByRole("button", { name: "Create organisation" }).click();

  await expect(page).toHaveURL(/\/requests\/new\?welcome=1$/);
  await expect(page.getByText("Your organisation is set up")).toBeVisible();

  const membership = await factory<{ role: string; organization: Record<string, unknown> } | null>("membershipOf", { email });
  expect(membership?.role).toBe("owner");
  expect(membership?.organization).toMatchObject({ legalName: `Umurenge SACCO ${suffix}`, kind: "microfinance", country: "RW", website: "https://sacco.example.rw", contactEmail: email });

  // With an organisation, onboarding is behind them.
  await page.goto("/onboarding");
  await expect(page).toHaveURL(/\/keys$/);
});

test("signing up with an e-mail that already has an account does not say so", async ({ page, createPartner }) => {
  const existing = await createPartner();
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Someone Else");
  await page.getByLabel("Work e-mail").fill(existing.email);
  await page.getByLabel("Password").fill("another long passphrase");
  await page.getByRole("button", { name: "Create account" }).click();
  // Sign-up's answer is the one a new address gets, word for word; the owner is told by mail.
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeFocused();
  await expect(page.getByText(`We sent a mail to ${existing.email}. Follow its link to confirm your address`)).toBeVisible();
  await expect(page.getByText("already exists")).toHaveCount(0);
  const notice = await waitForMail(existing.email, /Someone tried to sign up with your address/);
  expect(notice.text).toContain(`Hello ${existing.name},`);
  // No second verification link: the only one is from when the account was created.
  expect((await allMailTo(existing.email)).filter((m) => m.subject === "Confirm your e-mail address for the COPA Developer Portal")).toHaveLength(1);
});

test("a wrong password shows an inline error and stays on the sign-in page", async ({ page, createPartner }) => {
  const partner = await createPartner();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(partner.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The e-mail or password is not correct." })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an anonymous visitor to /keys is sent to sign in and comes back afterwards", async ({ page, createPartner }) => {
  const partner = await createPartner();
  await page.goto("/keys");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fkeys$/);
  await page.getByLabel("E-mail").fill(partner.email);
  await page.getByLabel("Password").fill(partner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/keys$/);
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
});

test("an off-site callbackUrl is ignored after sign-in", async ({ page, createPartner }) => {
  const partner = await createPartner();
  for (const callbackUrl of ["https://evil.example/keys", "//evil.example/keys"]) {
    await page.context().clearCookies();
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    await page.getByLabel("E-mail").fill(partner.email);
    await page.getByLabel("Password").fill(partner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The default landing page sends a partner with an organisation to their keys.
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/keys$/);
  }
});

test("a signed-in partner who opens the sign-in page goes straight on", async ({ page, createPartner }) => {
  const partner = await createPartner();
  await signIn(page, partner.email, partner.password);
  await page.goto("/sign-in?callbackUrl=%2Frequests");
  await expect(page).toHaveURL(/\/requests$/);
});
