// npm run bench: the API service (what npm start runs beside the portal:
// scripts/api-server.ts, the Hono app on @hono/node-server) against a bare node:http +
// better-sqlite3 server doing the same work, side by side in one run, plus the gateway's
// POST /api/keys/verify with a scope, on a fresh SQLite database with 100,000 keys and
// 2,000 cooperatives. The load comes from autocannon.
//
//   npm run bench [-- --duration 10 --rounds 3 --connections 32 --keys 100000 --cooperatives 2000]
//
// The targets are measured in rounds whose order rotates (bare, service, verify / service,
// verify, bare / ...) so drift on a shared machine hits all alike. Prints requests/s, p50
// and p99 for each and the ratios, then checks that every answered request was counted in
// its key's usage and both rate-limit windows, exactly.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { freePort, option, startProcess as start, stopAll, waitFor } from "./bench/processes";
import { createBenchDatabase } from "./bench/seed";
import { ROOT } from "./lib/setup";

const config = {
  duration: option("duration", 10),
  rounds: option("rounds", 3),
  connections: option("connections", 32),
  keys: option("keys", 100_000),
  cooperatives: option("cooperatives", 2_000),
  warmup: option("warmup", 5),
};

type Request = { url: string; method: "GET" | "POST"; headers: Record<string, string>; body?: string };
type Target = Request & { name: string; rps: number[]; p50: number[]; p99: number[]; requests: number; ok: number; other: number; errors: number };

const fmt = (n: number, digits = 0) => n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function load(target: Request, seconds: number) {
  const result = await autocannon({ url: target.url, method: target.method, headers: target.headers, body: target.body, connections: config.connections, duration: seconds });
  return result;
}

async function main() {
  console.log(`COPA API benchmark: ${fmt(config.keys)} keys, ${fmt(config.cooperatives)} cooperatives, autocannon with ${config.connections} connections, ${config.rounds} x ${config.duration} s per target\n`);
  const t0 = Date.now();
  const bench = createBenchDatabase(ROOT, { keys: config.keys, cooperatives: config.cooperatives });
  console.log(`Seeded ${path.relative(ROOT, bench.file)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const [apiPort, barePort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: bench.url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || randomBytes(24).toString("base64url"),
    API_PORT: String(apiPort),
  };
  start("API service", ["--import", "tsx", path.join(ROOT, "scripts/api-server.ts")], env);
  start("bare server", ["--import", "tsx", path.join(ROOT, "scripts/bench/bare-server.ts"), bench.file, String(barePort)], env);

  const path_ = "/api/v1/cooperatives";
  const auth = { Authorization: `Bearer ${bench.key}` };
  const service: Request = { url: `http://127.0.0.1:${apiPort}${path_}`, method: "GET", headers: auth };
  const bare: Request = { url: `http://127.0.0.1:${barePort}${path_}`, method: "GET", headers: auth };
  const verify: Request = {
    url: `http://127.0.0.1:${apiPort}/api/keys/verify`,
    method: "POST",
    headers: { Authorization: `Bearer ${bench.gatewayToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({ key: bench.verifyKey, scope: "cooperatives:read" }),
  };
  const [serviceFirst, bareFirst] = await Promise.all([waitFor(service.url, { headers: auth }, 60_000), waitFor(bare.url, { headers: auth }, 30_000)]);

  // Same work: both return the same first page of the same total.
  const [a, b] = (await Promise.all([serviceFirst.json(), bareFirst.json()])) as { count: number; results: { id: string }[] }[];
  if (a.count !== b.count || JSON.stringify(a.results.map((r) => r.id)) !== JSON.stringify(b.results.map((r) => r.id))) {
    throw new Error("the API service and the bare server disagree on the page; not comparing");
  }
  if (!serviceFirst.headers.get("x-ratelimit-remaining")) throw new Error("the API service answered without rate-limit headers");
  const verdict = (await (await fetch(verify.url, { method: "POST", headers: verify.headers, body: verify.body })).json()) as { valid: boolean };
  if (!verdict.valid) throw new Error("the verification service refused the benchmark key");
  console.log(`Both servers return the same page: ${a.results.length} of ${fmt(a.count)} cooperatives; the gateway verification says valid.\n`);

  const targets: Target[] = [
    { name: "bare node:http + better-sqlite3", ...bare, rps: [], p50: [], p99: [], requests: 0, ok: 0, other: 0, errors: 0 },
    { name: "API service (npm start's)", ...service, rps: [], p50: [], p99: [], requests: 0, ok: 0, other: 0, errors: 0 },
    { name: "POST /api/keys/verify + scope", ...verify, rps: [], p50: [], p99: [], requests: 0, ok: 0, other: 0, errors: 0 },
  ];
  const [, serviceT, verifyT] = targets;

  process.stdout.write("Warming up ");
  for (const t of targets) {
    await load(t, config.warmup);
    process.stdout.write(".");
  }
  process.stdout.write("\n");
  for (let round = 0; round < config.rounds; round++) {
    const order = [...targets.slice(round % targets.length), ...targets.slice(0, round % targets.length)];
    for (const t of order) {
      process.stdout.write(`Round ${round + 1}/${config.rounds}: ${t.name} ...`);
      const r = await load(t, config.duration);
      t.rps.push(r.requests.average);
      t.p50.push(r.latency.p50);
      t.p99.push(r.latency.p99);
      t.requests += r.requests.total;
      t.ok += r["2xx"];
      t.other += r.non2xx;
      t.errors += r.errors + r.timeouts;
      process.stdout.write(` ${fmt(r.requests.average)} req/s\n`);
    }
  }

  // Per target: the median round (robust to one disturbed round on a shared machine).
  const summary = (t: Target) => ({ rps: median(t.rps), p50: median(t.p50), p99: median(t.p99) });
  const row = (t: Target) => {
    const s = summary(t);
    return `${t.name.padEnd(32)} ${fmt(s.rps).padStart(8)} req/s   p50 ${fmt(s.p50, 1).padStart(6)} ms   p99 ${fmt(s.p99, 1).padStart(6)} ms   ${fmt(t.requests).padStart(9)} requests${t.other || t.errors ? `   (${t.other} non-2xx, ${t.errors} errors)` : ""}`;
  };
  console.log(`\nMedian of ${config.rounds} rounds, ${config.connections} connections, ${config.duration} s each; GET /api/v1/cooperatives is page 1 (20 rows) with a valid key:\n`);
  for (const t of targets) console.log(row(t));

  const [sb, ss, sv] = targets.map(summary);
  const throughput = ss.rps / sb.rps;
  const tail = ss.p99 / sb.p99;
  const met = throughput >= 0.9 && tail <= 1.5;
  console.log(`\nAPI service / bare: ${(throughput * 100).toFixed(1)}% of the throughput (target >= 90%), p99 ${tail.toFixed(2)}x (target <= 1.5x) -> ${met ? "MET" : "NOT MET"}`);
  console.log(`Verification / bare: ${((sv.rps / sb.rps) * 100).toFixed(1)}% of the throughput, p99 ${(sv.p99 / sb.p99).toFixed(2)}x`);

  // Bookkeeping: a timed run ends with requests in flight that the server counts but the
  // generator never sees answered, so exactness is checked on a fixed number of requests:
  // each must appear once in its key's usage and in both rate-limit windows. Speed is
  // never bought with skipped bookkeeping.
  const check = new Database(bench.file, { readonly: true });
  const countedFor = (keyId: string) => ({
    usage: Number((check.prepare(`SELECT COALESCE(SUM("count2xx"), 0) AS n FROM "KeyUsageDaily" WHERE "keyId" = ?`).get(keyId) as { n: number }).n),
    hour: Number((check.prepare(`SELECT COALESCE(SUM("count"), 0) AS n FROM "RateLimitBucket" WHERE "keyId" = ? AND "granularity" = 'm'`).get(keyId) as { n: number }).n),
    day: Number((check.prepare(`SELECT COALESCE(SUM("count"), 0) AS n FROM "RateLimitBucket" WHERE "keyId" = ? AND "granularity" = 'h'`).get(keyId) as { n: number }).n),
  });
  // Let the last timed round's in-flight requests settle before the "before" reading.
  await new Promise((r) => setTimeout(r, 1000));
  let exact = true;
  const bookkeeping: Record<string, unknown> = {};
  const AMOUNT = 5_000;
  for (const [t, keyId] of [[serviceT, bench.keyId], [verifyT, bench.verifyKeyId]] as const) {
    const before = countedFor(keyId);
    const r = await autocannon({ url: t.url, method: t.method, headers: t.headers, body: t.body, connections: config.connections, amount: AMOUNT });
    const after = countedFor(keyId);
    const delta = { usage: after.usage - before.usage, hour: after.hour - before.hour, day: after.day - before.day };
    const ok = r["2xx"] === AMOUNT && delta.usage === AMOUNT && delta.hour === AMOUNT && delta.day === AMOUNT;
    exact &&= ok;
    bookkeeping[t === serviceT ? "service" : "verify"] = { sent: AMOUNT, answered: r["2xx"], ...delta, exact: ok };
    console.log(`Bookkeeping, ${t.name}: ${fmt(AMOUNT)} sent, ${fmt(r["2xx"])} answered 200; counted in usage ${fmt(delta.usage)}, hourly window ${fmt(delta.hour)}, daily window ${fmt(delta.day)} -> ${ok ? "exact" : "MISMATCH"}`);
  }
  check.close();
  if (!exact) process.exitCode = 1;

  const results = {
    at: new Date().toISOString(),
    config,
    machine: { cpus: os.cpus().length, node: process.version },
    bare: sb,
    service: ss,
    verify: sv,
    ratios: { throughput, p99: tail, verifyThroughput: sv.rps / sb.rps },
    bookkeeping,
  };
  writeFileSync(path.join(ROOT, "data", "bench", "results.json"), JSON.stringify(results, null, 2));
  console.log(`\nResults written to data/bench/results.json`);
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => {
    stopAll();
    setTimeout(() => process.exit(), 500).unref();
  });
