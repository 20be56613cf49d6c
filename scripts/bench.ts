// npm run bench: GET /api/v1/cooperatives through the production server (what npm start
// runs: scripts/serve.ts, the API front before the Next.js build) against a bare node:http
// + better-sqlite3 server doing the same work, side by side in one run, on a fresh SQLite
// database with 100,000 keys and 2,000 cooperatives.
//
//   npm run bench [-- --duration 10 --rounds 3 --connections 32 --keys 100000 --cooperatives 2000]
//
// Both servers get the same requests from the same closed-loop generator, in rounds whose
// order rotates (bare, app, floor / app, floor, bare / ...) so drift on a shared machine
// hits all alike. Prints requests/s, p50 and p99 for each and the ratio; the third line
// measures the server's floor: an /api/v1 path with no work at all (the JSON 404 of the
// catch-all route), i.e. the most any handler can reach through the same server here.
// Builds with `next build` only when .next/BUILD_ID is missing.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createBenchDatabase } from "./bench/seed";
import { Histogram, runLoad } from "./bench/load";
import { ROOT, sourceFingerprint } from "./lib/setup";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const config = {
  durationMs: option("duration", 10) * 1000,
  rounds: option("rounds", 3),
  connections: option("connections", 32),
  keys: option("keys", 100_000),
  cooperatives: option("cooperatives", 2_000),
  warmupMs: option("warmup", 5) * 1000,
};

const children: ChildProcess[] = [];
let stopping = false;

function stopAll() {
  stopping = true;
  for (const child of children) {
    // Each server was started as the leader of its own process group: end the group by id.
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
  }
}
process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

function start(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  child.on("exit", (code) => {
    if (!stopping && code !== null && code !== 0) console.error(`\n${name} exited with ${code}:\n${output}`);
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, headers: Record<string, string>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { headers });
      if (res.ok) return res;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

function ensureBuild(env: NodeJS.ProcessEnv) {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) {
    console.log("No production build (.next/BUILD_ID): running next build ...");
    const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], { cwd: ROOT, env, stdio: "inherit" });
    if (result.status !== 0) throw new Error("next build failed");
    writeFileSync(path.join(ROOT, ".next", "copa-source-fingerprint"), sourceFingerprint());
    return;
  }
  const fingerprintFile = path.join(ROOT, ".next", "copa-source-fingerprint");
  if (!existsSync(fingerprintFile) || readFileSync(fingerprintFile, "utf8") !== sourceFingerprint()) {
    console.warn("Note: the sources changed since the last production build; measuring that build (run `npm run build` to refresh it).");
  }
}

type Target = { name: string; url: string; histogram: Histogram; requests: number; seconds: number; errors: number; statuses: Record<number, number> };

const fmt = (n: number, digits = 0) => n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main() {
  console.log(`COPA API benchmark: ${fmt(config.keys)} keys, ${fmt(config.cooperatives)} cooperatives, ${config.connections} connections, ${config.rounds} x ${config.durationMs / 1000} s per server\n`);
  const t0 = Date.now();
  const bench = createBenchDatabase(ROOT, { keys: config.keys, cooperatives: config.cooperatives });
  console.log(`Seeded ${path.relative(ROOT, bench.file)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: bench.url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || randomBytes(24).toString("base64url"),
  };
  ensureBuild(env);

  const [appPort, barePort] = [await freePort(), await freePort()];
  env.NEXTAUTH_URL = `http://localhost:${appPort}`;
  env.PORT = String(appPort);
  start("portal server", ["--import", "tsx", path.join(ROOT, "scripts/serve.ts")], env);
  start("bare server", ["--import", "tsx", path.join(ROOT, "scripts/bench/bare-server.ts"), bench.file, String(barePort)], { ...env, NODE_ENV: "production" });

  const headers = { Authorization: `Bearer ${bench.key}` };
  const path_ = "/api/v1/cooperatives";
  const appUrl = `http://127.0.0.1:${appPort}${path_}`;
  const bareUrl = `http://127.0.0.1:${barePort}${path_}`;
  const [appFirst, bareFirst] = await Promise.all([waitFor(appUrl, headers, 120_000), waitFor(bareUrl, headers, 30_000)]);

  // Same work: both return the same first page of the same total.
  const [appBody, bareBody] = (await Promise.all([appFirst.json(), bareFirst.json()])) as { count: number; results: { id: string }[] }[];
  if (appBody.count !== bareBody.count || JSON.stringify(appBody.results.map((r) => r.id)) !== JSON.stringify(bareBody.results.map((r) => r.id))) {
    throw new Error("the app and the bare server disagree on the page; not comparing");
  }
  if (!appFirst.headers.get("x-ratelimit-remaining")) throw new Error("the app answered without rate-limit headers");
  console.log(`Both servers return the same page: ${appBody.results.length} of ${fmt(appBody.count)} cooperatives.\n`);

  const targets: Record<"bare" | "app" | "floor", Target> = {
    bare: { name: "bare node:http + better-sqlite3", url: bareUrl, histogram: new Histogram(), requests: 0, seconds: 0, errors: 0, statuses: {} },
    app: { name: "COPA portal (npm start's server)", url: appUrl, histogram: new Histogram(), requests: 0, seconds: 0, errors: 0, statuses: {} },
    floor: { name: "  server floor (no work)", url: `http://127.0.0.1:${appPort}/api/v1/bench-floor`, histogram: new Histogram(), requests: 0, seconds: 0, errors: 0, statuses: {} },
  };

  // Every 200 the portal gave, warm-up included, must be counted in the key's usage and
  // in both rate-limit windows: checked after the run, so speed is never bought with
  // skipped bookkeeping.
  let appAnswered = 1; // the page compared above
  const measure = async (target: Target, durationMs: number, record: boolean) => {
    const result = await runLoad({ url: target.url, headers, connections: config.connections, durationMs });
    if (target === targets.app) appAnswered += result.statuses[200] ?? 0;
    if (!record) return;
    target.histogram.merge(result.histogram);
    target.requests += result.requests;
    target.seconds += result.seconds;
    target.errors += result.errors;
    for (const [status, n] of Object.entries(result.statuses)) target.statuses[Number(status)] = (target.statuses[Number(status)] ?? 0) + n;
  };

  process.stdout.write("Warming up ");
  for (const t of [targets.bare, targets.app, targets.floor]) {
    await measure(t, config.warmupMs, false);
    process.stdout.write(".");
  }
  process.stdout.write("\n");
  const all = [targets.bare, targets.app, targets.floor];
  for (let round = 0; round < config.rounds; round++) {
    const order = [...all.slice(round % all.length), ...all.slice(0, round % all.length)];
    for (const t of order) {
      process.stdout.write(`Round ${round + 1}/${config.rounds}: ${t.name.trim()} ...`);
      await measure(t, config.durationMs, true);
      process.stdout.write(` ${fmt(t.requests / t.seconds)} req/s so far\n`);
    }
  }

  const row = (t: Target) => {
    const rps = t.requests / t.seconds;
    const unexpected = Object.entries(t.statuses).filter(([s]) => (t === targets.floor ? s !== "404" : s !== "200"));
    return `${t.name.padEnd(34)} ${fmt(rps).padStart(9)} req/s   p50 ${fmt(t.histogram.quantile(0.5), 2).padStart(7)} ms   p99 ${fmt(t.histogram.quantile(0.99), 2).padStart(7)} ms   ${fmt(t.requests).padStart(9)} requests${t.errors || unexpected.length ? `   (${t.errors} errors, unexpected statuses ${JSON.stringify(Object.fromEntries(unexpected))})` : ""}`;
  };
  const appRps = targets.app.requests / targets.app.seconds;
  const bareRps = targets.bare.requests / targets.bare.seconds;
  const floorRps = targets.floor.requests / targets.floor.seconds;
  const ratio = appRps / bareRps;

  console.log(`\nGET /api/v1/cooperatives (page 1, 20 rows), valid key, ${config.connections} connections, ${config.rounds} x ${config.durationMs / 1000} s each:\n`);
  console.log(row(targets.bare));
  console.log(row(targets.app));
  console.log(row(targets.floor));
  console.log(`\nRatio (portal / bare): ${(ratio * 100).toFixed(1)}% of the bare server's throughput (target: at least 60%) -> ${ratio >= 0.6 ? "MET" : "NOT MET"}`);
  console.log(`Server floor / bare: ${((floorRps / bareRps) * 100).toFixed(1)}% (the most any handler can reach through this server on this machine)`);

  const check = new Database(bench.file, { readonly: true });
  const counted = {
    usage: Number((check.prepare(`SELECT COALESCE(SUM("count2xx"), 0) AS n FROM "KeyUsageDaily" WHERE "keyId" = ?`).get(bench.keyId) as { n: number }).n),
    hour: Number((check.prepare(`SELECT COALESCE(SUM("count"), 0) AS n FROM "RateLimitBucket" WHERE "keyId" = ? AND "granularity" = 'm'`).get(bench.keyId) as { n: number }).n),
    day: Number((check.prepare(`SELECT COALESCE(SUM("count"), 0) AS n FROM "RateLimitBucket" WHERE "keyId" = ? AND "granularity" = 'h'`).get(bench.keyId) as { n: number }).n),
  };
  check.close();
  const exact = counted.usage === appAnswered && counted.hour === appAnswered && counted.day === appAnswered;
  console.log(
    `Bookkeeping: the portal answered ${fmt(appAnswered)} requests with 200; the key's usage counts ${fmt(counted.usage)}, its hourly window ${fmt(counted.hour)}, its daily window ${fmt(counted.day)} -> ${exact ? "exact" : "MISMATCH"}`,
  );
  if (!exact) process.exitCode = 1;

  const results = {
    at: new Date().toISOString(),
    config,
    machine: { cpus: os.cpus().length, node: process.version },
    bare: { rps: bareRps, p50: targets.bare.histogram.quantile(0.5), p99: targets.bare.histogram.quantile(0.99), requests: targets.bare.requests },
    app: { rps: appRps, p50: targets.app.histogram.quantile(0.5), p99: targets.app.histogram.quantile(0.99), requests: targets.app.requests },
    floor: { rps: floorRps, p50: targets.floor.histogram.quantile(0.5), p99: targets.floor.histogram.quantile(0.99), requests: targets.floor.requests },
    ratio,
    bookkeeping: { answered: appAnswered, ...counted, exact },
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
    // The keep-alive sockets and child pipes must not hold the process open.
    setTimeout(() => process.exit(), 500).unref();
  });
