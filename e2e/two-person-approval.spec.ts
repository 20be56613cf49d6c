// Two-person approval (issue 11): a production key with a write scope needs a second,
// different admin. The first admin approves and cannot confirm their own; a second admin
// (another account, its own browser context) confirms and only then the key exists.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { requestState } from "./admin-support";
import { expect, signIn, test } from "./fixtures";
import { factory } from "./support/factory";

async function expectNoAxeViolations(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("a production write key needs a second, different admin; the first cannot confirm", async ({ browser, adminPage, createPartner }) => {
  const partner = await createPartner();
  const { requestId } = await factory<{ requestId: string }>("submitRequest", { userId: partner.userId, environment: "production", scopes: ["cooperatives:read", "payments:write"] });

  await adminPage.goto(`/admin/requests/${requestId}`);
  await expect(adminPage.getByText("Two-person rule")).toBeVisible();
  await adminPage.getByRole("button", { name: /^Approve and issue key/ }).click();
  await expect(adminPage.getByTestId("first-approval")).toContainText("by you");
  await expect(adminPage.getByTestId("own-approval")).toBeVisible();
  await expect(adminPage.getByRole("button", { name: "Confirm and issue key" })).toHaveCount(0);
  expect(await requestState(requestId)).toMatchObject({ status: "awaiting_second_approval", keys: 0 });
  await expectNoAxeViolations(adminPage);

  const second = await factory<{ email: string; password: string; totpSecret: string }>("createAdmin", {});
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, second.email, second.password, { totpSecret: second.totpSecret });
  await page.goto(`/admin/requests/${requestId}`);
  await expect(page.getByTestId("first-approval")).not.toContainText("by you");
  await page.getByRole("button", { name: "Confirm and issue key" }).click();
  await expect(page.getByTestId("decision")).toContainText("Approved");
  expect(await requestState(requestId)).toMatchObject({ status: "approved", grantedScopes: "cooperatives:read payments:write", keys: 1 });
  const thread = page.getByTestId("request-thread");
  await expect(thread).toContainText("approved the request; a second admin must confirm it");
  await expect(thread).toContainText("You approved the request");
  await expect(thread).toContainText("Confirmed the first approval (two-person rule).");
  await context.close();
});

test("review rules: an admin edits which grants need two admins @ui", async ({ adminPage }) => {
  await adminPage.goto("/admin/review-rules");
  await expect(adminPage.getByRole("checkbox", { name: /Production keys with any write scope/ })).toBeChecked();
  await expect(adminPage.getByRole("checkbox", { name: /All system keys/ })).toBeChecked();
  await expectNoAxeViolations(adminPage);
});
