// Tenant isolation: another organisation's requests and keys are simply not found, by URL
// or in lists, and a made-up id is a 404 too (never a 500).
import { expect, test } from "./fixtures";
import { approvedKeyFor, submitRequestFor } from "./partner-support";

test("another organisation's request and key pages are 404s and absent from the lists", async ({ createPartner, partnerPage: { page } }) => {
  const other = await createPartner();
  const pending = await submitRequestFor(other, { keyName: `Other pending ${Date.now()}` });
  const approved = await approvedKeyFor(other, { keyName: `Other key ${Date.now()}` });

  for (const path of [`/requests/${pending.requestId}`, `/requests/${approved.requestId}`, `/keys/${approved.keyId}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByText(pending.keyName)).toHaveCount(0);
    await expect(page.getByText(approved.keyName)).toHaveCount(0);
  }

  await page.goto("/requests");
  await expect(page.getByText("No requests yet")).toBeVisible();
  await expect(page.getByText(pending.keyName)).toHaveCount(0);
  await page.goto("/keys");
  await expect(page.getByText("No API keys yet")).toBeVisible();
  await expect(page.getByText(approved.keyName)).toHaveCount(0);
});

test("unknown and malformed ids are 404s", async ({ partnerPage: { page } }) => {
  for (const path of ["/requests/00000000-0000-4000-8000-000000000000", "/keys/00000000-0000-4000-8000-000000000000", "/keys/not-a-uuid", "/requests/%27%20OR%201=1"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
});
