// Mail through a real SMTP server (started by scripts/e2e-server.ts): the spec reads the
// mail the portal sent, follows its link like the recipient would, and checks what the
// admin console shows of it. Sign-up and verification run in golden-path.spec.ts.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";
import { linkIn, waitForMail } from "./support/mailbox";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectAccessible(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("forgot password → mailed link → new password; the old session is ended and the link works once", async ({ browser, page, createPartner }) => {
  const partner = await createPartner();
  // A session the partner left open elsewhere.
  const elsewhere = await browser.newContext();
  const elsewherePage = await elsewhere.newPage();
  await signIn(elsewherePage, partner.email, partner.password);

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("E-mail").fill(partner.email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeFocused();

  const mail = await waitForMail(partner.email, /Reset your COPA Developer Portal password/);
  expect(mail.html).toContain("Choose a new password");
  const link = linkIn(mail, "/reset-password?token=");
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Use at least 12 characters")).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill("seven brisk otters juggle lanterns");
  await page.getByLabel("New password again").fill("seven brisk otters juggle lanterns");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=1$/);
  await expect(page.getByText("Your password was changed and every session of your account ended.")).toBeVisible();

  // The session left open elsewhere is over.
  await elsewherePage.goto("/keys");
  await expect(elsewherePage).toHaveURL(/\/sign-in/);
  await elsewhere.close();

  // The link is spent; the new password signs in, and a security notice was mailed.
  await page.goto(link);
  await expect(page.getByText("This link has expired or was already used.")).toBeVisible();
  await signIn(page, partner.email, "seven brisk otters juggle lanterns");
  await waitForMail(partner.email, /Your COPA Developer Portal password was changed/);
});

test("admins read every mail at /admin/mail with its status and preview; one-time links stay hidden", async ({ adminPage, createPartner }) => {
  const partner = await createPartner();
  // The factory's sign-up queued a verification mail; the worker sends it.
  await waitForMail(partner.email, /Confirm your e-mail address/);
  await adminPage.goto(`/admin/mail?to=${encodeURIComponent(partner.email)}`);
  const row = adminPage.getByRole("row", { name: /Confirm your e-mail address/ });
  await expect(row).toContainText("sent");
  await expectAccessible(adminPage);
  await row.getByRole("link").click();
  await expect(adminPage.getByRole("heading", { level: 1 })).toContainText("Confirm your e-mail address for the COPA Developer Portal");
  await expect(adminPage.getByRole("heading", { level: 3, name: "Confirm your e-mail address" })).toBeVisible();
  await expect(adminPage.getByText("[one-time link, hidden]").first()).toBeVisible();
  await expect(adminPage.locator("body")).not.toContainText("/verify-email?token=");
  await expectAccessible(adminPage);
});
