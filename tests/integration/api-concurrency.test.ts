// Rate-limit counting with several server processes on one database: two child processes
// hammer the same key at once. The count must be exact (no lost increments), and with a
// limit in reach exactly `limit` requests must be admitted, whatever the interleaving.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeApiStore } from "@/lib/api/store";
import { db } from "@/lib/db";
import { issueKey, seeded } from "./api-support";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..", "..");

async function hammer(key: string, count: number, concurrency: number): Promise<Record<string, number>> {
  const { stdout } = await run(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/integration/api-hammer.child.ts", key, String(count), String(concurrency)],
    { cwd: ROOT, env: { ...process.env, NODE_ENV: "test" }, timeout: 120_000 },
  );
  return JSON.parse(stdout) as Record<string, number>;
}

const total = (statuses: Record<string, number>[], status: number) => statuses.reduce((sum, s) => sum + (s[status] ?? 0), 0);

async function sums(keyId: string) {
  const [m, h, usage] = await Promise.all([
    db.rateLimitBucket.aggregate({ where: { keyId, granularity: "m" }, _sum: { count: true } }),
    db.rateLimitBucket.aggregate({ where: { keyId, granularity: "h" }, _sum: { count: true } }),
    db.keyUsageDaily.aggregate({ where: { keyId }, _sum: { count2xx: true, count429: true } }),
  ]);
  return { minute: m._sum.count, hour: h._sum.count, ok: usage._sum.count2xx, throttled: usage._sum.count429 };
}

beforeAll(() => seeded());
afterAll(() => closeApiStore());

describe("two server processes, one key", () => {
  it("count every request exactly", async () => {
    const { secret, keyId } = await issueKey(["cooperatives:read"], { limits: { hour: 100_000, day: 100_000 } });
    const results = await Promise.all([hammer(secret, 150, 8), hammer(secret, 150, 8)]);
    expect(total(results, 200)).toBe(300);
    expect(await sums(keyId)).toEqual({ minute: 300, hour: 300, ok: 300, throttled: 0 });
  }, 180_000);

  it("admit exactly the limit and count none of the refusals", async () => {
    const { secret, keyId } = await issueKey(["cooperatives:read"], { limits: { hour: 40 } });
    const results = await Promise.all([hammer(secret, 70, 8), hammer(secret, 70, 8)]);
    expect(total(results, 200)).toBe(40);
    expect(total(results, 429)).toBe(100);
    expect(await sums(keyId)).toEqual({ minute: 40, hour: 40, ok: 40, throttled: 100 });
  }, 180_000);
});
