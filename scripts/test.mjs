// npm test: type-check, unit and integration tests (Vitest, real SQLite and, when one is
// configured, PostgreSQL), then the browser tests (Playwright in Chromium through the
// running app). Prints each suite's duration and ends with one line "N passed, N failed"
// counting distinct tests (the type-check is a gate, not a test: it fails the run but is
// not counted).
//
// DATABASE_URL picks the engine under test:
// - unset or file: -> SQLite: unit tests, integration tests on SQLite (and on PostgreSQL
//   too when TEST_POSTGRES_URL names a server), browser tests against the app on SQLite.
// - postgres:// -> the PostgreSQL run: only what depends on the database runs again, on
//   that server: the integration tests and the engine-dependent browser specs
//   (POSTGRES_SPECS, app on copa_e2e). Unit tests
//   and the SQLite integration tests already ran in the SQLite run.
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

/** The browser specs the PostgreSQL run repeats (see below). */
const POSTGRES_SPECS = [
  "e2e/golden-path.spec.ts",
  "e2e/api-both-ways.spec.ts",
  "e2e/admin-race.spec.ts",
  "e2e/two-person-approval.spec.ts",
];

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
let gateFailed = false;
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;
const run = (title, cmd, args, extraEnv = {}) => {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } });
  return { status: result.status ?? 1, ms: Date.now() - started };
};
const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};

// 1. Type-check: a gate, not a test.
const tsc = run("Type-check", bin("tsc"), ["--noEmit"]);
if (tsc.status !== 0) gateFailed = true;
lines.push(`type-check: ${tsc.status === 0 ? "passed" : "FAILED"} (${seconds(tsc.ms)}, not counted as a test)`);

// 2. Unit + integration, each test once per database it depends on.
const projects = isPostgres ? ["integration-postgres"] : ["unit", "integration-sqlite", ...(env.TEST_POSTGRES_URL ? ["integration-postgres"] : [])];
const vitestJson = path.join(out, "vitest.json");
const vitest = run(`Unit and integration tests (Vitest: ${projects.join(", ")})`, bin("vitest"), [
  "run",
  ...projects.flatMap((p) => ["--project", p]),
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
const v = readJson(vitestJson);
if (v) {
  totals.passed += v.numPassedTests;
  totals.failed += v.numFailedTests;
  totals.skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  lines.push(`vitest (${projects.join(" + ")}): ${v.numPassedTests} passed, ${v.numFailedTests} failed (${seconds(vitest.ms)})`);
}
if (vitest.status !== 0 && (!v || v.numFailedTests === 0)) {
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
  // The PostgreSQL run repeats, through the running app, the flows whose code differs by
  // engine or leans on it (raw SQL and list queries, case-insensitive search, the API
  // store, concurrent decisions, the mail outbox's claims, triggers); every service and
  // store is already tested on PostgreSQL by the integration tests above. Tests tagged @ui
  // (accessibility, keyboard and layout sweeps) never depend on the engine.
  // The axe sweep of every page in every role, mode and width (@sweep, about six minutes
  // on two cores) runs apart, `npm run test:a11y`, to keep CI within its 20 minutes; its
  // route-listing test stays here, so a new page without a sweep row still fails npm test.
  const pwArgs = isPostgres ? ["test", ...POSTGRES_SPECS, "--grep-invert", "@ui"] : ["test", "--grep-invert", "@sweep"];
  const pw = run(`Browser tests (Playwright, Chromium${isPostgres ? ": the engine-dependent specs" : ""})`, bin("playwright"), pwArgs, { PW_JSON_REPORT: pwJson });
  const p = readJson(pwJson);
  if (p?.stats) {
    const passed = p.stats.expected + (p.stats.flaky ?? 0);
    totals.passed += passed;
    totals.failed += p.stats.unexpected;
    totals.skipped += p.stats.skipped;
    lines.push(`playwright (app on ${isPostgres ? "PostgreSQL" : "SQLite"}): ${passed} passed, ${p.stats.unexpected} failed (${seconds(pw.ms)})`);
  }
  if (pw.status !== 0 && (!p?.stats || p.stats.unexpected === 0)) {
    totals.failed += 1;
    lines.push("playwright: FAILED to run");
  }
}

// 4. Page budgets at scale: its own server and seeded SQLite database
// (playwright.scale.config.ts). It does not depend on the engine under test, so only the
// SQLite run has it.
if (chromium && !isPostgres) {
  const scaleJson = path.join(out, "playwright-scale.json");
  const scale = run("Page budgets at scale (Playwright)", bin("playwright"), ["test", "-c", "playwright.scale.config.ts"], { PW_JSON_REPORT: scaleJson });
  const s = readJson(scaleJson);
  if (s?.stats) {
    totals.passed += s.stats.expected;
    totals.failed += s.stats.unexpected;
    lines.push(`page budgets at scale: ${s.stats.expected} passed, ${s.stats.unexpected} failed (${seconds(scale.ms)})`);
  }
  if (scale.status !== 0 && (!s?.stats || s.stats.unexpected === 0)) {
    totals.failed += 1;
    lines.push("page budgets at scale: FAILED to run");
  }
}

console.log(`\n${lines.join("\n")}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(totals.failed > 0 || gateFailed ? 1 : 0);
