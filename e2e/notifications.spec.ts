// Notifications, one user flow: an admin approves a request; the partner's bell shows
// the unread count, the notification opens the key (and is then read), and the approval
// mail reaches the real SMTP server the e2e server runs. The page passes axe in light
// and dark. Who is notified, preferences, digests and the actions' authorisation are
// covered in tests/integration/notifications.test.ts.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { factory } from "./support/factory";
import { waitForMail } from "./support/mailbox";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

test("an approval reaches the partner: bell with unread count, the notification opens the key, and the mail arrives", async ({ adminPage, partnerPage }) => {
  const { page, partner } = partnerPage;
  const { requestId } = await factory<{ requestId: string }>("submitRequest", { userId: partner.userId, keyName: "Bell key", scopes: ["cooperatives:read", "members:read"] });

  await page.goto("/keys");
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  await adminPage.goto(`/admin/requests/${requestId}`);
  await adminPage.getByRole("checkbox", { name: "members:read", exact: true }).uncheck();
  await adminPage.getByRole("button", { name: /^Approve and issue key/ }).click();
  await expect(adminPage.getByTestId("decision")).toContainText("Approved");

  await page.reload();
  const bell = page.getByRole("link", { name: "Notifications, 1 unread" });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const entry = page.getByTestId("notification").filter({ hasText: '"Bell key" was approved' });
  await expect(entry).toContainText("Granted: cooperatives:read (requested: cooperatives:read, members:read)");
  await expect(entry.getByText("Unread")).toBeVisible();

  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });

  await entry.getByRole("link", { name: '"Bell key" was approved' }).click();
  await expect(page).toHaveURL(/\/keys\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  const mail = await waitForMail(partner.email, /Your request for "Bell key" was approved/);
  expect(mail.text).toContain("Granted scopes: cooperatives:read");
  expect(mail.text).toContain("Requested scopes: cooperatives:read, members:read");
  expect(mail.text).toMatch(/\/keys\/[0-9a-f-]{36}/);

  // The same entry in the reader's language, whatever it was written in: French, then Kinyarwanda.
  const site = new URL("/", page.url()).toString(); // the cookie's path is "/", as the language menu sets it
  await page.context().addCookies([{ name: "copa-locale", value: "fr", url: site }]);
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { name: "Vos notifications", level: 2 })).toBeVisible();
  await expect(page.getByTestId("notification").filter({ hasText: "« Bell key » a été approuvée" })).toContainText("Accordées : cooperatives:read (demandées : cooperatives:read, members:read)");
  await page.context().addCookies([{ name: "copa-locale", value: "rw", url: site }]);
  await page.goto("/notifications");
  await expect(page.getByRole("heading", { name: "Imenyesha", level: 1 })).toBeVisible();
  await expect(page.getByTestId("notification").filter({ hasText: 'Ubusabe bwa "Bell key" bwemejwe' })).toContainText("Uburenganzira bwatanzwe: cooperatives:read");
  await expect(page.locator("main")).not.toContainText("⟦");
});
