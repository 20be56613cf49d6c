// First-load JavaScript per route, from the production build the web server just made
// (scripts/page-budget.mjs reads .next): prints every route's size and fails when one is
// over the budget. Sizes are bytes, not timings, so this is a stable test.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, test } from "./fixtures";

const ROOT = path.resolve(__dirname, "..");

test("@ui first-load JavaScript of every route is within the budget", async () => {
  let output: string;
  let failed = false;
  try {
    output = execFileSync(process.execPath, [path.join(ROOT, "scripts/page-budget.mjs")], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    output = `${e.stdout ?? ""}${e.stderr ?? ""}`;
    failed = true;
  }
  console.log(output);
  // Every page route is measured (the manifest lists them; none may be missing from the table).
  expect(output).toMatch(/ \/keys\/\[id\]\n/);
  expect(failed, output).toBe(false);
});
