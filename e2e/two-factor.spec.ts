// Two-factor from the user's side: enrolment with the keyboard alone (a wrong code
// refused first), sign-in that needs the code (no session without it), recovery codes
// that work once, the admin rule, and the step-up dialog before revealing a key when the
// sign-in is older than ten minutes. Codes are computed with the library the server uses.
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { E2E } from "../playwright.config";
import { expect, nextTotpCode, signIn, test } from "./fixtures";
import { approvedKeyFor } from "./partner-support";
import { factory } from "./support/factory";

async function expectNoViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Moves focus with Tab only until `target` has it. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("could not reach the element with Tab");
}

async function signOut(page: Page) {
  await page.context().clearCookies();
}

test("a partner enrols with the keyboard alone, then signs in with a code, and a recovery code works once", async ({ partnerPage: { page, partner } }) => {
  test.slow();
  await page.goto("/account");
  await tabTo(page, page.getByRole("link", { name: "Set up two-factor" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expectNoViolations(page);

  await tabTo(page, page.getByRole("button", { name: "Set up two-factor" }));
  await page.keyboard.press("Enter");
  const key = page.getByLabel("Setup key");
  await expect(key).toBeVisible();
  // The QR code is an inline SVG with a name; no image request is made for it.
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "1. Add COPA Developers to your app" })).toBeFocused();
  const secret = ((await key.textContent()) ?? "").replace(/\s+/g, "");
  await expectNoViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoViolations(page);
  await page.emulateMedia({ colorScheme: "light" });

  // A wrong code is refused, and nothing is turned on.
  const codeField = page.getByLabel("Authentication code");
  await tabTo(page, codeField);
  const right = await nextTotpCode(secret);
  await page.keyboard.type(right === "000000" ? "111111" : "000000");
  await page.keyboard.press("Enter");
  await expect(page.getByText("That code is not right").first()).toBeVisible();
  await expect(codeField).toHaveAttribute("aria-invalid", "true");

  await codeField.press("ControlOrMeta+a");
  await page.keyboard.type(right);
  await page.keyboard.press("Enter");
  const saved = page.getByRole("heading", { name: "Save your recovery codes" });
  await expect(saved).toBeFocused();
  const recoveryCodes = await page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await expectNoViolations(page);
  await tabTo(page, page.getByRole("button", { name: "I have saved my recovery codes" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText("On: every sign-in asks for a code")).toBeVisible();

  // The password alone no longer makes a session: the form asks for the code.
  await signOut(page);
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(partner.email);
  await page.getByLabel("Password").fill(partner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await expectNoViolations(page);
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("next-auth.session-token");
  const fresh = await page.context().newPage();
  await fresh.goto("/dashboard");
  await expect(fresh).toHaveURL(/\/sign-in/);
  await fresh.close();

  // A wrong code: still no session. The right one: signed in.
  const code = await nextTotpCode(secret);
  await page.getByLabel("Authentication code").fill(code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "That code is not right" })).toBeVisible();
  await page.getByLabel("Authentication code").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });

  // A recovery code signs in once; the same code again is refused.
  for (const expected of ["accepted", "refused"] as const) {
    await signOut(page);
    await page.goto("/sign-in");
    await page.getByLabel("E-mail").fill(partner.email);
    await page.getByLabel("Password").fill(partner.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Use a recovery code" }).click();
    await page.getByLabel("Recovery code").fill(recoveryCodes[0]);
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    if (expected === "accepted") await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 30_000 });
    else await expect(page.getByRole("alert").filter({ hasText: "already used" })).toBeVisible();
  }
});

test("an admin without two-factor is sent from /admin to enrol", async ({ browser }) => {
  const admin = await factory<{ email: string; password: string }>("createAdmin", { twoFactor: false });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/account\/two-factor\?required=admin/);
  await expect(page.getByText("The admin console needs two-factor authentication")).toBeVisible();
  await context.close();
});

test("revealing a key after an old sign-in asks for the password first, then reveals", async ({ browser, createPartner }) => {
  const partner = await createPartner();
  const { keyName } = await approvedKeyFor(partner);
  // A session that signed in 11 minutes ago (its server-side row, backdated) and the
  // cookie next-auth issued for it then (the test knows the e2e server's NEXTAUTH_SECRET).
  const { sessionId } = await factory<{ sessionId: string }>("createSession", { userId: partner.userId, minutesAgo: 11 });
  const token = await encode({ token: { sid: sessionId }, secret: "e2e-secret-not-for-production-0123456789" });
  const context = await browser.newContext();
  await context.addCookies([{ name: "next-auth.session-token", value: token, url: E2E.baseURL, httpOnly: true, sameSite: "Lax" }]);
  const page = await context.newPage();
  await page.goto("/keys");
  await page.getByRole("button", { name: "Reveal key" }).first().click();
  await page.getByRole("dialog", { name: `Reveal ${keyName}?` }).getByRole("button", { name: "Reveal the key now" }).click();

  const stepUp = page.getByRole("dialog", { name: "Confirm it is you" });
  await expect(stepUp).toBeVisible();
  await expect(stepUp.getByLabel("Password")).toBeFocused();
  await expectNoViolations(page);
  await stepUp.getByLabel("Password").fill("not my password at all");
  await stepUp.getByRole("button", { name: "Confirm" }).click();
  await expect(stepUp.getByRole("alert")).toContainText("That password is not right");

  await stepUp.getByLabel("Password").fill(partner.password);
  await stepUp.getByRole("button", { name: "Confirm" }).click();
  await expect(stepUp).toBeHidden();
  await expect(page.getByRole("dialog", { name: `Your key: ${keyName}` }).getByLabel("Secret key")).toHaveValue(/^sk_copa_partner_[a-z0-9]{32}$/);
  await context.close();
});
