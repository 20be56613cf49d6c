// npm test: type-check, unit and integration tests (Vitest, real SQLite and, when one is
// configured, PostgreSQL), then the browser tests (Playwright in Chromium through the
// running app). Ends with one line "N passed, N failed" adding up every suite.
//
// DATABASE_URL picks the engine under test: unset or file: -> SQLite; postgres:// -> the
// integration tests also run on that server and the e2e app runs on a fresh database
// there (copa_e2e). TEST_POSTGRES_URL adds PostgreSQL integration tests to a SQLite run.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "test-results");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const dbUrl = process.env.DATABASE_URL ?? "";
const isPostgres = /^postgres(ql)?:\/\//.test(dbUrl);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
if (isPostgres) {
  const server = new URL(dbUrl);
  server.pathname = "/postgres";
  env.TEST_POSTGRES_URL ??= server.toString();
  const e2e = new URL(dbUrl);
  e2e.pathname = "/copa_e2e";
  env.E2E_DATABASE_URL ??= e2e.toString();
} else {
  env.E2E_DATABASE_URL ??= "file:./data/e2e.db";
}
// The test runner's own DATABASE_URL must not leak into the app under test.
delete env.DATABASE_URL;

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const run = (title, cmd, args, extraEnv = {}) => {
  console.log(`\n=== ${title} ===`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status ?? 1;
};
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};

// 1. Type-check: one check.
const tsc = run("Type-check", bin("tsc"), ["--noEmit"]);
totals[tsc === 0 ? "passed" : "failed"] += 1;
lines.push(`type-check: ${tsc === 0 ? "passed" : "FAILED"}`);

// 2. Unit + integration.
const vitestJson = path.join(out, "vitest.json");
const vitest = run("Unit and integration tests (Vitest)", bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]);
const v = readJson(vitestJson);
if (v) {
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  totals.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  lines.push(`vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed${isPostgres || env.TEST_POSTGRES_URL ? " (SQLite + PostgreSQL)" : " (SQLite)"}`);
}
if (vitest !== 0 && (!v || v.numFailedTests === 0)) {
  totals.failed += 1;
  lines.push("vitest: FAILED to run");
}

// 3. Browser tests.
const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
if (!chromium) {
  console.error("\nChromium is not installed (apt-get install -y chromium); browser tests cannot run.");
  totals.failed += 1;
  lines.push("playwright: FAILED (no Chromium)");
} else {
  const pwJson = path.join(out, "playwright.json");
  const pw = run("Browser tests (Playwright, Chromium)", bin("playwright"), ["test"], { PW_JSON_REPORT: pwJson });
  const p = readJson(pwJson);
  if (p?.stats) {
    const passed = p.stats.expected + (p.stats.flaky ?? 0);
    totals.passed += passed;
    totals.failed += p.stats.unexpected;
    totals.skipped += p.stats.skipped;
    lines.push(`playwright: ${passed} passed, ${p.stats.unexpected} failed${isPostgres ? " (app on PostgreSQL)" : " (app on SQLite)"}`);
  }
  if (pw !== 0 && (!p?.stats || p.stats.unexpected === 0)) {
    totals.failed += 1;
    lines.push("playwright: FAILED to run");
  }
}

console.log(`\n${lines.join("\n")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 ? 1 : 0);
