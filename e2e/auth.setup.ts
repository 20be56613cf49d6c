import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { E2E } from "../playwright.config";
import { ADMIN_STATE, ADMIN_TOTP, nextTotpCode, signIn } from "./fixtures";

// The seeded admin starts without two-factor, and the console sends such an admin to
// enrol first. Enrol through the real page, reading the setup key as a person would type
// it into an app, and keep the secret so specs can compute codes with the same library.
setup("sign in as the seeded admin and turn on two-factor", async ({ page }) => {
  await signIn(page, E2E.adminEmail, E2E.adminPassword);
  await expect(page).toHaveURL(/\/account\/two-factor\?required=admin/);
  await page.getByRole("button", { name: "Set up two-factor" }).click();
  const secret = ((await page.getByLabel("Setup key").textContent()) ?? "").replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel("Authentication code").fill(await nextTotpCode(secret));
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  mkdirSync(path.dirname(ADMIN_TOTP), { recursive: true });
  writeFileSync(ADMIN_TOTP, JSON.stringify({ secret }));
  await page.getByRole("button", { name: "I have saved my recovery codes" }).click();
  await expect(page.getByRole("heading", { name: "Admin overview" })).toBeVisible();
  await page.context().storageState({ path: ADMIN_STATE });
});
