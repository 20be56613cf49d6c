import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The app under test is started exactly as a user starts it (npm start's script), on its
// own port and a throwaway database that scripts/e2e-server.ts resets first.
const PORT = Number(process.env.E2E_PORT ?? 3100);
// npm start also runs the API service, on its own port.
const API_PORT = PORT + 1;
export const E2E = {
  baseURL: `http://localhost:${PORT}`,
  apiURL: `http://localhost:${API_PORT}`,
  databaseUrl: process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db",
  adminEmail: "admin@copa.test",
  adminPassword: "e2e-admin-password-0001",
  /** Encrypts TOTP secrets in the e2e database (32 bytes, base64); never a production key. */
  totpKey: "ZTJlLXRvdHAta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=",
  /** The e2e server's SMTP server writes every mail here (e2e/support/mailbox.ts reads them). */
  mailDir: `data/e2e-mail-${PORT}`,
};
process.env.E2E_DATABASE_URL = E2E.databaseUrl;

const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));

export default defineConfig({
  testDir: "e2e",
  // The page budgets at scale run on their own seeded server: playwright.scale.config.ts.
  testIgnore: ["scale/**"],
  fullyParallel: true,
  // Two workers even on two cores: much of a browser test is waiting on the server, and
  // one worker (Playwright's default there) leaves the machine half idle. PW_WORKERS overrides.
  workers: Number(process.env.PW_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_JSON_REPORT ? [["list"], ["json", { outputFile: process.env.PW_JSON_REPORT }]] : "list",
  use: {
    baseURL: E2E.baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath: chromium, args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] } }, dependencies: ["setup"] },
  ],
  // E2E_EXTERNAL=1 runs against a server that is already up (e.g. `next dev` on E2E_PORT
  // with E2E_DATABASE_URL as its database) instead of starting one.
  webServer: process.env.E2E_EXTERNAL ? undefined : {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${E2E.baseURL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      DATABASE_URL: E2E.databaseUrl,
      NEXTAUTH_URL: E2E.baseURL,
      API_PORT: String(API_PORT),
      API_URL: E2E.apiURL,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      COPA_TOTP_KEY: E2E.totpKey,
      ADMIN_EMAIL: E2E.adminEmail,
      ADMIN_PASSWORD: E2E.adminPassword,
      E2E_MAIL_DIR: E2E.mailDir,
      // Small limits so a test can reach them; others get their own keys.
      COPA_RATE_LIMIT_HOUR: process.env.COPA_RATE_LIMIT_HOUR ?? "1000",
      COPA_RATE_LIMIT_DAY: process.env.COPA_RATE_LIMIT_DAY ?? "10000",
    },
  },
});
