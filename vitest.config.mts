import path from "node:path";
import { defineConfig } from "vitest/config";

// Unit tests sit beside pure modules (lib/**/*.test.ts). Integration tests
// (tests/integration) run the services against a real database: SQLite always, and
// PostgreSQL too when TEST_POSTGRES_URL names a reachable server (npm test sets it when
// DATABASE_URL is PostgreSQL; .ci/run starts one).
const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts") };
const integration = (name: string, engine: string) => ({
  resolve: { alias },
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    setupFiles: ["tests/support/integration-setup.ts"],
    // PostgreSQL: each file's database is a copy of one migrated template.
    ...(engine === "postgres" ? { globalSetup: ["tests/support/postgres-template.ts"] } : {}),
    env: { TEST_DB_ENGINE: engine },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Each file has its own database, so files run side by side on both engines.
    fileParallelism: true,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest's default is one worker per core minus one: a single worker on two cores,
    // which left the machine half idle while integration tests wait on their database
    // and child processes (measured here: 351 s -> 141 s for unit + SQLite, 180 s -> 115 s
    // for PostgreSQL). COPA_VITEST_WORKERS overrides.
    maxWorkers: Number(process.env.COPA_VITEST_WORKERS ?? 3),
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts", "tests/unit/**/*.test.ts"], environment: "node" } },
      integration("integration-sqlite", "sqlite"),
      ...(process.env.TEST_POSTGRES_URL ? [integration("integration-postgres", "postgres")] : []),
    ],
  },
});
