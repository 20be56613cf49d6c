import { test as setup } from "@playwright/test";
import { E2E } from "../playwright.config";
import { ADMIN_STATE, signIn } from "./fixtures";

setup("sign in as the seeded admin", async ({ page }) => {
  await signIn(page, E2E.adminEmail, E2E.adminPassword);
  await page.context().storageState({ path: ADMIN_STATE });
});
