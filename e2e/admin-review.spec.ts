// Reviewing access requests: the queue, approving with fewer scopes than requested,
// rejecting with a required reason, and what the partner sees afterwards.
import { randomBytes } from "node:crypto";
import { requestState } from "./admin-support";
import { expect, test } from "./fixtures";
import { factory } from "./support/factory";

const tag = () => randomBytes(3).toString("hex");

test("pending requests are listed oldest first, with organisation, key, scopes and age", async ({ adminPage, createPartner }) => {
  const [a, b] = await Promise.all([createPartner(), createPartner()]);
  const t = tag();
  const newer = await factory<{ keyName: string }>("submitRequest", { userId: a.userId, keyName: `Newer ${t}`, ageDays: 1 });
  const older = await factory<{ keyName: string }>("submitRequest", { userId: b.userId, keyName: `Older ${t}`, scopes: ["cooperatives:read", "members:write"], ageDays: 3, environment: "production" });

  await adminPage.goto("/admin");
  await expect(adminPage.getByRole("heading", { name: "Admin overview" })).toBeVisible();
  const rows = adminPage.getByTestId("pending-request");
  const texts = await rows.allInnerTexts();
  const iOlder = texts.findIndex((x) => x.includes(older.keyName));
  const iNewer = texts.findIndex((x) => x.includes(newer.keyName));
  expect(iOlder).toBeGreaterThanOrEqual(0);
  expect(iNewer).toBeGreaterThan(iOlder);

  const row = rows.filter({ hasText: older.keyName });
  await expect(row).toContainText(b.organizationName);
  await expect(row).toContainText("Bank");
  await expect(row).toContainText("Production");
  await expect(row).toContainText("3 days ago");
  // The write scope is marked as such, for screen readers too.
  await expect(row.getByRole("link", { name: "members:write (write scope)" })).toBeVisible();
  await row.getByRole("link", { name: /^Review/ }).click();
  await expect(adminPage.getByRole("heading", { name: older.keyName })).toBeVisible();
  await expect(adminPage.getByText("Partner's justification")).toBeVisible();
});

test("approving with fewer scopes than requested: the partner sees approved and the granted scopes", async ({ adminPage, partnerPage }) => {
  const { page, partner } = partnerPage;
  const { requestId } = await factory<{ requestId: string }>("submitRequest", { userId: partner.userId, scopes: ["cooperatives:read", "members:read", "members:write"] });

  await adminPage.goto(`/admin/requests/${requestId}`);
  const checkbox = (scope: string) => adminPage.getByRole("checkbox", { name: scope, exact: true });
  // Pre-filled with what the partner asked for.
  await expect(checkbox("cooperatives:read")).toBeChecked();
  await expect(checkbox("members:read")).toBeChecked();
  await expect(checkbox("members:write")).toBeChecked();
  await expect(adminPage.getByText("Granting high-risk scopes")).toBeVisible();

  // Granting something the partner did not ask for is flagged.
  await checkbox("payments:read").check();
  await expect(adminPage.getByText("Granting scopes the partner did not request")).toBeVisible();
  await checkbox("payments:read").uncheck();
  await expect(adminPage.getByText("Granting scopes the partner did not request")).toBeHidden();

  await checkbox("members:write").uncheck();
  await expect(adminPage.getByText("Granting high-risk scopes")).toBeHidden();
  await expect(adminPage.getByText(/Not granting\s+members:write/)).toBeVisible();
  await adminPage.getByLabel("Note to the partner (optional)").fill("Write access needs a production agreement first.");
  await adminPage.getByRole("button", { name: "Approve and issue key (2 scopes)" }).click();

  const decision = adminPage.getByTestId("decision");
  await expect(decision).toContainText("Approved");
  await expect(decision).toContainText("by you");
  await expect(decision.getByRole("link", { name: "Open the issued key" })).toBeVisible();
  expect(await requestState(requestId)).toMatchObject({ status: "approved", grantedScopes: "cooperatives:read members:read", keys: 1 });

  await page.goto(`/requests/${requestId}`);
  await expect(page.getByRole("heading", { name: "Approved" })).toBeVisible();
  await expect(page.getByText("Granted 2 scopes")).toBeVisible();
  await expect(page.getByText("Write access needs a production agreement first.")).toBeVisible();
});

test("rejecting requires a reason; the partner then sees it", async ({ adminPage, partnerPage }) => {
  const { page, partner } = partnerPage;
  const { requestId } = await factory<{ requestId: string }>("submitRequest", { userId: partner.userId });

  await adminPage.goto(`/admin/requests/${requestId}`);
  const reject = adminPage.getByRole("button", { name: "Reject request" });
  await reject.click();
  await expect(adminPage.getByText("Give the partner a reason (at least 10 characters)")).toBeVisible();
  await adminPage.getByLabel("Reason").fill("Too short");
  await reject.click();
  await expect(adminPage.getByText("Give the partner a reason (at least 10 characters)")).toBeVisible();
  expect((await requestState(requestId)).status).toBe("pending");

  const reason = `Sandbox keys need a named integration; tell us which system will call the API (${tag()}).`;
  await adminPage.getByLabel("Reason").fill(reason);
  await reject.click();
  const decision = adminPage.getByTestId("decision");
  await expect(decision).toContainText("Rejected");
  await expect(decision).toContainText(reason);
  expect(await requestState(requestId)).toMatchObject({ status: "rejected", decisionNote: reason, keys: 0 });

  await page.goto(`/requests/${requestId}`);
  await expect(page.getByText(reason)).toBeVisible();
});

test("beside a request: the organisation's keys and past requests; a decided request is read-only", async ({ adminPage, createPartner }) => {
  const partner = await createPartner();
  const { requestId } = await factory<{ requestId: string }>("submitRequest", { userId: partner.userId });
  const live = await factory<{ keyName: string; requestId: string }>("activeKey", { userId: partner.userId, adminEmail: "admin@copa.test" });

  await adminPage.goto(`/admin/requests/${requestId}`);
  await expect(adminPage.getByRole("table", { name: `Keys of ${partner.organizationName}` })).toContainText(live.keyName);
  await expect(adminPage.getByRole("table", { name: `Other requests of ${partner.organizationName}` })).toContainText("Approved");

  await adminPage.goto(`/admin/requests/${live.requestId}`);
  await expect(adminPage.getByTestId("decision")).toContainText("Approved");
  await expect(adminPage.getByRole("button", { name: /Approve and issue key/ })).toHaveCount(0);
  await expect(adminPage.getByRole("button", { name: "Reject request" })).toHaveCount(0);

  const response = await adminPage.goto("/admin/requests/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
});
