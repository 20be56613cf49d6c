// The key lifecycle from the partner's side: reveal once, rotate with a grace period,
// revoke by typing the name; the secret never reaches a page or a later response; viewers
// see keys but can change nothing, neither through the UI nor by calling the action.
import type { Page } from "@playwright/test";
import { expect, signInWithoutForm, test } from "./fixtures";
import { approvedKeyFor, revealThroughUi, submitRequestFor } from "./partner-support";
import { factory } from "./support/factory";

const maskOf = (secret: string) => `sk_copa_partner_••••${secret.slice(-4)}`;

/**
 * Records the body of every RSC and server-action response the page receives. They are
 * routed through the test (fetched, read, then fulfilled) because the browser does not
 * keep the bodies of streamed responses for the debugger to read.
 */
async function recordResponses(page: Page) {
  const seen: { url: string; isAction: boolean; body: string }[] = [];
  await page.route("**/*", async (route) => {
    const request = route.request();
    // RSC payloads and action results (documents are checked separately).
    const isPageData = Boolean(request.headers()["rsc"]) || Boolean(request.headers()["next-action"]);
    if (!isPageData || new URL(request.url()).pathname.startsWith("/_next/")) return route.continue();
    let response: Awaited<ReturnType<typeof route.fetch>>;
    let body: string;
    try {
      response = await route.fetch();
      body = await response.text();
    } catch (error) {
      // The page moved on (a navigation cancels its prefetches): that response never
      // reached it, so there is nothing to record.
      if (/disposed|closed/i.test(String(error))) return;
      throw error;
    }
    seen.push({ url: request.url(), isAction: Boolean(request.headers()["next-action"]), body });
    await route.fulfill({ response, body }).catch((error) => {
      if (!/disposed|closed|already handled/i.test(String(error))) throw error;
    });
  });
  /** The responses whose body contains `needle`. */
  return (needle: string) => seen.filter((r) => r.body.includes(needle));
}

async function apiStatus(page: Page, secret: string) {
  return (await page.request.get("/api/v1/cooperatives", { headers: { Authorization: `Bearer ${secret}` } })).status();
}

test("an approved key is revealed once; afterwards only its mask appears, in pages and in traffic", async ({ partnerPage: { page, partner } }) => {
  const { keyId, keyName } = await approvedKeyFor(partner);
  const responsesContaining = await recordResponses(page);

  await page.goto("/keys");
  const row = page.getByRole("row", { name: new RegExp(keyName) });
  await expect(row.getByText("Ready to reveal").filter({ visible: true })).toBeVisible();
  await expect(page.getByText("A key is ready to reveal")).toBeVisible();

  const secret = await revealThroughUi(page, keyName);
  const panel = page.getByTestId("secret-panel");
  await expect(panel.getByText("You won't be able to see it again")).toBeVisible();
  await expect(panel.getByLabel("Secret key")).toHaveAttribute("autocomplete", "off");
  await expect(panel.getByLabel("Secret key")).toHaveAttribute("readonly", "");
  await panel.getByRole("button", { name: "Copy" }).click();
  await expect(panel.getByRole("button", { name: "Copied" })).toBeVisible();
  // The panel cannot be dismissed by accident: Escape does nothing.
  await page.keyboard.press("Escape");
  await expect(panel).toBeVisible();
  await panel.getByRole("button", { name: "I've stored it" }).click();

  // Gone from the DOM, and the list now shows the mask.
  await expect(panel).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  await expect(row.getByText(maskOf(secret))).toBeVisible();
  await expect(row.getByText("Active").filter({ visible: true })).toBeVisible();
  await expect(row.getByRole("button", { name: "Reveal key" })).toHaveCount(0);
  expect(page.url()).not.toContain(secret.slice(16));

  // A reload and the detail page show the mask only.
  await page.reload();
  await expect(page.getByText(maskOf(secret)).first()).toBeVisible();
  await page.goto(`/keys/${keyId}`);
  await expect(page.getByText(maskOf(secret)).first()).toBeVisible();
  expect(await page.content()).not.toContain(secret);

  // Exactly one response ever carried the secret: the reveal action's own. Not the RSC
  // refresh after closing the panel, and not the pages' HTML with their inline payloads.
  const hits = responsesContaining(secret.slice(16));
  expect(hits.map((h) => h.isAction)).toEqual([true]);
  for (const path of ["/keys", `/keys/${keyId}`, "/requests"]) {
    expect(await (await page.request.get(path)).text()).not.toContain(secret.slice(16));
  }

  expect(await apiStatus(page, secret)).toBe(200);
});

test("rotate with a 1-hour grace shows the new key once and links the two keys", async ({ partnerPage: { page, partner } }) => {
  const { keyId, keyName } = await approvedKeyFor(partner);
  await page.goto(`/keys/${keyId}`);
  const oldSecret = await revealThroughUi(page, keyName);
  await page.getByTestId("secret-panel").getByRole("button", { name: "I've stored it" }).click();
  // Closing without copying asks first.
  await page.getByTestId("secret-panel").getByRole("button", { name: "Close without copying" }).click();
  await expect(page.getByText(maskOf(oldSecret)).first()).toBeVisible();

  await page.getByRole("button", { name: "Rotate" }).click();
  const dialog = page.getByRole("dialog", { name: `Rotate ${keyName}` });
  await expect(dialog.getByRole("radio")).toHaveCount(4);
  await dialog.getByRole("radio", { name: "For 1 hour" }).check();
  await dialog.getByRole("button", { name: "Rotate key" }).click();

  const panel = page.getByRole("dialog", { name: `New key for ${keyName}` });
  await expect(panel.getByText("The previous key keeps working until")).toBeVisible();
  const newSecret = await panel.getByLabel("Secret key").inputValue();
  expect(newSecret).toMatch(/^sk_copa_partner_[a-z0-9]{32}$/);
  expect(newSecret).not.toBe(oldSecret);
  await panel.getByRole("button", { name: "Copy" }).click();
  await panel.getByRole("button", { name: "I've stored it" }).click();

  // On the new key's page, linked back to the key it replaces.
  await expect(page).not.toHaveURL(new RegExp(keyId));
  await expect(page).toHaveURL(/\/keys\/[0-9a-f-]{36}$/);
  await expect(page.getByText(maskOf(newSecret)).first()).toBeVisible();
  expect(await page.content()).not.toContain(newSecret);
  await page.getByRole("link", { name: maskOf(oldSecret), exact: true }).click();

  // The old key works for the grace period and points to its successor.
  await expect(page).toHaveURL(new RegExp(`/keys/${keyId}$`));
  await expect(page.getByText(/^Expiring in (59 minutes|1 hour)$/).first()).toBeVisible();
  await expect(page.getByText("This key was rotated")).toBeVisible();
  await expect(page.getByRole("button", { name: "Rotate" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: maskOf(newSecret) })).toBeVisible();

  expect(await apiStatus(page, oldSecret)).toBe(200);
  expect(await apiStatus(page, newSecret)).toBe(200);
});

test("revoking asks for the key's name and takes effect at once", async ({ partnerPage: { page, partner } }) => {
  const { keyId, keyName } = await approvedKeyFor(partner);
  await page.goto(`/keys/${keyId}`);
  const secret = await revealThroughUi(page, keyName);
  await page.getByTestId("secret-panel").getByRole("button", { name: "Copy" }).click();
  await page.getByTestId("secret-panel").getByRole("button", { name: "I've stored it" }).click();
  expect(await apiStatus(page, secret)).toBe(200);

  await page.getByRole("button", { name: "Revoke" }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke ${keyName}?` });
  const confirm = dialog.getByRole("button", { name: "Revoke key" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill(`${keyName} (copy)`);
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill(keyName);
  await dialog.getByLabel("Reason (optional)").fill("Exposed in a CI log");
  await confirm.click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText("Revoked", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/Exposed in a CI log/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^(Revoke|Rotate)$/ })).toHaveCount(0);
  expect((await factory<{ status: string }>("keyRow", { keyId })).status).toBe("revoked");

  expect(await apiStatus(page, secret)).toBe(401);
});

test("a viewer sees the keys and requests but no action, and the actions refuse a direct call", async ({ browser, createPartner, partnerPage: { page: ownerPage, partner: owner } }) => {
  const first = await approvedKeyFor(owner);
  const second = await approvedKeyFor(owner);
  const pending = await submitRequestFor(owner);

  // Capture the reveal action's id from the owner's own reveal, to replay it as the viewer.
  await ownerPage.goto(`/keys/${first.keyId}`);
  const actionRequest = ownerPage.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await revealThroughUi(ownerPage, first.keyName);
  const revealActionId = (await actionRequest).headers()["next-action"];

  const viewer = await createPartner({ role: "viewer", organizationId: owner.organizationId });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithoutForm(page, viewer.email, viewer.password);

  await page.goto("/keys");
  await expect(page.getByRole("link", { name: second.keyName })).toBeVisible();
  await expect(page.getByText("You have view access")).toBeVisible();
  // Searching and filtering the list is for everyone; acting on a key is not.
  await expect(page.getByRole("main").getByRole("button").filter({ hasNotText: "Apply filters" })).toHaveCount(0);

  await page.goto(`/keys/${second.keyId}`);
  await expect(page.getByRole("heading", { name: second.keyName })).toBeVisible();
  await expect(page.getByRole("button", { name: /Reveal|Rotate|Revoke/ })).toHaveCount(0);

  await page.goto(`/requests/${pending.requestId}`);
  await expect(page.getByText("Pending review").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw" })).toHaveCount(0);

  await page.goto("/requests/new");
  await expect(page.getByText("Viewers cannot request keys")).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit request" })).toHaveCount(0);

  // The server refuses even when the viewer calls the action by hand.
  const response = await page.request.post(`/keys/${second.keyId}`, {
    headers: { "Next-Action": revealActionId, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify([{ keyId: second.keyId }]),
  });
  expect(await response.text()).toContain("Your role (viewer) cannot do this");
  expect((await factory<{ status: string; mask: string | null }>("keyRow", { keyId: second.keyId })).status).toBe("pending");
  await context.close();
});

test("an organisation without keys sees an empty state that leads to the request form", async ({ partnerPage: { page } }) => {
  await page.goto("/keys");
  await expect(page.getByText("No API keys yet")).toBeVisible();
  await page.getByRole("link", { name: "Request API access" }).click();
  await expect(page).toHaveURL(/\/requests\/new$/);
});
