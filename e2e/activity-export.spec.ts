// Exportable history: an admin downloads the audit log as CSV with the page's filters; an
// owner follows their organisation's activity, COPA's reviewer shown as "COPA staff", and
// downloads it too.
import { readFile } from "node:fs/promises";
import { E2E } from "../playwright.config";
import { expect, test } from "./fixtures";
import { approvedKeyFor } from "./partner-support";

test("an admin exports the audit log filtered to one organisation as CSV", async ({ adminPage: page, createPartner }) => {
  const partner = await createPartner();
  const { requestId } = await approvedKeyFor(partner, { keyName: "Export check" });
  await page.goto(`/admin/audit?org=${partner.organizationId}`);
  const link = page.getByRole("link", { name: "Export CSV (filtered)" });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^copa-audit-\d{8}T\d{4}Z\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const rows = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(rows[0]).toBe("time_utc,action,actor_email,actor_id,organization_id,organization_name,target_type,target_id,ip,metadata");
  expect(rows.slice(1).every((r) => r.includes(`,${partner.organizationId},`))).toBe(true);
  expect(rows.some((r) => r.includes(",request.approved,") && r.includes(requestId))).toBe(true);
  expect(rows.some((r) => r.includes(`,request.submitted,${partner.email},`))).toBe(true);
});

test("an owner reads and exports the organisation's activity, without COPA staff's names", async ({ partnerPage: { page, partner } }) => {
  await approvedKeyFor(partner, { keyName: "Activity check" });
  await page.getByRole("link", { name: "Activity" }).click();
  await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  const events = page.getByRole("list", { name: "Activity, newest first" }).getByTestId("audit-event");
  await expect(events.filter({ hasText: "request.approved" })).toContainText("COPA staff");
  await expect(events.filter({ hasText: "request.submitted" })).toContainText(partner.email);
  // (The footer's support address may be the admin's: only the log itself must not name them.)
  await expect(page.getByRole("list", { name: "Activity, newest first" })).not.toContainText(E2E.adminEmail);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv).toContain(",request.approved,COPA staff,,");
  expect(csv).not.toContain(E2E.adminEmail);
});
