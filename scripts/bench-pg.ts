// npm run bench:pg: the PostgreSQL path against the embedded one, and scale-out. On a
// throwaway PostgreSQL cluster and a SQLite file holding the same data (100,000 keys,
// 2,000 cooperatives), autocannon loads GET /api/v1/cooperatives on the API service
// (scripts/api-server.ts, as npm start runs it):
//   SQLite, one instance | PostgreSQL, one instance | PostgreSQL, two instances together
// each with one hot key and with requests spread over 1,000 keys. Prints requests/s, p50
// and p99, the ratios against the targets, and two exactness checks across the two
// instances: a fixed number of requests is counted exactly once, and a key's limit admits
// exactly its limit. Each row also shows the CPU time per request of the API instances,
// the PostgreSQL server and the load generator (Linux): with other work on the machine,
// requests/s drop and spread, while CPU per request stays comparable between runs.
//
//   npm run bench:pg [-- --duration 8 --rounds 3 --connections 32 --pg-port 55460 --pg-stats]
//
// --pg-stats loads pg_stat_statements (statements inside functions included) and prints
// where the PostgreSQL server spent its time, statement by statement, planning included
// (the figures then include the extension's own cost).
//
// The throwaway cluster listens on --pg-port, by default a free port outside 55430-55449
// (where the README and the tests' own clusters live).
import { execFileSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import pg from "pg";
import { freePort, onStop, option, processTreeCpuSeconds, startProcess as start, stopAll, stopProcess, waitFor } from "./bench/processes";
import { createBenchDatabase } from "./bench/seed";
import { ROOT } from "./lib/setup";

const config = { duration: option("duration", 8), rounds: option("rounds", 3), connections: option("connections", 32), keys: option("keys", 100_000), warmup: option("warmup", 3) };
/** A free port for the throwaway cluster, unless --pg-port names one. */
async function clusterPort(): Promise<number> {
  if (process.argv.includes("--pg-port")) return option("pg-port", 0);
  for (;;) {
    const port = await freePort();
    if (port < 55430 || port > 55449) return port;
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });

type Service = { url: string; child: ChildProcess };

async function startService(databaseUrl: string): Promise<Service> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: "bench-secret-0123456789abcdef", API_PORT: String(port) };
  const child = start(`API service on ${port}`, ["--import", "tsx", path.join(ROOT, "scripts/api-server.ts")], env);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/v1/openapi.json`, {}, 60_000);
  return { url, child };
}

const stopService = (service: { child: ChildProcess }) => stopProcess(service.child);

const COPIED_TABLES = ["Organization", "ApiKey", "GatewayCredential", "Cooperative", "Member", "Loan", "Payment"];

/** Copies the SQLite bench database's rows into the migrated PostgreSQL database. */
async function copyToPostgres(file: string, url: string) {
  const source = new Database(file, { readonly: true });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const table of COPIED_TABLES) {
    const rows = source.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    if (rows.length === 0) continue;
    const columns = Object.keys(rows[0]);
    for (let i = 0; i < rows.length; i += 1000) {
      const batch = rows.slice(i, i + 1000);
      const values: unknown[] = [];
      const tuples = batch.map((row) => `(${columns.map((c) => (values.push(row[c]), `$${values.length}`)).join(", ")})`);
      await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`, values);
    }
  }
  // Statistics for the copied tables only. ANALYZE on the still empty rate-limit and usage
  // tables would record them as empty, and the planner would scan them sequentially until
  // autovacuum analyzes them again, a minute or more into the load. A new database in
  // production has never analyzed them (the planner then assumes a few pages and uses the
  // primary key), and autovacuum keeps their statistics as they grow.
  await client.query(`ANALYZE ${COPIED_TABLES.map((t) => `"${t}"`).join(", ")}`);
  await client.end();
  source.close();
}

type Load = { name: string; keys: string[] };
/** CPU microseconds per request answered: API instances, PostgreSQL server, load generator (null: not measurable here). */
type Cpu = { api: number | null; pg: number | null; load: number };
type Row = { setup: string; load: string; rps: number; p50: number; p99: number; non2xx: number; cpu: Cpu };

/** CPU seconds so far of the API instances, the PostgreSQL server (when used) and this process (the load generator). */
function cpuNow(services: Service[], postmaster: number | null) {
  const api = services.map((s) => (s.child.pid ? processTreeCpuSeconds(s.child.pid) : null));
  const usage = process.cpuUsage();
  return {
    api: api.some((v) => v === null) ? null : api.reduce<number>((sum, v) => sum + v!, 0),
    pg: postmaster === null ? 0 : processTreeCpuSeconds(postmaster),
    load: (usage.user + usage.system) / 1e6,
  };
}

/** One autocannon run per target URL at once, the connections split between them; keys rotate per request. */
async function measure(services: Service[], postmaster: number | null, keys: string[], seconds: number) {
  const urls = services.map((s) => s.url);
  const before = cpuNow(services, postmaster);
  let next = 0;
  const runs = await Promise.all(
    urls.map((url) =>
      autocannon({
        url: `${url}/api/v1/cooperatives`,
        connections: Math.max(1, Math.floor(config.connections / urls.length)),
        duration: seconds,
        requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, Authorization: `Bearer ${keys[next++ % keys.length]}` } }) }],
      }),
    ),
  );
  const after = cpuNow(services, postmaster);
  const answered = runs.reduce((sum, r) => sum + r.requests.total, 0);
  const perRequest = (a: number | null, b: number | null) => (a === null || b === null || answered === 0 ? null : ((b - a) * 1e6) / answered);
  return {
    cpu: { api: perRequest(before.api, after.api), pg: perRequest(before.pg, after.pg), load: perRequest(before.load, after.load)! },
    rps: runs.reduce((sum, r) => sum + r.requests.average, 0),
    // Two generators' percentiles cannot be merged exactly; report the worse one.
    p50: Math.max(...runs.map((r) => r.latency.p50)),
    p99: Math.max(...runs.map((r) => r.latency.p99)),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx + r.errors, 0),
  };
}

async function main() {
  console.log(`COPA API scale-out benchmark: ${fmt(config.keys)} keys, autocannon with ${config.connections} connections, ${config.rounds} x ${config.duration} s per setup and load (median), setups taking turns\n`);
  const bench = createBenchDatabase(ROOT, { keys: config.keys, cooperatives: 2_000, knownKeys: 1_000, file: "bench-pg-source.db" });

  const dir = mkdtempSync(path.join(tmpdir(), "copa-bench-pg-"));
  const pgPort = await clusterPort();
  const pgStats = process.argv.includes("--pg-stats");
  const clusterEnv = { ...process.env, PG_CLUSTER_OPTIONS: pgStats ? "-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all -c pg_stat_statements.track_planning=on" : "" };
  const server = execFileSync(path.join(ROOT, "scripts/pg-cluster.sh"), [dir, String(pgPort)], { encoding: "utf8", env: clusterEnv }).trim();
  const pgBin = execFileSync("bash", ["-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1"], { encoding: "utf8" }).trim();
  onStop(() => {
    try {
      execFileSync("runuser", ["-u", "postgres", "--", `${pgBin}/pg_ctl`, "-D", `${dir}/data`, "stop", "-m", "fast"], { stdio: "ignore" });
    } catch { /* already stopped */ }
    rmSync(dir, { recursive: true, force: true });
  });
  const pgUrl = server.replace(/\/postgres$/, "/copa_bench");
  const postmaster = Number(readFileSync(path.join(dir, "data", "postmaster.pid"), "utf8").split("\n")[0]);
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query("CREATE DATABASE copa_bench");
  await admin.end();
  if (pgStats) {
    const stats = new pg.Client({ connectionString: server.replace(/\/postgres$/, "/copa_bench") });
    await stats.connect();
    await stats.query("CREATE EXTENSION pg_stat_statements");
    await stats.end();
  }
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: pgUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" }, stdio: "ignore" });
  const t0 = Date.now();
  await copyToPostgres(bench.file, pgUrl);
  console.log(`Seeded SQLite and PostgreSQL (${fmt((Date.now() - t0) / 1000, 1)} s for PostgreSQL)\n`);

  const loads: Load[] = [
    { name: "one hot key", keys: [bench.key] },
    { name: "1,000 keys", keys: bench.known },
  ];
  const rows: Row[] = [];
  // Every server runs for the whole benchmark, and the setups take turns, round by round
  // in a rotating order, so a change in the machine's other load falls on all of them
  // alike. "One instance" loads the first PostgreSQL instance alone, "two instances" both.
  const sqliteService = await startService(bench.url);
  const pgServices = [await startService(pgUrl), await startService(pgUrl)];
  const setups: { name: string; services: Service[]; server: number | null }[] = [
    { name: "SQLite, one instance", services: [sqliteService], server: null },
    { name: "PostgreSQL, one instance", services: pgServices.slice(0, 1), server: postmaster },
    { name: "PostgreSQL, two instances", services: pgServices, server: postmaster },
  ];
  for (const load of loads) {
    for (const setup of setups) await measure(setup.services, setup.server, load.keys, config.warmup);
    const rounds = new Map<string, Awaited<ReturnType<typeof measure>>[]>(setups.map((s) => [s.name, []]));
    for (let r = 0; r < config.rounds; r++) {
      for (let i = 0; i < setups.length; i++) {
        const setup = setups[(r + i) % setups.length];
        rounds.get(setup.name)!.push(await measure(setup.services, setup.server, load.keys, config.duration));
      }
    }
    for (const setup of setups) {
      const sorted = rounds.get(setup.name)!.sort((a, b) => b.rps - a.rps);
      const median = sorted[Math.floor(sorted.length / 2)];
      rows.push({ setup: setup.name, load: load.name, ...median });
      const us = (v: number | null) => (v === null ? "?" : fmt(v)).padStart(4);
      console.log(
        `${setup.name.padEnd(28)} ${load.name.padEnd(12)} ${fmt(median.rps).padStart(7)} req/s   p50 ${fmt(median.p50, 1).padStart(6)} ms   p99 ${fmt(median.p99, 1).padStart(6)} ms` +
          `   CPU µs/request: API ${us(median.cpu.api)}, PostgreSQL ${us(median.cpu.pg)}, load ${us(median.cpu.load)}${median.non2xx ? `   (${median.non2xx} not 200)` : ""}`,
      );
    }
  }
  if (pgStats) await printPgStats(pgUrl);
  await exactness(pgServices.map((s) => s.url), pgUrl, bench);
  [sqliteService, ...pgServices].forEach(stopService);

  console.log("");
  let met = true;
  for (const load of loads) {
    const [sqlite, pg1, pg2] = setups.map((s) => rows.find((r) => r.setup === s.name && r.load === load.name)!);
    const a = pg1.rps / sqlite.rps;
    const b = pg2.rps / pg1.rps;
    met &&= a >= 0.6 && b >= 1;
    console.log(`${load.name}: PostgreSQL one instance = ${(a * 100).toFixed(0)}% of SQLite (target >= 60%); two instances = ${(b * 100).toFixed(0)}% of one (target >= 100%)`);
    // What the throughput ratio would be if CPU were the only limit and every process had
    // the cores to itself: the measured ratio's reading when the machine is busy with
    // other work.
    const total = (c: Cpu) => (c.api ?? NaN) + (c.pg ?? NaN) + c.load;
    const cpuRatio = total(sqlite.cpu) / total(pg1.cpu);
    if (Number.isFinite(cpuRatio)) console.log(`  CPU per request, all processes: SQLite ${fmt(total(sqlite.cpu))} µs, PostgreSQL ${fmt(total(pg1.cpu))} µs (SQLite's = ${(cpuRatio * 100).toFixed(0)}% of PostgreSQL's)`);
  }
  console.log(met ? "Targets MET" : "Targets NOT MET");
}

/** The PostgreSQL server's time by statement over the whole load (--pg-stats). */
async function printPgStats(pgUrl: string) {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  const { rows } = await client.query(`
    SELECT calls, total_exec_time + total_plan_time AS ms, total_plan_time AS plan, rows, toplevel, regexp_replace(left(query, 110), '\\s+', ' ', 'g') AS query
      FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND calls >= 1000 ORDER BY total_exec_time DESC LIMIT 25`);
  console.log("\nPostgreSQL time by statement (pg_stat_statements; nested statements run inside the top-level ones):");
  for (const r of rows) console.log(`${fmt(r.ms).padStart(8)} ms ${fmt(Number(r.calls)).padStart(9)} calls ${fmt(Number(r.rows) / Math.max(1, Number(r.calls)), 1).padStart(6)} rows/call (plan ${fmt(r.plan).padStart(6)} ms) ${r.toplevel ? "top   " : "nested"} ${r.query}`);
  console.log("");
  await client.end();
}

/** Across both instances at once: every request counted once; a limit admits exactly its limit. */
async function exactness(urls: string[], pgUrl: string, bench: { keyId: string; key: string; verifyKey: string }) {
  const client = new pg.Client({ connectionString: pgUrl });
  await client.connect();
  const counted = async (keyId: string) => {
    const { rows } = await client.query(`SELECT COALESCE(SUM("count"), 0)::int AS n FROM "RateLimitBucket" WHERE "keyId" = $1 AND "granularity" = 'm'`, [keyId]);
    return rows[0].n as number;
  };
  const AMOUNT = 4_000;
  const before = await counted(bench.keyId);
  const sent = await Promise.all(urls.map((url) => autocannon({ url: `${url}/api/v1/cooperatives`, connections: 16, amount: AMOUNT / urls.length, headers: { Authorization: `Bearer ${bench.key}` } })));
  const answered = sent.reduce((s, r) => s + r["2xx"], 0);
  const delta = (await counted(bench.keyId)) - before;
  console.log(`Exactness, two instances: ${fmt(AMOUNT)} requests sent, ${fmt(answered)} answered 200, ${fmt(delta)} counted -> ${answered === AMOUNT && delta === AMOUNT ? "exact" : "MISMATCH"}`);
  if (answered !== AMOUNT || delta !== AMOUNT) process.exitCode = 1;

  // A key no load has touched, limited to 500 an hour, hammered through both instances:
  // exactly 500 admitted.
  const limited = bench.verifyKey;
  await client.query(`UPDATE "ApiKey" SET "rateLimitHour" = 500 WHERE "hash" = encode(sha256($1::bytea), 'hex')`, [limited]);
  const hammer = await Promise.all(urls.map((url) => autocannon({ url: `${url}/api/v1/cooperatives`, connections: 16, amount: 1_000, headers: { Authorization: `Bearer ${limited}` } })));
  const admitted = hammer.reduce((s, r) => s + r["2xx"], 0);
  console.log(`Exactness, limit 500/hour through both instances: ${fmt(admitted)} admitted of ${fmt(2_000)} -> ${admitted === 500 ? "exact" : "MISMATCH"}`);
  if (admitted !== 500) process.exitCode = 1;
  await client.end();
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(() => {
    stopAll();
    setTimeout(() => process.exit(), 500).unref();
  });
