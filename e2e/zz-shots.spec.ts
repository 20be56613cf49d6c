import { expect, test } from "./fixtures";
import { waitForMail } from "./support/mailbox";

test("screenshots", async ({ adminPage, partnerPage: { page, partner }, createPartner }) => {
  const other = await createPartner();
  await waitForMail(other.email, /Confirm your e-mail address/);
  await adminPage.goto("/admin/mail");
  await adminPage.screenshot({ path: "/tmp/shot-admin-mail.png", fullPage: true });
  await adminPage.goto(`/admin/mail?to=${encodeURIComponent(other.email)}`);
  await adminPage.getByRole("row", { name: /Confirm/ }).getByRole("link").click();
  await expect(adminPage.getByRole("heading", { level: 3 })).toBeVisible();
  await adminPage.screenshot({ path: "/tmp/shot-admin-mail-detail.png", fullPage: true });
  await adminPage.emulateMedia({ colorScheme: "dark" });
  await adminPage.screenshot({ path: "/tmp/shot-admin-mail-detail-dark.png", fullPage: true });
  await page.goto("/team");
  await page.getByLabel("Colleague's e-mail").fill(`someone-${Date.now()}@bank.example`);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("We mailed an invitation")).toBeVisible();
  await page.screenshot({ path: "/tmp/shot-team.png", fullPage: true });
  await page.goto("/sign-up");
  await page.goto("/forgot-password");
  await page.screenshot({ path: "/tmp/shot-forgot.png" });
  expect(partner.email).toBeTruthy();
});
