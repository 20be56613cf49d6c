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

test("queue filters combine and live in the URL: type, environment, scope, age and organisation @ui", async ({ adminPage: page, createPartner }) => {
  const partner = await createPartner();
  const t = tag();
  const wanted = await factory<{ keyName: string }>("submitRequest", { userId: partner.userId, keyName: `Hooks ${t}`, keyType: "webhook", environment: "sandbox", scopes: ["webhooks:receive"], ageDays: 5 });
  const young = await factory<{ keyName: string }>("submitRequest", { userId: partner.userId, keyName: `Young ${t}`, keyType: "webhook", environment: "sandbox", scopes: ["webhooks:receive"] });
  const other = await factory<{ keyName: string }>("submitRequest", { userId: partner.userId, keyName: `Prod ${t}`, environment: "production", scopes: ["cooperatives:read"], ageDays: 5 });

  await page.goto(`/admin/requests?status=pending&org=${partner.organizationId}`);
  await expect(page.getByTestId("request-row")).toHaveCount(3);
  await page.getByRole("combobox", { name: /^Key type/ }).selectOption("webhook");
  await page.getByRole("combobox", { name: /^Environment/ }).selectOption("sandbox");
  await page.getByRole("combobox", { name: /^Scope/ }).selectOption("webhooks:receive");
  await page.getByRole("combobox", { name: /^Age/ }).selectOption({ label: "Older than 3 days" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/type=webhook/);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ status: "pending", org: partner.organizationId, type: "webhook", env: "sandbox", scope: "webhooks:receive", age: "3+" });
  await expect(page.getByTestId("request-row")).toHaveCount(1);
  await expect(page.getByTestId("request-row")).toContainText(wanted.keyName);
  await expect(page.getByText(young.keyName)).toBeHidden();
  await expect(page.getByText(other.keyName)).toBeHidden();

  // A shared or reloaded URL shows the same list with the same filters chosen; a status tab keeps them.
  await page.reload();
  await expect(page.getByRole("combobox", { name: /^Scope/ })).toHaveValue("webhooks:receive");
  await expect(page.getByRole("combobox", { name: "Organisation" })).toHaveValue(partner.organizationName);
  await page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: /^All/ }).click();
  await expect(page).toHaveURL(/scope=webhooks%3Areceive/);
  await expect(page.getByTestId("request-row")).toHaveCount(1);
});

test("bulk reject with one reason: each selected request rejected, the result announced and focused", async ({ adminPage: page, createPartner }) => {
  const partner = await createPartner();
  const requests = await Promise.all([0, 1, 2].map(() => factory<{ requestId: string; keyName: string }>("submitRequest", { userId: partner.userId })));
  await page.goto(`/admin/requests?status=pending&org=${partner.organizationId}`);
  await expect(page.getByTestId("request-row")).toHaveCount(3);
  await page.getByLabel(`Select ${requests[0].keyName} from ${partner.organizationName}`).check();
  await page.getByLabel(`Select ${requests[1].keyName} from ${partner.organizationName}`).check();
  await expect(page.getByText("2 selected (at most 50)")).toBeVisible();

  await page.getByRole("button", { name: "Reject with one reason" }).click();
  const reason = page.getByLabel("Reason for every selected request");
  await expect(reason).toBeFocused();
  await page.getByRole("button", { name: "Reject 2 requests" }).click();
  await expect(page.getByText("Give the partners a reason (at least 10 characters).")).toBeVisible();
  await reason.fill("We need the data protection agreement first.");
  await page.getByRole("button", { name: "Reject 2 requests" }).click();

  const result = page.getByRole("status").filter({ hasText: "Bulk decision done" });
  await expect(result).toBeFocused();
  await expect(result).toContainText("0 approved, 0 awaiting a second admin's confirmation, 2 rejected, 0 failed.");
  // The rejected ones leave the pending list; the third stays.
  await expect(page.getByTestId("request-row")).toHaveCount(1);
  await expect(page.getByTestId("request-row")).toContainText(requests[2].keyName);
  for (const r of requests.slice(0, 2)) expect(await requestState(r.requestId)).toMatchObject({ status: "rejected", decisionNote: "We need the data protection agreement first.", keys: 0 });
  expect(await requestState(requests[2].requestId)).toMatchObject({ status: "pending" });
});

test("overview metrics link to the lists behind them, in three languages", async ({ adminPage: page, createPartner }) => {
  const partner = await createPartner();
  const old = await factory<{ keyName: string }>("submitRequest", { userId: partner.userId, keyName: `Ancient ${tag()}`, scopes: ["cooperatives:read", "loans:read"], ageDays: 45 });
  await factory("submitRequest", { userId: partner.userId, scopes: ["cooperatives:read"] });
  await page.goto("/admin");
  const ages = page.getByRole("figure", { name: /pending requests? by age/ });
  const over30 = ages.getByTestId("age-30+");
  const shown = Number((await over30.getByRole("cell").innerText()).replace(/\D/g, ""));
  expect(shown).toBeGreaterThanOrEqual(1);
  await over30.getByRole("link", { name: "Over 30 days" }).click();
  await expect(page).toHaveURL(/\/admin\/requests\?status=pending&age=30%2B$/);
  await expect(page.getByRole("combobox", { name: /^Age/ })).toHaveValue("30+");
  await expect(page.getByText(old.keyName)).toBeVisible();
  // The figure counts exactly the rows the list holds.
  await expect(page.getByRole("table", { name: /Access requests/ })).toHaveAccessibleName(`Access requests (${shown} in all)`);

  await page.goto("/admin");
  await page.getByRole("figure", { name: "Most requested scopes" }).getByRole("link", { name: "cooperatives:read" }).click();
  await expect(page).toHaveURL(/scope=cooperatives%3Aread&age=0-30/);
  await page.goto("/admin");
  await page.getByTestId("expiring-keys").click();
  await expect(page).toHaveURL(/\/admin\/keys\?state=active&expiring=30$/);
  await expect(page.getByText("Keys expiring in the next 30 days")).toBeVisible();

  for (const [locale, heading] of [["fr", "Vue d’ensemble de l’administration"], ["rw", "Incamake y’ubuyobozi"]] as const) {
    await page.context().addCookies([{ name: "copa-locale", value: locale, url: new URL(page.url()).origin }]);
    await page.goto("/admin");
    await expect(page.getByRole("heading", { name: heading })).toBeVisible();
    await expect(page.locator("main")).not.toContainText("⟦");
    await page.goto("/admin/requests?status=pending");
    await expect(page.locator("main")).not.toContainText("⟦");
  }
});

test("bulk approve: each selected request decided alone, one needing a second admin waits for them", async ({ adminPage: page, createPartner }) => {
  const partner = await createPartner();
  const sandbox = await Promise.all([0, 1].map(() => factory<{ requestId: string; keyName: string }>("submitRequest", { userId: partner.userId })));
  const production = await factory<{ requestId: string; keyName: string }>("submitRequest", { userId: partner.userId, environment: "production", scopes: ["cooperatives:read", "members:write"] });
  await page.goto(`/admin/requests?status=pending&org=${partner.organizationId}`);
  await expect(page.getByTestId("request-row")).toHaveCount(3);
  for (const r of [...sandbox, production]) await page.getByLabel(`Select ${r.keyName} from ${partner.organizationName}`).check();
  await expect(page.getByText("3 selected (at most 50)")).toBeVisible();

  await page.getByRole("button", { name: "Approve as requested" }).click();
  const dialog = page.getByRole("dialog", { name: "Approve 3 requests as requested?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Approve 3 requests" }).click();

  const result = page.getByRole("status").filter({ hasText: "Bulk decision done" });
  await expect(result).toBeFocused();
  await expect(result).toContainText("2 approved, 1 awaiting a second admin's confirmation, 0 rejected, 0 failed.");
  // The sandbox keys are issued with what they asked for; the production write key is not
  // issued until a second admin confirms (the two-person rule holds in bulk too).
  for (const r of sandbox) expect(await requestState(r.requestId)).toMatchObject({ status: "approved", keys: 1 });
  expect(await requestState(production.requestId)).toMatchObject({ keys: 0 });
});

test("the request review page and its approve form in French and Kinyarwanda, nothing left in English", async ({ adminPage: page, createPartner }) => {
  const partner = await createPartner();
  const { requestId } = await factory<{ requestId: string }>("submitRequest", {
    userId: partner.userId,
    keyType: "mobile",
    environment: "production",
    scopes: ["cooperatives:read", "members:read"],
  });
  const english = /When the key stops working|The request|Requested scopes|Other requests from this organisation|Approve and issue key|Note to the partner|This is its first request/;
  const rawKey = /⟦|\b(admin\.(request|reviewForms|errors|organisation)|keys\.(lifetime|noExpiry))\b/;

  await page.goto("/admin");
  await page.context().addCookies([{ name: "copa-locale", value: "fr", url: new URL(page.url()).origin }]);
  await page.goto(`/admin/requests/${requestId}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const main = page.locator("main");
  await expect(page.getByRole("heading", { name: "La demande", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Portées demandées" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Demandeur" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Les clés de l'organisation" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Autres demandes de cette organisation" })).toBeVisible();
  await expect(main).toContainText("C'est sa première demande.");
  await expect(main).toContainText(`${partner.organizationName} a demandé une clé mobile`);
  await expect(page.getByRole("heading", { name: "Approuver", exact: true })).toBeVisible();
  // The expiry hint: the policy's maximum for a mobile key in production, in French with its plural.
  await expect(page.getByText("Date à laquelle la clé cesse de fonctionner : au plus 90 jours pour une clé mobile en production. Les clés peuvent être révoquées à tout moment.")).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Expiration" }).locator("option")).toHaveText(["30 jours", "90 jours"]);
  await expect(page.getByRole("group", { name: "Portées accordées" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Approuver et émettre la clé (2 portées)" })).toBeVisible();
  await expect(main).not.toContainText(english);
  await expect(main).not.toContainText(rawKey);
  // A decision form's field error, from its schema's message key.
  await page.getByRole("button", { name: "Refuser la demande" }).click();
  await expect(page.getByText("Donnez un motif au partenaire (au moins 10 caractères)")).toBeVisible();

  await page.context().addCookies([{ name: "copa-locale", value: "rw", url: new URL(page.url()).origin }]);
  await page.goto(`/admin/requests/${requestId}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "rw");
  await expect(page.getByRole("heading", { name: "Ubusabe", exact: true })).toBeVisible();
  await expect(page.getByText(/ntibirenze iminsi 90 ku rufunguzo rwa telefoni/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Emeza kandi utange urufunguzo/ })).toBeVisible();
  await expect(main).not.toContainText(english);
  await expect(main).not.toContainText(rawKey);
});
