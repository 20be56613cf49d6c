// The conversation on a request (issue 11): the admin asks for changes, the partner edits
// and resubmits, the admin approves; both read one thread. A rejected request offers
// "Start a new request from this one", prefilled.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { requestState } from "./admin-support";
import { expect, test } from "./fixtures";
import { factory } from "./support/factory";

async function expectNoAxeViolations(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("ask for changes, edit, resubmit, approve: one thread on both sides", async ({ adminPage, partnerPage }) => {
  // Four axe sweeps (two of the admin page with its scope checklist) and three decisions: the slow budget on a busy machine.
  test.slow();
  const { page, partner } = partnerPage;
  const { requestId } = await factory<{ requestId: string }>("submitRequest", { userId: partner.userId, scopes: ["cooperatives:read", "members:read"] });

  await adminPage.goto(`/admin/requests/${requestId}`);
  await adminPage.getByRole("button", { name: "Send back for changes" }).click();
  await expect(adminPage.getByText("Tell the partner what to change (at least 10 characters)")).toBeVisible();
  await adminPage.getByLabel("Message to the partner").fill("Which branches use this key? Payments are not needed for membership checks.");
  await adminPage.getByRole("button", { name: "Send back for changes" }).click();
  await expect(adminPage.getByRole("heading", { name: "Waiting for the partner" })).toBeVisible();
  expect((await requestState(requestId)).status).toBe("changes_requested");

  await page.goto(`/requests/${requestId}`);
  await expect(page.getByText("COPA asked for changes")).toBeVisible();
  await expect(page.getByTestId("request-thread")).toContainText("The COPA review team asked for changes");
  await expect(page.getByTestId("request-thread")).toContainText("Which branches use this key?");
  await expectNoAxeViolations(page);

  // The form opens with the request's answers; the key's name, type and environment are fixed.
  const useCase = page.getByLabel("What will you build?");
  await expect(useCase).toHaveValue(/cooperative/i);
  await expect(page.getByLabel("Key name")).toHaveCount(0);
  await useCase.fill("Our 12 branch officers in the Northern Province check that loan applicants are active members of a registered cooperative.");
  await page.getByRole("checkbox", { name: "members:read", exact: true }).uncheck();
  await page.getByLabel("Message", { exact: true }).fill("Only the cooperatives scope is needed after all.");
  await page.getByRole("button", { name: "Resubmit request" }).click();
  await expect(page.getByText("Request resubmitted")).toBeVisible();
  const thread = page.getByTestId("request-thread");
  await expect(thread).toContainText(`${partner.name} edited and resubmitted the request`);
  await expect(thread).toContainText("Scopes removed: members:read");
  await expect(thread).toContainText("Use case changed");

  await adminPage.reload();
  const adminThread = adminPage.getByTestId("request-thread");
  await expect(adminThread).toContainText("You asked for changes");
  await expect(adminThread).toContainText("Only the cooperatives scope is needed after all.");
  await expect(adminPage.getByRole("checkbox", { name: "cooperatives:read", exact: true })).toBeChecked();
  await expect(adminPage.getByRole("checkbox", { name: "members:read", exact: true })).not.toBeChecked();
  await expectNoAxeViolations(adminPage);
  await adminPage.getByRole("button", { name: /^Approve and issue key/ }).click();
  await expect(adminPage.getByTestId("decision")).toContainText("Approved");
  expect(await requestState(requestId)).toMatchObject({ status: "approved", grantedScopes: "cooperatives:read", keys: 1 });

  await page.reload();
  await expect(page.getByRole("heading", { name: "Approved" })).toBeVisible();
  await expect(thread.getByTestId("thread-entry")).toHaveCount(3);
  await expect(thread.getByTestId("thread-entry").last()).toContainText("The COPA review team approved the request");
});

test("a rejected request starts a new one, prefilled", async ({ adminPage, partnerPage }) => {
  const { page, partner } = partnerPage;
  const { requestId, keyName } = await factory<{ requestId: string; keyName: string }>("submitRequest", { userId: partner.userId, scopes: ["cooperatives:read", "members:read"] });
  await adminPage.goto(`/admin/requests/${requestId}`);
  await adminPage.getByLabel("Reason").fill("Sandbox keys first, please: ask for production once your integration works.");
  await adminPage.getByRole("button", { name: "Reject request" }).click();
  await expect(adminPage.getByTestId("decision")).toContainText("Rejected");

  await page.goto(`/requests/${requestId}`);
  await page.getByRole("link", { name: "Start a new request from this one" }).click();
  await expect(page).toHaveURL(new RegExp(`/requests/new\\?from=${requestId}`));
  await expect(page.getByText(`Starting from “${keyName}”`)).toBeVisible();
  await expect(page.getByLabel("Key name")).toHaveValue(keyName);
  await expect(page.getByLabel("What will you build?")).not.toHaveValue("");
  await expect(page.getByRole("checkbox", { name: "members:read", exact: true })).toBeChecked();
  await page.getByLabel("Key name").fill(`${keyName} v2`);
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByText("Request submitted")).toBeVisible();
  await expectNoAxeViolations(page);
});
