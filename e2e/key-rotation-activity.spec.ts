// Issue 12, item 1 from the partner's side: rotate a key with a grace period, call the
// old key through the API service, see that hour's call and the caller's address on the
// new key's page (and the old key's), end the grace period, and the old key is refused
// with the contract's 401.
import type { APIRequestContext } from "@playwright/test";
import { E2E } from "../playwright.config";
import { issueKey } from "./api-support";
import { expect, signIn, test } from "./fixtures";

// The API service itself, over IPv4 loopback: the caller's address is 127.0.0.1.
const API_V4 = E2E.apiURL.replace("localhost", "127.0.0.1");
const callApi = (request: APIRequestContext, secret: string) => request.get(`${API_V4}/api/v1/cooperatives`, { headers: { Authorization: `Bearer ${secret}` } });

test.slow();

test("the old key's calls during the grace period show per hour with the caller's address, and ending the grace period refuses it", async ({ browser, request }) => {
  const key = await issueKey(["cooperatives:read"]);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, key.email, key.password);
  await page.goto(`/keys/${key.keyId}`);

  await page.getByRole("button", { name: "Rotate" }).click();
  const dialog = page.getByRole("dialog", { name: /^Rotate / });
  await dialog.getByRole("radio", { name: "For 24 hours" }).check();
  await dialog.getByRole("button", { name: "Rotate key" }).click();
  const panel = page.getByRole("dialog", { name: /^New key for / });
  const newSecret = await panel.getByLabel("Secret key").inputValue();
  await panel.getByRole("button", { name: "Copy" }).click();
  await panel.getByRole("button", { name: "I've stored it" }).click();
  await expect(page).not.toHaveURL(new RegExp(key.keyId));
  await expect(page).toHaveURL(/\/keys\/[0-9a-f-]{36}$/);
  const newKeyUrl = page.url();

  // Before any call: nothing to wait for, the end is offered prominently.
  const activity = page.getByTestId("rotation-activity");
  await expect(activity).toBeVisible();
  await expect(activity.getByTestId("rotation-last-hour")).toHaveText("0");
  await expect(activity.getByRole("button", { name: "End the grace period now" })).toBeVisible();

  // Two calls to the old key from 127.0.0.1, one to the new key.
  for (let i = 0; i < 2; i++) expect((await callApi(request, key.secret)).status()).toBe(200);
  expect((await callApi(request, newSecret)).status()).toBe(200);

  await expect(async () => {
    await page.reload();
    await expect(activity.getByTestId("rotation-last-hour")).toHaveText("2");
  }).toPass({ timeout: 10_000 });
  // The current hour is the first row, with its two calls; the address with its count.
  await expect(activity.getByTestId("rotation-hour").first()).toContainText("2");
  const ip = activity.getByTestId("rotation-ip");
  await expect(ip).toHaveCount(1);
  await expect(ip).toContainText("127.0.0.1");
  await expect(ip).toContainText("2");
  await expect(activity.getByTestId("rotation-last-call")).not.toHaveText("Never");

  // The old key's page shows the same.
  await page.goto(`/keys/${key.keyId}`);
  await expect(page.getByTestId("rotation-activity").getByTestId("rotation-ip")).toContainText("127.0.0.1");

  // Still called: ending asks first, and says what will fail.
  await page.goto(newKeyUrl);
  await activity.getByRole("button", { name: "End the grace period anyway" }).click();
  const confirm = page.getByRole("dialog", { name: /^End the grace period of / });
  await expect(confirm).toContainText("called 2 times in the last hour");
  await confirm.getByRole("button", { name: "End the grace period now" }).click();
  await expect(page.getByTestId("rotation-activity")).toHaveCount(0);

  const refused = await callApi(request, key.secret);
  expect(refused.status()).toBe(401);
  expect(await refused.text()).toBe('{"detail":"Invalid API key"}');
  expect((await callApi(request, newSecret)).status()).toBe(200);

  await page.goto(`/keys/${key.keyId}`);
  await expect(page.getByText("Rotation grace period ended")).toBeVisible();
  await expect(page.getByText("Grace period ended early")).toBeVisible();
  await context.close();
});
