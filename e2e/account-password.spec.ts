// Changing a password on the account page: common and breached passwords are refused with
// a field error, the current password is required, and the change ends every other
// session while this browser stays signed in.
import AxeBuilder from "@axe-core/playwright";
import { expect, signIn, test } from "./fixtures";

const NEW_PASSWORD = "umuganda-ikawa-7-inyange";

test("a password change keeps this browser signed in and ends every other session", async ({ browser, partnerPage: { page, partner } }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, partner.email, partner.password);
  await otherPage.goto("/keys");
  await expect(otherPage.getByRole("heading", { name: "API keys" })).toBeVisible();

  await page.goto("/account");
  const form = page.getByRole("form", { name: "Change password" });
  const current = form.getByLabel("Current password");
  const fresh = form.getByLabel("New password", { exact: true });
  const confirm = form.getByLabel("Confirm new password");

  // Keyboard only: type, Tab to the next field, Enter submits.
  await current.focus();
  await page.keyboard.type("not-my-password-at-all");
  await page.keyboard.press("Tab");
  await expect(fresh).toBeFocused();
  await page.keyboard.type("Password123!");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Password123!");
  await page.keyboard.press("Enter");
  await expect(form.getByText("lists of common and breached passwords")).toBeVisible();
  await expect(fresh).toHaveAttribute("aria-invalid", "true");

  await fresh.fill(NEW_PASSWORD);
  await confirm.fill(NEW_PASSWORD);
  await confirm.press("Enter");
  // The server checks the current password: wrong, nothing changes.
  await expect(form.getByText("This is not your current password")).toBeVisible();
  await expect(current).toBeFocused();

  await current.fill(partner.password);
  await fresh.fill(NEW_PASSWORD);
  await confirm.fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByRole("status")).toContainText("you stay signed in here");
  await expect(current).toHaveValue("");

  // This browser carries on, across pages and reloads.
  await page.goto("/keys");
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();

  // The other device's session is over.
  await otherPage.goto("/keys");
  await expect(otherPage).toHaveURL(/\/sign-in\?callbackUrl=%2Fkeys$/);

  // The old password no longer signs in; the new one does.
  await otherPage.getByLabel("E-mail").fill(partner.email);
  await otherPage.getByLabel("Password").fill(partner.password);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage.getByRole("alert").filter({ hasText: "not correct" })).toBeVisible();
  await signIn(otherPage, partner.email, NEW_PASSWORD);
  await other.close();
});

test("sign-up refuses a breached password with a field error", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Full name").fill("Aline Uwase");
  await page.getByLabel("Work e-mail").fill(`aline-${Date.now()}@bank.example`);
  await page.getByLabel("Password").fill("iloveyou1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("lists of common and breached passwords")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up/);
});

test("the account page has no accessibility violations, errors shown", async ({ partnerPage: { page } }) => {
  await page.goto("/account");
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Enter your current password")).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});

// The account area in the portal's other languages (the locale cookie, as the language menu
// sets it): every word translated, field errors too, and no missing message (⟦key⟧).
const LOCALES = {
  fr: {
    signIn: "Se connecter à COPA Developers",
    signInButton: "Se connecter",
    emailError: "Saisissez une adresse e-mail valide",
    signUp: "Créez votre compte développeur COPA",
    fullName: "Nom complet",
    createAccount: "Créer le compte",
    shortPassword: "Utilisez au moins 12 caractères",
    privacy: "Politique de confidentialité",
    account: "Votre compte",
    changePassword: "Changer le mot de passe",
    currentPassword: "Mot de passe actuel",
    currentMissing: "Saisissez votre mot de passe actuel",
    newPassword: "Nouveau mot de passe",
    confirmPassword: "Confirmer le nouveau mot de passe",
    wrongCurrent: "Ce n'est pas votre mot de passe actuel",
    thisBrowser: "Ce navigateur",
  },
  rw: {
    signIn: "Injira muri COPA Developers",
    signInButton: "Injira",
    emailError: "Andika aderesi ya imeyili yemewe",
    signUp: "Fungura konti yawe y'umuhanga muri COPA",
    fullName: "Amazina yombi",
    createAccount: "Fungura konti",
    shortPassword: "Koresha nibura inyuguti 12",
    privacy: "Itangazo ku buzima bwite",
    account: "Konti yawe",
    changePassword: "Hindura ijambobanga",
    currentPassword: "Ijambobanga usanganywe",
    currentMissing: "Andika ijambobanga ryawe usanganywe",
    newPassword: "Ijambobanga rishya",
    confirmPassword: "Emeza ijambobanga rishya",
    wrongCurrent: "Iri si ryo jambobanga ryawe usanganywe",
    thisBrowser: "Iyi mushakisha",
  },
} as const;

test("@ui sign-in, sign-up and the privacy notice speak French and Kinyarwanda, field errors included", async ({ page, baseURL }) => {
  test.slow(); // two languages, each through three pages
  for (const [locale, words] of Object.entries(LOCALES)) {
    await page.context().addCookies([{ name: "copa-locale", value: locale, url: baseURL! }]);
    await page.goto("/sign-in");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.signIn);
    await page.getByRole("main").getByRole("button", { name: words.signInButton, exact: true }).click();
    await expect(page.getByText(words.emailError)).toBeVisible();
    await expect(page.locator("body")).not.toContainText("⟦");

    await page.goto("/sign-up");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.signUp);
    await page.getByLabel(words.fullName).fill("Aline Uwase");
    await page.locator('input[type="email"]').fill(`aline-${locale}-${Date.now()}@bank.example`);
    await page.locator('input[type="password"]').fill("short");
    await page.getByRole("button", { name: words.createAccount }).click();
    await expect(page.getByText(words.shortPassword)).toBeVisible();
    await expect(page.locator("body")).not.toContainText("⟦");

    await page.getByRole("contentinfo").getByRole("link", { name: words.privacy }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.privacy);
    await expect(page).toHaveTitle(new RegExp(`^${words.privacy}`));
    await expect(page.locator("body")).not.toContainText("⟦");
  }
});

test("the account page speaks French and Kinyarwanda, the form's and the server's errors included", async ({ partnerPage: { page }, baseURL }) => {
  test.slow(); // two languages, each with a server-side password check (argon2)
  for (const [locale, words] of Object.entries(LOCALES)) {
    await page.context().addCookies([{ name: "copa-locale", value: locale, url: baseURL! }]);
    await page.goto("/account");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.account);
    await expect(page.getByText(words.thisBrowser, { exact: true })).toBeVisible();
    const form = page.getByRole("form", { name: words.changePassword });
    await form.getByRole("button", { name: words.changePassword }).click();
    await expect(form.getByText(words.currentMissing)).toBeVisible();
    // The server's answer, translated by the action wrapper.
    await form.getByLabel(words.currentPassword).fill("not-my-password-at-all");
    await form.getByLabel(words.newPassword, { exact: true }).fill(NEW_PASSWORD);
    await form.getByLabel(words.confirmPassword).fill(NEW_PASSWORD);
    await form.getByRole("button", { name: words.changePassword }).click();
    await expect(form.getByText(words.wrongCurrent)).toBeVisible();
    await expect(page.locator("body")).not.toContainText("⟦");
  }
});
