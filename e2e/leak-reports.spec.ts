// Leaked-key reports through the running portal and API service: an admin pastes GitHub's
// public key document on /admin/leaks; a report signed as GitHub signs it, in GitHub's
// documented payload format, revokes the key on the API's next call; a tampered signature
// is refused and changes nothing; the report is listed for admins.
import { generateKeyPairSync, sign } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { issueKey } from "./api-support";
import { expect, test } from "./fixtures";
import { E2E } from "../playwright.config";

test("a signed GitHub secret scanning report revokes the key; a tampered one is refused", async ({ adminPage: page, request }) => {
  const github = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const keyId = `e2e-${Date.now().toString(36)}`;
  const document = JSON.stringify({ public_keys: [{ key_identifier: keyId, key: github.publicKey.export({ type: "spki", format: "pem" }).toString(), is_current: true }] });

  await page.goto("/admin/leaks");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Leaked keys");
  await page.getByLabel("Revoke it").check();
  await page.getByLabel("GitHub's public keys").fill(document);
  await page.getByRole("button", { name: "Save the policy" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Policy saved." })).toBeFocused();
  await expect(page.getByText(`One GitHub key is configured: ${keyId}.`)).toBeVisible();

  const key = await issueKey(["cooperatives:read"]);
  const api = (secret: string) => request.get(`${E2E.apiURL}/api/v1/cooperatives`, { headers: { Authorization: `Bearer ${secret}` } });
  expect((await api(key.secret)).status()).toBe(200);

  const body = JSON.stringify([{ token: key.secret, type: "copa_api_key", url: "https://github.com/octocat/Hello-World/blob/12345600b9cbe38a219f39a9941c9319b600c002/foo/bar.txt", source: "content" }]);
  const signature = sign("sha256", Buffer.from(body), { key: github.privateKey, dsaEncoding: "der" }).toString("base64");
  const report = (payload: string, sig: string) =>
    request.post(`${E2E.apiURL}/api/leaks/github`, { data: payload, headers: { "Content-Type": "application/json", "Github-Public-Key-Identifier": keyId, "Github-Public-Key-Signature": sig } });

  const tampered = await report(body.replace("content", "commit"), signature);
  expect([tampered.status(), await tampered.json()]).toEqual([401, { detail: "Invalid signature." }]);
  expect((await api(key.secret)).status()).toBe(200);

  const accepted = await report(body, signature);
  expect([accepted.status(), await accepted.json()]).toEqual([200, []]);
  const refused = await api(key.secret);
  expect([refused.status(), await refused.json()]).toEqual([401, { detail: "Invalid API key" }]);

  await page.reload();
  const row = page.getByRole("row").filter({ hasText: key.keyName }).first();
  await expect(row).toContainText("GitHub secret scanning");
  await expect(row).toContainText("Revoked");
  expect(await page.content()).not.toContain(key.secret);
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
});
