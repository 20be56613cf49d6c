// Guards the two-provider schema workflow (see README, "Changing the schema").
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const read = (p: string) => readFileSync(path.join(root, p), "utf8");

describe("database schema", () => {
  it("has no unmigrated change (the last migration's snapshot equals the schema)", () => {
    expect(read("prisma/migrations/schema.snapshot.prisma")).toBe(read("prisma/schema.prisma"));
  });

  it("keeps the PostgreSQL schema generated from the SQLite one", () => {
    const expected = read("prisma/schema.prisma")
      .replace('provider = "sqlite"', 'provider = "postgresql"')
      .replace('output     = "../lib/generated/sqlite"', 'output     = "../../lib/generated/postgresql"');
    const actual = read("prisma/postgresql/schema.prisma");
    const body = (s: string) => s.split("\n").filter((l) => !l.startsWith("//")).join("\n");
    expect(body(actual)).toBe(body(expected));
  });

  it("has the same migrations for both providers", () => {
    const names = (dir: string) => readdirSync(path.join(root, dir), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(names("prisma/postgresql/migrations")).toEqual(names("prisma/migrations"));
  });
});
