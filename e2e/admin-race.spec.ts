// Two approvals at once give one key: the same request open in two admin pages, both
// submitted together. The service's conditional status flip lets exactly one through;
// the other page explains that the request was already decided.
import { requestState, secondAdminPage } from "./admin-support";
import { expect, test } from "./fixtures";
import { factory } from "./support/factory";

test("two approvals at once give exactly one key, and the second page shows the conflict", async ({ adminPage, browser, createPartner }) => {
  const partner = await createPartner();
  const { requestId } = await factory<{ requestId: string }>("submitRequest", { userId: partner.userId });
  const other = await secondAdminPage(browser);
  const pages = [adminPage, other];
  await Promise.all(pages.map((p) => p.goto(`/admin/requests/${requestId}`)));
  const buttons = pages.map((p) => p.getByRole("button", { name: /^Approve and issue key/ }));
  for (const b of buttons) await expect(b).toBeEnabled();

  await Promise.all(buttons.map((b) => b.click()));

  // Each page settles: the winner shows the decision, the loser the conflict.
  for (const p of pages) await expect(p.getByTestId("decision").or(p.getByTestId("decision-conflict"))).toBeVisible();
  const conflicts = await Promise.all(pages.map((p) => p.getByTestId("decision-conflict").isVisible()));
  expect(conflicts.filter(Boolean)).toHaveLength(1);
  const loser = pages[conflicts.indexOf(true)];
  await expect(loser.getByTestId("decision-conflict")).toContainText("Someone else decided this request first");
  await expect(loser.getByTestId("decision-conflict")).toContainText("no second key was issued");
  // Its forms are locked; "Show the decision" brings up the read-only decision.
  await expect(loser.getByRole("button", { name: /^Approve and issue key/ })).toBeDisabled();
  await loser.getByRole("button", { name: "Show the decision" }).click();
  await expect(loser.getByTestId("decision")).toContainText("Approved");

  expect(await requestState(requestId)).toMatchObject({ status: "approved", keys: 1, approvals: 1 });
  await other.context().close();
});
