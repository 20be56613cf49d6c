// The Playwright side of e2e/support/factory-cli.ts, and the only one: runs a seed or
// inspection command through the real services against the e2e database and returns its
// JSON result. Specs and the *-support.ts helpers all seed through factory().
//
// Each Playwright worker starts one `factory-cli.ts --serve` process on its first call and
// sends it every command (one JSON line each); starting tsx, Prisma and the services once
// per worker instead of once per command saves about two seconds of CPU per call.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { E2E } from "../../playwright.config";
import type { FactoryCommand } from "./factory-cli";
import { ANSWER_MARK, type FactoryAnswer, type FactoryRequest } from "./factory-protocol";

const ROOT = path.resolve(__dirname, "../..");
const CALL_TIMEOUT_MS = 60_000;

export async function factory<T>(command: FactoryCommand, args: Record<string, unknown> = {}): Promise<T> {
  // SQLite refuses a writer while specs in other workers write ("database is locked");
  // the seed is simply tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      return (await server().call(command, args)) as T;
    } catch (error) {
      if (attempt >= 4 || !/database is locked|SQLITE_BUSY/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
    }
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

class FactoryServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  exited = false;

  constructor() {
    // react-server: the conditions the portal's server code runs under (the sign-in's
    // two-factor step is marked server-only).
    this.child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "e2e/support/factory-cli.ts"), "--serve"], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: E2E.databaseUrl,
        NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
        // The portal under test delivers mail (scripts/e2e-server.ts), so mail queued here is
        // queued for sending like the portal's own; this process never connects to it.
        SMTP_URL: "smtp://e2e-portal-delivers.invalid",
      },
    });
    let stderr = "";
    this.child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    createInterface({ input: this.child.stdout }).on("line", (line) => {
      if (!line.startsWith(ANSWER_MARK)) return;
      const answer = JSON.parse(line.slice(ANSWER_MARK.length)) as FactoryAnswer;
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.settle(answer.id);
      if (answer.ok) waiting.resolve(answer.result);
      else waiting.reject(new Error(answer.error));
    });
    this.child.on("exit", (code, signal) => {
      this.exited = true;
      for (const [id, waiting] of this.pending) {
        this.settle(id);
        waiting.reject(new Error(`factory process ended (${signal ?? code}): ${stderr}`));
      }
    });
    this.idle();
  }

  call(command: FactoryCommand, args: Record<string, unknown>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.settle(id);
        reject(new Error(`factory command ${command} took more than ${CALL_TIMEOUT_MS / 1000} s`));
      }, CALL_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer });
      // Keep the worker alive while an answer is awaited, not after.
      this.child.ref();
      (this.child.stdout as unknown as { ref(): void }).ref();
      const request: FactoryRequest = { id, command, args };
      this.child.stdin.write(`${JSON.stringify(request)}\n`);
    });
  }

  stop(): void {
    if (!this.exited) this.child.stdin.end();
  }

  private settle(id: number): void {
    const waiting = this.pending.get(id);
    if (waiting) clearTimeout(waiting.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) this.idle();
  }

  /** Lets the worker process exit while the factory process waits for the next command. */
  private idle(): void {
    this.child.unref();
    (this.child.stdout as unknown as { unref(): void }).unref();
    (this.child.stderr as unknown as { unref(): void }).unref();
    (this.child.stdin as unknown as { unref(): void }).unref();
  }
}

let current: FactoryServer | null = null;

function server(): FactoryServer {
  if (!current || current.exited) current = new FactoryServer();
  return current;
}

process.on("exit", () => current?.stop());
