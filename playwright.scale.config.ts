import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The page budgets at scale (e2e/scale): the app as npm start runs it, over its own
// throwaway database seeded with npm run seed:scale's dataset (scripts/e2e-server.ts with
// E2E_SEED=scale), on its own port, so it never disturbs the other browser tests.
//   npx playwright test -c playwright.scale.config.ts
const PORT = Number(process.env.E2E_SCALE_PORT ?? 3110);
export const SCALE_E2E = {
  baseURL: `http://localhost:${PORT}`,
  databaseUrl: process.env.E2E_SCALE_DATABASE_URL ?? "file:./data/e2e-scale.db",
  adminEmail: "admin@copa.test",
  adminPassword: "e2e-admin-password-0001",
  // scripts/seed-scale.ts --tag e2e, with its default password.
  partnerEmail: "scale-owner-e2e@scale.example",
  partnerPassword: "scale-partner-password",
};

const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export default defineConfig({
  testDir: "e2e/scale",
  workers: 1,
  retries: 0,
  timeout: 180_000,
  reporter: process.env.PW_JSON_REPORT ? [["list"], ["json", { outputFile: process.env.PW_JSON_REPORT }]] : "list",
  use: { baseURL: SCALE_E2E.baseURL, ...devices["Desktop Chrome"], launchOptions: { executablePath: chromium, args } },
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${SCALE_E2E.baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      E2E_SEED: "scale",
      PORT: String(PORT),
      // npm start also runs the API service: on the next port, clear of the other e2e run's.
      API_PORT: String(PORT + 1),
      DATABASE_URL: SCALE_E2E.databaseUrl,
      NEXTAUTH_URL: SCALE_E2E.baseURL,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      ADMIN_EMAIL: SCALE_E2E.adminEmail,
      ADMIN_PASSWORD: SCALE_E2E.adminPassword,
    },
  },
});
