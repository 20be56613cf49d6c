// What both benchmarks need around their servers: command-line numbers, free ports, and
// child processes that are always stopped (each leads its own process group, so a server
// that spawned children of its own is ended with them).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import net from "node:net";
import { ROOT } from "../lib/setup";

export function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

const children: ChildProcess[] = [];
const cleanups: (() => void)[] = [];
let stopping = false;

export function stopProcess(child: ChildProcess) {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  }
}

/** Stops every process started here and runs the registered clean-ups (once). */
export function stopAll() {
  if (stopping) return;
  stopping = true;
  children.forEach(stopProcess);
  for (const cleanup of cleanups) cleanup();
}

export function onStop(cleanup: () => void) {
  cleanups.push(cleanup);
}

process.on("exit", stopAll);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(130));

/** A node process (args after the node binary) that prints its last output if it dies. */
export function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
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

/** Polls `url` until it answers 2xx. */
export async function waitFor(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, init);
      if (res.ok) return res;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux architecture Node runs on

type ProcStat = { ppid: number; own: number; reaped: number };

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which may itself hold spaces and parentheses.
    const f = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), reaped: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

/**
 * CPU seconds used so far by a process and all its descendants: the live ones read
 * directly, the exited ones through their parents' reaped-children times. Linux only
 * (null elsewhere). Differences between two readings give the CPU a server spent on a
 * load, a figure far less disturbed by other work on the machine than requests/s.
 */
export function processTreeCpuSeconds(root: number): number | null {
  if (!existsSync("/proc/self/stat")) return null;
  const stats = new Map<number, ProcStat>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) stats.set(Number(name), stat);
  }
  const rootStat = stats.get(root);
  if (!rootStat) return null;
  let ticks = rootStat.own + rootStat.reaped;
  const walk = (parent: number) => {
    for (const [pid, stat] of stats) {
      if (stat.ppid !== parent) continue;
      ticks += stat.own + stat.reaped;
      walk(pid);
    }
  };
  walk(root);
  return ticks / CLOCK_TICKS_PER_SECOND;
}
