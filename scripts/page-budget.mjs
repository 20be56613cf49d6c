// The first-load JavaScript budget of every page: what a browser downloads (gzip) before a
// page can respond, read from the production build in .next (run `next build` first).
// For each page route: the framework's root chunks (build-manifest rootMainFiles) plus
// every client chunk of the route's segments (its client reference manifest's
// entryJSFiles: root and group layouts, error and not-found boundaries, the page).
// Prints the table and exits 1 when a route is over BUDGET_KB (1 kB = 1000 bytes).
// Usage: node scripts/page-budget.mjs [--json]
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import vm from "node:vm";

export const BUDGET_KB = 130;

const root = path.resolve(import.meta.dirname, "..");
const next = path.join(root, ".next");

function clientManifest(page) {
  const file = path.join(next, "server", "app", `${page}_client-reference-manifest.js`);
  if (!existsSync(file)) return null;
  const sandbox = { globalThis: {} };
  sandbox.globalThis = sandbox;
  vm.runInNewContext(readFileSync(file, "utf8"), sandbox);
  return sandbox.__RSC_MANIFEST[page];
}

const gzipSizes = new Map();
function gzipSize(chunk) {
  if (!gzipSizes.has(chunk)) gzipSizes.set(chunk, gzipSync(readFileSync(path.join(next, chunk)), { level: 9 }).length);
  return gzipSizes.get(chunk);
}

/** The URL of a page entry: "/(partner)/keys/[id]/page" -> "/keys/[id]". */
const routeOf = (page) => page.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";

export function measure() {
  if (!existsSync(path.join(next, "build-manifest.json"))) throw new Error("no production build in .next: run `npx next build` first");
  const build = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8"));
  const pages = Object.keys(JSON.parse(readFileSync(path.join(next, "server", "app-paths-manifest.json"), "utf8"))).filter((p) => p.endsWith("/page") && !p.startsWith("/_"));
  const framework = build.rootMainFiles;
  const frameworkBytes = framework.reduce((sum, c) => sum + gzipSize(c), 0);
  return pages
    .map((page) => {
      const manifest = clientManifest(page);
      const chunks = new Set(framework);
      for (const files of Object.values(manifest?.entryJSFiles ?? {})) for (const f of files) if (f.endsWith(".js")) chunks.add(f);
      const bytes = [...chunks].reduce((sum, c) => sum + gzipSize(c), 0);
      return { route: routeOf(page), bytes, frameworkBytes, chunks: chunks.size };
    })
    .sort((a, b) => a.route.localeCompare(b.route));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = measure();
  if (process.argv.includes("--json")) console.log(JSON.stringify(rows, null, 2));
  const kb = (n) => (n / 1000).toFixed(1).padStart(6);
  console.log(`First-load JavaScript per route (gzip, 1 kB = 1000 bytes; budget ${BUDGET_KB} kB; framework runtime ${kb(rows[0]?.frameworkBytes ?? 0).trim()} kB of each)`);
  for (const r of rows) console.log(`${r.bytes > BUDGET_KB * 1000 ? "OVER" : "  ok"} ${kb(r.bytes)} kB  ${r.route}`);
  const over = rows.filter((r) => r.bytes > BUDGET_KB * 1000);
  if (over.length) {
    console.error(`\n${over.length} route(s) over the ${BUDGET_KB} kB budget: ${over.map((r) => r.route).join(", ")}`);
    process.exit(1);
  }
}
