// The access-request form and the requests pages: validation with nothing written, the
// recommended preset, pre-fill from a link, submission, withdrawal.
import { expect, test } from "./fixtures";
import { countRequests, submitRequestFor } from "./partner-support";

// The scopes the form offers for a partner key (the default type): every data scope;
// webhooks:receive belongs to webhook keys only (lib/keys/policy.ts).
const SCOPE_IDS = [
  "cooperatives:read",
  "cooperatives:write",
  "members:read",
  "members:write",
  "loans:read",
  "loans:write",
  "payments:read",
  "payments:write",
];

test("the form shows each field's error next to it and creates nothing until they are fixed", async ({ partnerPage: { page, partner } }) => {
  await page.goto("/requests/new");
  await expect(page.getByRole("heading", { name: "Request API access" })).toBeVisible();

  // Nothing filled in: every required field complains, including the empty scope list.
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByText("Name the key (at least 3 characters)")).toBeVisible();
  await expect(page.getByText("Describe your use case in at least 40 characters")).toBeVisible();
  await expect(page.getByText("Choose at least one scope")).toBeVisible();

  // A too-short use case and a write scope without its justification.
  await page.getByLabel("Key name").fill("Member registry sync");
  await page.getByLabel("What will you build?").fill("Too short");
  await expect(page.getByText("9 / 40 characters minimum", { exact: false })).toBeVisible();
  await page.getByRole("checkbox", { name: "members:write", exact: true }).check();
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByText("Describe your use case in at least 40 characters")).toBeVisible();
  await expect(page.getByText("Explain why you need this scope (at least 20 characters)")).toBeVisible();
  await expect(page.getByText("Choose at least one scope")).toBeHidden();
  await expect(page).toHaveURL(/\/requests\/new$/);
  expect(await countRequests(partner.organizationId)).toBe(0);

  // Fixed: the request is created and its page confirms it.
  await page.getByLabel("What will you build?").fill("We register new members of partner cooperatives when they open an account at one of our branches.");
  await expect(page.getByText(/characters ✓/)).toBeVisible();
  await page.getByLabel("Why do you need members:write?").fill("Branch staff enrol members at account opening; reading is not enough.");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}\?submitted=1$/);
  await expect(page.getByText("Request submitted")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Member registry sync" })).toBeVisible();
  await expect(page.getByText("Pending review").first()).toBeVisible();
  await expect(page.getByText("Branch staff enrol members at account opening; reading is not enough.")).toBeVisible();
  expect(await countRequests(partner.organizationId)).toBe(1);
});

test("“Use the recommended pair” ticks exactly cooperatives:read and members:read", async ({ partnerPage: { page } }) => {
  await page.goto("/requests/new");
  await page.getByRole("checkbox", { name: "payments:read", exact: true }).check();
  await page.getByRole("checkbox", { name: "members:write", exact: true }).check();
  await page.getByRole("button", { name: "Use the recommended pair" }).click();

  for (const id of SCOPE_IDS) {
    const box = page.getByRole("checkbox", { name: id, exact: true });
    if (id === "cooperatives:read" || id === "members:read") await expect(box).toBeChecked();
    else await expect(box).not.toBeChecked();
  }
  // The write scope's justification field went away with its checkbox.
  await expect(page.getByLabel("Why do you need members:write?")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Recommended pair selected" })).toBeDisabled();
});

test("a link pre-fills scopes, key type and environment, ignoring unknown values", async ({ partnerPage: { page } }) => {
  await page.goto("/requests/new?scopes=members:read,loans:read,bogus:scope&type=partner&environment=production");
  for (const id of SCOPE_IDS) {
    const box = page.getByRole("checkbox", { name: id, exact: true });
    if (id === "members:read" || id === "loans:read") await expect(box).toBeChecked();
    else await expect(box).not.toBeChecked();
  }
  await expect(page.getByRole("radio", { name: "Partner", exact: true })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Production", exact: true })).toBeChecked();

  // A type that may not hold the linked scopes: the key policy drops them and says so.
  await page.goto("/requests/new?scopes=members:read,loans:read&type=webhook&environment=production");
  await expect(page.getByRole("radio", { name: "Webhook", exact: true })).toBeChecked();
  await expect(page.getByRole("status").filter({ hasText: "Scopes removed from your selection" })).toContainText("cannot hold them: members:read, loans:read");
  await expect(page.getByRole("checkbox")).toHaveCount(1);
  await expect(page.getByRole("checkbox", { name: "webhooks:receive", exact: true })).not.toBeChecked();

  await page.goto("/requests/new?scopes=nothing-real&type=satellite&environment=moon");
  await expect(page.getByRole("checkbox", { checked: true })).toHaveCount(0);
  await expect(page.getByRole("radio", { name: "Partner", exact: true })).toBeChecked();
  await expect(page.getByRole("radio", { name: "Sandbox", exact: true })).toBeChecked();
});

test("a pending request can be withdrawn after confirming", async ({ partnerPage: { page, partner } }) => {
  const { requestId, keyName } = await submitRequestFor(partner);
  await page.goto("/requests");
  await page.getByRole("link", { name: keyName }).click();
  await expect(page).toHaveURL(new RegExp(`/requests/${requestId}$`));

  await page.getByRole("button", { name: "Withdraw" }).click();
  const dialog = page.getByRole("dialog", { name: "Withdraw this request?" });
  await expect(dialog).toBeVisible();
  // Changing one's mind leaves it pending.
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Pending review")).toBeVisible();

  await page.getByRole("button", { name: "Withdraw" }).click();
  await page.getByRole("dialog", { name: "Withdraw this request?" }).getByRole("button", { name: "Withdraw request" }).click();
  await expect(page.getByText("Withdrawn", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw" })).toHaveCount(0);

  await page.goto("/requests");
  await expect(page.getByRole("row", { name: new RegExp(keyName) }).getByText("Withdrawn").filter({ visible: true })).toBeVisible();
});

test("an organisation without requests sees an empty state that leads to the form", async ({ partnerPage: { page } }) => {
  await page.goto("/requests");
  await expect(page.getByText("No requests yet")).toBeVisible();
  await page.getByRole("link", { name: "Request API access" }).click();
  await expect(page).toHaveURL(/\/requests\/new$/);
});

test("@ui the new-request form speaks French and Kinyarwanda, its field errors included", async ({ partnerPage: { page } }) => {
  for (const [locale, words] of [
    ["fr", { title: "Demander l’accès à l’API", submit: "Envoyer la demande", keyName: "Nom de la clé", error: "Nommez la clé (au moins 3 caractères)", scopes: "Choisissez au moins une portée", type: "Partenaire" }],
    ["rw", { title: "Saba uburenganzira kuri API", submit: "Ohereza ubusabe", keyName: "Izina ry’urufunguzo", error: "Ita urufunguzo izina (nibura inyuguti 3)", scopes: "Hitamo nibura uburenganzira bumwe", type: "Umufatanyabikorwa" }],
  ] as const) {
    await page.context().addCookies([{ name: "copa-locale", value: locale, url: test.info().project.use.baseURL as string }]);
    await page.goto("/requests/new");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.getByRole("heading", { level: 1, name: words.title })).toBeVisible();
    await expect(page.getByText(words.type, { exact: true })).toBeVisible();
    // Submitting the empty form: the schema's messages are keys, shown in the reader's language.
    await page.getByRole("button", { name: words.submit }).click();
    await expect(page.getByText(words.error)).toBeVisible();
    await expect(page.getByText(words.scopes)).toBeVisible();
    await expect(page.getByLabel(words.keyName)).toHaveAttribute("aria-invalid", "true");
    await expect(page.locator("body")).not.toContainText("⟦");
    await expect(page.locator("body")).not.toContainText("requests.errors.");
  }
});
