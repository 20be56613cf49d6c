// Runs before each integration test file: points the app's lazily-opened database at a
// fresh migrated database of the engine under test.
import { inject } from "vitest";
import { createTestDatabase, turnInstantSandboxKeysOff } from "./test-db";

process.env.DATABASE_URL = await createTestDatabase(process.env.TEST_DB_ENGINE, process.env.TEST_DB_ENGINE === "postgres" ? inject("postgresTemplate") : undefined);
// Instant sandbox keys are on by default; tests that submit sandbox read-only requests
// expect them pending, so every test database starts with them off (the policy's own
// tests, tests/integration/key-policy-admin.test.ts, turn them on).
await turnInstantSandboxKeysOff(process.env.DATABASE_URL);
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-0123456789";
// A fixed key for TOTP secrets at rest (lib/env getTotpKey), like the session secret above.
process.env.COPA_TOTP_KEY ??= Buffer.alloc(32, 7).toString("base64");
