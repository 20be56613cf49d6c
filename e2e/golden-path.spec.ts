// The whole chain a newcomer walks, through the running app and nothing else: sign up,
// create the organisation, request a sandbox key with three scopes, the admin grants two,
// the partner reveals the key once, and the key behaves over HTTP exactly as the COPA
// contract says, through rotation with a grace period and revocation.
import { randomBytes } from "node:crypto";
import { expect, signIn, test } from "./fixtures";
import { linkIn, waitForMail } from "./support/mailbox";

const INVALID = '{"detail":"Invalid API key"}';
const INSUFFICIENT = '{"detail":"Insufficient scope"}';

test("sign up → request → approve two of three scopes → reveal → call → rotate → revoke", async ({ page, adminPage, request }) => {
  const suffix = randomBytes(3).toString("hex");
  const keyName = `Loan checks ${suffix}`;

  // 1. Sign up, confirm the address from the mail the SMTP server received, sign in and
  // create the organisation.
  const email = `aline-${suffix}@umurenge.example`;
  await page.goto("/");
  await page.getByRole("link", { name: "Request API access" }).click();
  await expect(page).toHaveURL(/\/sign-up/);
  await page.getByLabel("Full name").fill("Aline Uwase");
  await page.getByLabel("Work e-mail").fill(email);
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeFocused();
  const verification = await waitForMail(email, /Confirm your e-mail address/);
  await page.goto(linkIn(verification, "/verify-email?token="));
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await expect(page.getByRole("heading", { name: "Your address is confirmed" })).toBeFocused();
  await signIn(page, email, "a-long-enough-password");
  await expect(page).toHaveURL(/\/onboarding/);
  await page.getByLabel("Legal name").fill(`Umurenge SACCO ${suffix}`);
  await page.getByLabel("Kind of organisation").selectOption("microfinance");
  await page.getByLabel("Contact e-mail").fill(`api-${suffix}@umurenge.example`);
  await page.getByRole("button", { name: "Create organisation" }).click();

  // 2. Onboarding leads straight to the request form: a sandbox key with three scopes.
  await expect(page).toHaveURL(/\/requests\/new/);
  await page.getByLabel("Key name").fill(keyName);
  await page.getByRole("radio", { name: /Partner/ }).check();
  await page.getByRole("radio", { name: /Sandbox/ }).check();
  await page.getByLabel("What will you build?").fill("Our loan officers confirm that an applicant is an active member of a registered cooperative before approving a loan.");
  await page.getByRole("button", { name: "Use the recommended pair" }).click();
  await page.getByLabel("members:write").check();
  await page.getByLabel("Why do you need members:write?").fill("We register new members who join through our branch network.");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByText("Pending review").first()).toBeVisible();
  const requestUrl = page.url();
  const requestId = requestUrl.split("/").pop()!;

  // 3. The admin finds it in the queue, filtered to the organisation through the
  // searchable filter, and approves only the two read scopes.
  await adminPage.goto("/admin");
  await adminPage.getByRole("link", { name: /pending requests? →|The review queue →/ }).click();
  await expect(adminPage).toHaveURL(/\/admin\/requests\?status=pending/);
  const orgFilter = adminPage.getByRole("combobox", { name: "Organisation" });
  await orgFilter.fill(`SACCO ${suffix}`);
  await adminPage.getByRole("option", { name: `Umurenge SACCO ${suffix}` }).click();
  await adminPage.getByRole("button", { name: "Apply filters" }).click();
  await expect(adminPage).toHaveURL(/org=/);
  await adminPage.getByRole("link", { name: keyName }).click();
  await expect(adminPage).toHaveURL(new RegExp(`/admin/requests/${new URL(requestUrl).pathname.split("/").pop()}$`));
  await expect(adminPage.getByText("We register new members who join through our branch network.")).toBeVisible();
  const granted = adminPage.getByRole("group", { name: "Granted scopes" });
  await expect(granted.getByLabel("members:write")).toBeChecked();
  await granted.getByLabel("members:write").uncheck();
  await adminPage.getByRole("button", { name: /Approve and issue key \(2 scopes\)/ }).click();
  await expect(adminPage.getByText(/Approved/).first()).toBeVisible();

  // 4. The partner sees the decision and reveals the key once.
  await page.goto(requestUrl);
  await expect(page.getByText("Approved").first()).toBeVisible();
  await page.goto("/keys");
  await page.getByRole("button", { name: "Reveal key" }).first().click();
  await page.getByRole("dialog", { name: `Reveal ${keyName}?` }).getByRole("button", { name: "Reveal the key now" }).click();
  const secretField = page.getByRole("dialog", { name: `Your key: ${keyName}` }).getByLabel("Secret key");
  await expect(secretField).toHaveValue(/^sk_copa_partner_[a-z0-9]{32}$/);
  const key = await secretField.inputValue();
  await page.getByTestId("secret-panel").getByRole("button", { name: "Copy" }).click();
  await page.getByTestId("secret-panel").getByRole("button", { name: "I've stored it" }).click();
  await expect(page.getByText(`sk_copa_partner_••••${key.slice(-4)}`).first()).toBeVisible();
  expect(await page.content()).not.toContain(key);

  // 5. Over HTTP: both header styles work, a scope it lacks is 403, a wrong key 401.
  const bearer = await request.get("/api/v1/cooperatives", { headers: { Authorization: `Bearer ${key}` } });
  expect(bearer.status()).toBe(200);
  expect(bearer.headers()["content-type"]).toContain("application/json");
  expect(bearer.headers()["x-ratelimit-limit"]).toBeTruthy();
  const coops = await bearer.json();
  const coopId = coops.results[0].id as string;
  const viaHeader = await request.get(`/api/v1/cooperatives/${coopId}/members`, { headers: { "X-API-Key": key } });
  expect(viaHeader.status()).toBe(200);
  const write = await request.post("/api/v1/members", { headers: { Authorization: `Bearer ${key}` }, data: { cooperative_id: coopId } });
  expect(write.status()).toBe(403);
  expect(await write.text()).toBe(INSUFFICIENT);
  const wrong = await request.get("/api/v1/cooperatives", { headers: { Authorization: `Bearer sk_copa_partner_${"0".repeat(32)}` } });
  expect(wrong.status()).toBe(401);
  expect(await wrong.text()).toBe(INVALID);

  // 6. Rotate with a one-hour grace: old and new both work.
  await page.getByRole("link", { name: keyName }).first().click();
  await expect(page).toHaveURL(/\/keys\/[0-9a-f-]{36}$/);
  const oldKeyUrl = page.url();
  await page.getByRole("button", { name: "Rotate" }).click();
  const rotate = page.getByRole("dialog", { name: `Rotate ${keyName}` });
  await rotate.getByRole("radio", { name: "For 1 hour" }).check();
  await rotate.getByRole("button", { name: "Rotate key" }).click();
  const fresh = await page.getByRole("dialog", { name: `New key for ${keyName}` }).getByLabel("Secret key").inputValue();
  expect(fresh).toMatch(/^sk_copa_partner_[a-z0-9]{32}$/);
  await page.getByTestId("secret-panel").getByRole("button", { name: "Copy" }).click();
  await page.getByTestId("secret-panel").getByRole("button", { name: "I've stored it" }).click();
  // Closing the panel opens the new key's page (same name as the old one): wait for it
  // before using its buttons, or they may belong to the old page about to be replaced.
  await page.waitForURL((url) => url.href !== oldKeyUrl && /\/keys\/[0-9a-f-]{36}$/.test(url.pathname));
  await expect(page.getByRole("heading", { level: 1, name: keyName })).toBeVisible();
  for (const k of [key, fresh]) {
    expect((await request.get("/api/v1/cooperatives", { headers: { Authorization: `Bearer ${k}` } })).status()).toBe(200);
  }

  // 7. Revoke the new key: refused on the very next request; the old one still in grace.
  await page.getByRole("button", { name: "Revoke" }).click();
  const revoke = page.getByRole("dialog", { name: `Revoke ${keyName}?` });
  await revoke.getByLabel(/to confirm/).fill(keyName);
  await revoke.getByRole("button", { name: "Revoke key" }).click();
  await expect(revoke).toBeHidden();
  const refused = await request.get("/api/v1/cooperatives", { headers: { Authorization: `Bearer ${fresh}` } });
  expect(refused.status()).toBe(401);
  expect(await refused.text()).toBe(INVALID);
  expect((await request.get("/api/v1/cooperatives", { headers: { "X-API-Key": key } })).status()).toBe(200);

  // 8. The audit trail has the whole story.
  await adminPage.goto(`/admin/audit`);
  for (const action of ["request.submitted", "request.approved", "key.issued", "key.rotated", "key.revoked"]) {
    await expect(adminPage.getByText(action, { exact: true }).filter({ visible: true }).first()).toBeVisible();
  }
});
