// The key policy in the browser: the request form offers only what a key type may hold
// and says why, an identical pending request is refused with a link to it, the admin's
// approval form is bounded by the policy, and a suspended organisation sees why on every
// partner page and cannot reveal a key.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { approvedKeyFor, submitRequestFor } from "./partner-support";
import { factory } from "./support/factory";

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("the request form offers only what the chosen key type may hold, and explains why", async ({ partnerPage: { page } }) => {
  await page.goto("/requests/new");
  // System keys need a COPA-run organisation: shown, explained, not choosable.
  const system = page.getByRole("radio", { name: "System", exact: true });
  await expect(system).toBeDisabled();
  await expect(page.getByText("Not available: your organisation is not marked as COPA-run.")).toBeVisible();

  // Keyboard: the key type is a radio group, changed with the arrow keys.
  await page.getByRole("radio", { name: "Partner", exact: true }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: "Webhook", exact: true })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Webhook", exact: true })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByRole("radio", { name: "Partner", exact: true })).toBeChecked();

  await page.getByRole("checkbox", { name: "members:write", exact: true }).check();
  await page.getByRole("checkbox", { name: "cooperatives:read", exact: true }).check();
  await page.getByRole("radio", { name: "Mobile", exact: true }).check();
  const policy = page.getByTestId("scope-policy");
  await expect(policy).toContainText("Mobile keys are read-only");
  await expect(policy).toContainText("Scopes removed from your selection");
  await expect(policy).toContainText("cannot hold it: members:write");
  await expect(page.getByRole("checkbox", { name: "members:write", exact: true })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "cooperatives:read", exact: true })).toBeChecked();
  await page.getByRole("radio", { name: "Production", exact: true }).check();
  await expect(page.getByTestId("lifetime-note")).toContainText("A mobile key in production expires within 90 days at most");
  await expectNoAxeViolations(page);

  // Webhook keys: one scope only, and the recommended pair is not offered.
  await page.getByRole("radio", { name: "Webhook", exact: true }).check();
  await expect(page.getByRole("checkbox")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Use the recommended pair" })).toHaveCount(0);
});

test("an identical pending request is refused with a link to the existing one", async ({ partnerPage: { page, partner } }) => {
  const keyName = `Duplicate check ${Date.now()}`;
  const existing = await submitRequestFor(partner, { keyName, scopes: ["cooperatives:read", "members:read"] });

  await page.goto("/requests/new");
  await page.getByLabel("Key name").fill(keyName);
  await page.getByLabel("What will you build?").fill("We verify cooperative membership before granting agricultural loans to members.");
  await page.getByRole("button", { name: "Use the recommended pair" }).click();
  await page.getByRole("button", { name: "Submit request" }).click();

  const alert = page.locator("form").getByRole("alert");
  await expect(alert).toContainText("An identical request is already pending");
  await expect(alert).toContainText(existing.requestId);
  await expectNoAxeViolations(page);
  await alert.getByRole("link", { name: "Open the pending request" }).click();
  await expect(page).toHaveURL(new RegExp(`/requests/${existing.requestId}$`));
  await expect(page.getByRole("heading", { name: keyName })).toBeVisible();
});

test("the approval form grants only what the key type may hold, within its lifetime", async ({ adminPage, createPartner }) => {
  const partner = await createPartner();
  const { requestId } = await submitRequestFor(partner, { keyType: "mobile", environment: "production", scopes: ["cooperatives:read", "members:read"] });
  await adminPage.goto(`/admin/requests/${requestId}`);
  await expect(adminPage.getByTestId("approve-policy")).toContainText("Mobile keys are read-only");
  const approve = adminPage.getByRole("form", { name: "Approve" });
  // Only the two read scopes a mobile key may hold are offered.
  await expect(approve.getByRole("checkbox")).toHaveCount(2);
  await expect(approve.getByRole("checkbox", { name: "members:write", exact: true })).toHaveCount(0);
  const expiry = adminPage.getByLabel("Expiry");
  await expect(expiry).toHaveValue("90");
  await expect(expiry.locator("option")).toHaveText(["30 days", "90 days"]);
  await expectNoAxeViolations(adminPage);
});

test("a suspended organisation sees why on every partner page and cannot reveal its key", async ({ partnerPage: { page, partner } }) => {
  const { keyName } = await approvedKeyFor(partner);
  await factory("suspendOrganization", { organizationId: partner.organizationId, reason: "Data-sharing agreement expired" });

  for (const path of ["/dashboard", "/keys", "/requests", "/requests/new", "/team", "/account"]) {
    await page.goto(path);
    const banner = page.getByTestId("suspension-banner");
    await expect(banner, path).toContainText(`${partner.organizationName} is suspended by COPA`);
    await expect(banner, path).toContainText("you cannot request new keys, reveal approved keys or rotate existing ones");
  }
  // The admin's reason is for COPA's staff; the partner is told to contact COPA instead.
  await expect(page.getByText("Data-sharing agreement expired")).toHaveCount(0);

  await page.goto("/keys");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Reveal key" }).first().click();
  await page.getByRole("dialog", { name: `Reveal ${keyName}?` }).getByRole("button", { name: "Reveal the key now" }).click();
  await expect(page.getByRole("dialog").getByRole("alert")).toContainText("keys cannot be revealed or rotated until COPA reactivates it");
});

test("an admin marks an organisation COPA-run; its members may then request system keys", async ({ adminPage, partnerPage: { page, partner } }) => {
  await adminPage.goto(`/admin/organisations/${partner.organizationId}`);
  await expect(adminPage.getByText("Not run by COPA: it cannot hold system keys.")).toBeVisible();
  await adminPage.getByRole("button", { name: "Mark as COPA-run…" }).click();
  await adminPage.getByRole("button", { name: "Mark as COPA-run", exact: true }).click();
  await expect(adminPage.getByText("Marked as COPA-run.")).toBeVisible();
  await expect(adminPage.getByText("Run by COPA: it may hold system keys.")).toBeVisible();
  await expectNoAxeViolations(adminPage);

  await page.goto("/requests/new?type=system&scopes=cooperatives:read");
  const system = page.getByRole("radio", { name: "System", exact: true });
  await expect(system).toBeEnabled();
  await expect(system).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "cooperatives:read", exact: true })).toBeChecked();
  await expect(page.getByText("Not available: your organisation is not marked as COPA-run.")).toHaveCount(0);
});
