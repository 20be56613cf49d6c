// The generated OpenAPI document passes an external linter: Redocly's recommended rules,
// with no errors and no warnings. Generated from the route table, so a schema or an entry
// that breaks the document fails here.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createApiApp } from "./app";
import { OPENAPI_PATH } from "./openapi";

describe("the OpenAPI document", () => {
  it("passes `redocly lint` with the recommended rules", { timeout: 120_000 }, async () => {
    const text = await (await createApiApp().request(OPENAPI_PATH)).text();
    const dir = mkdtempSync(path.join(tmpdir(), "copa-openapi-"));
    try {
      const file = path.join(dir, "openapi.json");
      writeFileSync(file, text);
      const redocly = path.resolve(__dirname, "../../node_modules/.bin/redocly");
      const result = spawnSync(redocly, ["lint", file, "--extends=recommended", "--format=summary"], { encoding: "utf8", env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } });
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.status, output).toBe(0);
      expect(output).not.toMatch(/\d+ warnings?/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
