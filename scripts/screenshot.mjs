// Takes a full-page screenshot with the system Chromium, for looking at pages as a user.
// usage: node scripts/screenshot.mjs URL OUT.png [width] [storageState.json]
import { chromium } from "@playwright/test";

const [url, out, width = "1280", storageState] = process.argv.slice(2);
if (!url || !out) {
  console.error("usage: node scripts/screenshot.mjs URL OUT.png [width] [storageState.json]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({ viewport: { width: Number(width), height: 800 }, storageState });
const page = await context.newPage();
await page.goto(url, { waitUntil: "networkidle" });
await page.screenshot({ path: out, fullPage: true });
await browser.close();
