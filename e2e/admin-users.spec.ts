// Account governance takes effect on the user's next request: a disabled partner's open
// page goes to sign-in, a demoted admin loses the console. The seeded admin is never the
// subject here (other specs share its session); each test makes its own users.
import { expect, signIn, test } from "./fixtures";
import { factory } from "./support/factory";

test("disabling a user signs them out on their next request, and they cannot sign in", async ({ adminPage, partnerPage }) => {
  const { page, partner } = partnerPage;
  await page.goto("/requests");
  await expect(page).toHaveURL(/\/requests$/);

  await adminPage.goto(`/admin/users/${partner.userId}`);
  await adminPage.getByRole("button", { name: "Disable account…" }).click();
  await expect(adminPage.getByText(`${partner.email} loses access on their next request`)).toBeVisible();
  await adminPage.getByRole("button", { name: "Disable account", exact: true }).click();
  await expect(adminPage.getByText("Disabled. They lose access on their next request.")).toBeVisible();
  await expect(adminPage.getByRole("button", { name: "Enable account…" })).toBeVisible();

  // Their open page: the next navigation lands on sign-in.
  await page.getByRole("link", { name: "Requests" }).first().click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("E-mail").fill(partner.email);
  await page.getByLabel("Password").fill(partner.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // The trail says who did it.
  await adminPage.goto(`/admin/audit?action=user.disabled&target=${partner.userId}`);
  await expect(adminPage.getByTestId("audit-event")).toHaveCount(1);
  await expect(adminPage.getByTestId("audit-event")).toContainText("admin@copa.test");

  // Enabled again, they can sign in.
  await adminPage.goto(`/admin/users/${partner.userId}`);
  await adminPage.getByRole("button", { name: "Enable account…" }).click();
  await adminPage.getByRole("button", { name: "Enable", exact: true }).click();
  await expect(adminPage.getByText("Enabled.")).toBeVisible();
  await signIn(page, partner.email, partner.password);
});

test("sign out everywhere ends the user's sessions on their next request", async ({ adminPage, partnerPage }) => {
  const { page, partner } = partnerPage;
  await page.goto("/requests");
  await adminPage.goto(`/admin/users/${partner.userId}`);
  await adminPage.getByRole("button", { name: "Sign out everywhere…" }).click();
  await adminPage.getByRole("button", { name: "Sign out everywhere", exact: true }).click();
  await expect(adminPage.getByText("Signed out everywhere.")).toBeVisible();
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in/);
  // Unlike disabling, they may sign straight back in.
  await signIn(page, partner.email, partner.password);
});

test("demoting an admin removes /admin on their next request", async ({ adminPage, browser }) => {
  const second = await factory<{ id: string; email: string; password: string; totpSecret: string }>("createAdmin");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, second.email, second.password, { totpSecret: second.totpSecret });
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Admin overview" })).toBeVisible();

  await adminPage.goto(`/admin/users/${second.id}`);
  await adminPage.getByRole("button", { name: "Remove admin role…" }).click();
  await adminPage.getByRole("button", { name: "Remove admin role", exact: true }).click();
  await expect(adminPage.getByText("No longer an admin.")).toBeVisible();
  await expect(adminPage.getByRole("button", { name: "Make admin…" })).toBeVisible();

  // Next request: the session is over.
  await page.reload();
  await expect(page).toHaveURL(/\/sign-in/);
  // Signed in again, they are a partner now: the console is a 404.
  await signIn(page, second.email, second.password, { totpSecret: second.totpSecret });
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await context.close();
});

test("an admin cannot disable or demote themself", async ({ adminPage }) => {
  await adminPage.goto("/admin/users?q=admin%40copa.test&role=admin");
  await adminPage.getByRole("link", { name: "COPA admin" }).first().click();
  await expect(adminPage.getByText("(you)")).toBeVisible();
  await expect(adminPage.getByRole("button", { name: "Disable account…" })).toBeDisabled();
  await expect(adminPage.getByText("You cannot disable your own account.")).toBeVisible();
  await expect(adminPage.getByRole("button", { name: "Remove admin role…" })).toBeDisabled();
});
