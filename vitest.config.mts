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
    env: { TEST_DB_ENGINE: engine },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: engine === "sqlite",
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["lib/**/*.test.ts", "components/**/*.test.ts", "tests/unit/**/*.test.ts"], environment: "node" } },
      integration("integration-sqlite", "sqlite"),
      ...(process.env.TEST_POSTGRES_URL ? [integration("integration-postgres", "postgres")] : []),
    ],
  },
});
