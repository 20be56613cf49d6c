// Takes a full-page screenshot with the system Chromium, for looking at pages as a user.
// usage: node scripts/screenshot.mjs URL OUT.png [width] [storageState.json] [--viewport]
// (--viewport: only the first screen instead of the full page)
import { chromium } from "@playwright/test";

const args = process.argv.slice(2);
const viewportOnly = args.includes("--viewport");
const [url, out, width = "1280", storageState] = args.filter((a) => a !== "--viewport");
if (!url || !out) {
  console.error("usage: node scripts/screenshot.mjs URL OUT.png [width] [storageState.json]");
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({ viewport: { width: Number(width), height: 800 }, storageState: storageState || undefined });
const page = await context.newPage();
await page.goto(url, { waitUntil: "networkidle" });
await page.screenshot({ path: out, fullPage: !viewportOnly });
await browser.close();
