// An admin issues a gateway credential at /admin/gateway (shown once), the gateway uses it
// to verify keys, and revoking it refuses the very next verification. Partners cannot
// open the page.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";

test.describe("gateway credentials", () => {
  test("issue, use once shown, revoke", async ({ adminPage: page }) => {
    const name = `E2E gateway ${Date.now().toString(36)}`;
    await page.goto("/admin/gateway");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gateway credentials");
    await page.getByLabel("Name").fill(name);
    await page.getByRole("button", { name: "Issue credential" }).click();
    const field = page.getByLabel("Gateway token");
    await expect(field).toHaveValue(/^gw_copa_[a-z0-9]{32}$/);
    const token = await field.inputValue();

    // maxRetries: a kept-alive socket the server closes at the moment it is reused gives
    // ECONNRESET (seen once in CI); verification only reads, so a retry is safe.
    const verify = () => page.request.post("/api/keys/verify", { headers: { Authorization: `Bearer ${token}` }, data: { key: "sk_copa_partner_short" }, maxRetries: 1 });
    const ok = await verify();
    expect([ok.status(), await ok.json()]).toEqual([200, { valid: false, reason: "malformed" }]);

    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);

    await page.getByRole("button", { name: "I've stored it" }).click();
    await expect(page.getByLabel("Gateway token")).toHaveCount(0);
    // Afterwards only the mask is shown, never the token.
    const row = page.getByRole("row").filter({ hasText: name });
    await expect(row).toContainText(`gw_copa_••••${token.slice(-4)}`);
    expect(await page.content()).not.toContain(token);

    await row.getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(page.getByRole("row").filter({ hasText: name })).toContainText("Revoked");
    const refused = await verify();
    expect([refused.status(), await refused.json()]).toEqual([401, { detail: "Invalid gateway credential" }]);
  });

  test("a partner cannot open the page", async ({ partnerPage: { page } }) => {
    const response = await page.goto("/admin/gateway");
    expect(response?.status()).toBe(404);
  });
});
