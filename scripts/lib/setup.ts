// Shared by npm start, npm run admin:create, the test runner and the benchmark: load .env,
// make sure a session secret and the TOTP key exist, apply migrations, create the first admin, seed.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");

/** Reads KEY=VALUE lines from .env into process.env; the real environment wins. */
export function loadDotEnv(file = path.join(ROOT, ".env")): void {
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith("#")) continue;
    const value = match[2].replace(/^(['"])(.*)\1$/, "$2");
    if (process.env[match[1]] === undefined && value !== "") process.env[match[1]] = value;
  }
}

/** Fills in the defaults the README promises. */
export function applyDefaults(): void {
  process.env.DATABASE_URL ||= "file:./data/copa.db";
  process.env.PORT ||= "3000";
  process.env.NEXTAUTH_URL ||= `http://localhost:${process.env.PORT}`;
  process.env.API_PORT ||= "3001";
  // On one machine the API service's own URL is known; behind a real host name the
  // operator sets API_URL (the docs then show the portal's origin, which serves the same API).
  if (!process.env.API_URL && /^http:\/\/localhost[:/]/.test(process.env.NEXTAUTH_URL)) process.env.API_URL = `http://localhost:${process.env.API_PORT}`;
  mkdirSync(path.join(ROOT, "data"), { recursive: true });
  if (!process.env.NEXTAUTH_SECRET) {
    const file = path.join(ROOT, "data", ".nextauth-secret");
    if (!existsSync(file)) {
      writeFileSync(file, randomBytes(32).toString("base64url") + "\n", { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
  }
  // Encrypts TOTP secrets at rest (lib/env getTotpKey). Generated once, like the session
  // secret; a lost key makes enrolled second factors unusable, so it lives beside the data.
  if (!process.env.COPA_TOTP_KEY) {
    const file = path.join(ROOT, "data", ".totp-key");
    if (!existsSync(file)) {
      writeFileSync(file, randomBytes(32).toString("base64") + "\n", { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    process.env.COPA_TOTP_KEY = readFileSync(file, "utf8").trim();
  }
}

export function migrate(): void {
  const url = process.env.DATABASE_URL ?? "";
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  if (result.status === 0) return;
  // Prisma migrates SQLite under an exclusive lock, which a running portal on the same
  // file prevents; its own message for that is an unreadable WASM error.
  if (url.startsWith("file:") && /SocketTimeout|SQLITE_BUSY|database is locked/.test(result.stderr ?? "")) {
    throw new Error(
      `Could not migrate ${url}: another process is using it (is the portal already running?). ` +
        "Stop it and start again; to run several instances, use PostgreSQL.",
    );
  }
  process.stderr.write(result.stderr ?? "");
  throw new Error(`prisma migrate deploy failed (exit ${result.status})`);
}

/** A fingerprint of everything `next build` reads, to rebuild only when it changed. */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (["node_modules", ".next", "data", "generated"].includes(entry.name)) continue;
        walk(full);
      } else {
        const st = statSync(full);
        hash.update(`${path.relative(ROOT, full)}:${st.size}:${st.mtimeMs}\n`);
      }
    }
  };
  for (const dir of ["app", "components", "lib", "public", "prisma"]) walk(path.join(ROOT, dir));
  for (const file of ["next.config.js", "package-lock.json", "proxy.ts", "instrumentation.ts", "instrumentation-client.ts", "postcss.config.mjs", "tsconfig.json"]) {
    const full = path.join(ROOT, file);
    if (existsSync(full)) hash.update(`${file}:${readFileSync(full)}\n`);
  }
  return hash.digest("hex");
}

const FINGERPRINT_FILE = path.join(ROOT, ".next", "copa-source-fingerprint");

export function buildIfNeeded(log: (m: string) => void = console.log): void {
  const fingerprint = sourceFingerprint();
  const built = existsSync(path.join(ROOT, ".next", "BUILD_ID")) && existsSync(FINGERPRINT_FILE) && readFileSync(FINGERPRINT_FILE, "utf8") === fingerprint;
  if (built) return;
  log("Building the portal (first start or sources changed)...");
  execFileSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  writeFileSync(FINGERPRINT_FILE, fingerprint);
}
