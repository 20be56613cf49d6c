// Generated inputs (fast-check) into every endpoint of the API app, through the same
// app both servers run: arbitrary query strings, ids, keys in both headers and JSON
// bodies (random, and valid bodies with random fields replaced). Whatever comes in, the
// answer is a documented status with a JSON body, never a 5xx, and a refused write leaves
// the data exactly as it was (an accepted one adds exactly one row).
//
// Runs: FUZZ_RUNS per endpoint (default 800 on SQLite, 80 on PostgreSQL), so a CI run
// sends well over 10,000 generated requests.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiApp } from "@/lib/api/app";
import { ENDPOINTS, endpointKey } from "@/lib/api/routes";
import { closeApiStore, getApiStore } from "@/lib/api/store";
import { db } from "@/lib/db";
import { issueGatewayCredential } from "@/lib/gateway/service";
import { makeAdmin } from "../support/factories";
import { ALL_SCOPES, call, issueKey, seeded } from "./api-support";

const RUNS = Number(process.env.FUZZ_RUNS ?? (process.env.TEST_DB_ENGINE === "postgres" ? 80 : 800));
const app = createApiApp();
let key: string;
let ids: { cooperative: string; member: string; loan: string };

beforeAll(async () => {
  const { cooperative, member } = await seeded();
  // A loan of that cooperative to that member, so valid payment bodies refer to real rows.
  const loan = await db.loan.create({ data: { cooperativeId: cooperative.id, memberId: member.id, principal: 100000, interestRate: 10, termMonths: 6, status: "disbursed" } });
  ids = { cooperative: cooperative.id, member: member.id, loan: loan.id };
  key = (await issueKey(ALL_SCOPES, { limits: { hour: 1_000_000, day: 10_000_000 } })).secret;
});
afterAll(() => closeApiStore());

type Counts = { cooperatives: number; members: number; loans: number; payments: number; memberCounts: number };

/** One query: the row counts and the sum of member_count, which every write keeps consistent. */
async function counts(): Promise<Counts> {
  const [row] = await getApiStore().select<Record<keyof Counts, number>>(
    `SELECT (SELECT COUNT(*) FROM "Cooperative") AS "cooperatives", (SELECT COUNT(*) FROM "Member") AS "members",
            (SELECT COUNT(*) FROM "Loan") AS "loans", (SELECT COUNT(*) FROM "Payment") AS "payments",
            (SELECT COALESCE(SUM("memberCount"), 0) FROM "Cooperative") AS "memberCounts"`,
    [],
  );
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Counts;
}

const TABLE_OF: Record<string, keyof Counts> = { "/cooperatives": "cooperatives", "/members": "members", "/loans": "loans", "/payments": "payments" };

/** Strings a client might send: printable text, unicode, numbers as text, SQL-ish and path-ish junk. */
const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.integer().map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constantFrom("", " ", "0", "-1", "1e309", "null", "true", "'; DROP TABLE \"Cooperative\"; --", "../../etc/passwd", "%00", "\u0000", "Southern", "Kigali City", "active", "2025-01-01", "00000000-0000-4000-8000-000000000000"),
);
const jsonValue = fc.oneof(junk, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(junk, { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 8 }), junk, { maxKeys: 3 }));

function validBody(path: string, code: string): Record<string, unknown> {
  switch (path) {
    case "/cooperatives":
    case "/cooperatives/{id}":
      return { code, name: "Koperative Fuzz", province: "Southern", district: "Huye", sector: "Maraba", cell: "Gasharu", activity: "Coffee", programme: "NAEB" };
    case "/members":
    case "/members/{id}":
      return { cooperative_id: ids.cooperative, first_name: "Aline", last_name: "Uwase", gender: "female", phone: "+250788000111", national_id: "1199070012345047", joined_at: "2022-05-01" };
    case "/loans":
      return { cooperative_id: ids.cooperative, member_id: ids.member, principal: 250000, interest_rate: 12, term_months: 12 };
    default:
      return { cooperative_id: ids.cooperative, loan_id: ids.loan, amount: 5000, method: "cash", reference: "FUZZ-1", paid_at: "2025-02-01T08:00:00Z" };
  }
}

/** A valid body with some fields replaced by anything, some removed, some added. */
const bodyFor = (path: string) =>
  fc.oneof(
    { weight: 1, arbitrary: fc.oneof(junk, fc.json({ maxDepth: 2 })) },
    {
      weight: 4,
      arbitrary: fc
        .record({
          code: fc.stringMatching(/^[A-Z0-9-]{1,12}$/),
          replace: fc.dictionary(fc.constantFrom(...Object.keys(validBody(path, "X")), "extra", "id", "member_count"), jsonValue, { maxKeys: 3 }),
          drop: fc.subarray(Object.keys(validBody(path, "X")), { maxLength: 2 }),
        })
        .map(({ code, replace, drop }) => {
          const body: Record<string, unknown> = { ...validBody(path, `FZ-${code}`), ...replace };
          for (const field of drop) delete body[field];
          return JSON.stringify(body);
        }),
    },
  );

const queryFor = (names: string[]) =>
  fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names, "page", "page_size"), fc.string({ maxLength: 10 })), junk), { maxLength: 5 }).map((pairs) => {
    const params = new URLSearchParams();
    for (const [k, v] of pairs) params.append(k, v);
    return params.toString();
  });

/** What can travel in an HTTP header at all: visible ASCII (a client cannot send other bytes as text). */
const headerJunk = junk.map((s) => s.replace(/[^\x20-\x7e]/g, "")).filter((s) => s.trim() === s);

const idArb = fc.oneof(fc.constant("ID"), fc.uuid().map(String), junk.map((s) => encodeURIComponent(s) || "x"));

describe("generated requests never break the API", () => {
  for (const endpoint of ENDPOINTS) {
    it(`${endpointKey(endpoint)}: documented status, JSON body, nothing half-written`, { timeout: 600_000 }, async () => {
      const queryNames = endpoint.query ? Object.keys(endpoint.query.shape) : [];
      const isWrite = endpoint.method !== "GET";
      await fc.assert(
        fc.asyncProperty(
          idArb,
          queryFor(queryNames),
          isWrite ? bodyFor(endpoint.path) : fc.constant(undefined),
          fc.constantFrom("bearer", "x-api-key", "both", "junk"),
          headerJunk,
          async (rawId, query, body, via, junkKey) => {
            const id = rawId === "ID" ? (endpoint.path.startsWith("/members") ? ids.member : ids.cooperative) : rawId;
            const path = `${endpoint.path.replace("{id}", id)}${query ? `?${query}` : ""}`;
            const headers: Record<string, string> = {};
            if (via === "bearer") headers.Authorization = `Bearer ${key}`;
            if (via === "x-api-key") headers["X-API-Key"] = key;
            if (via === "both") Object.assign(headers, { Authorization: `Bearer ${key}`, "X-API-Key": key });
            if (via === "junk") headers.Authorization = `Bearer ${junkKey}`;
            const before = isWrite ? await counts() : null;
            const res = await call(endpoint.method, path, { app, headers, body });
            expect([200, 201, 400, 401, 404, 405, 429], `${endpoint.method} ${path} -> ${res.status} ${res.text.slice(0, 200)}`).toContain(res.status);
            expect(res.headers.get("content-type")).toBe("application/json");
            if (res.status >= 400) expect(Object.keys(res.json as object)).toEqual(["detail"]);
            if (before) {
              const after = await counts();
              const table = TABLE_OF[endpoint.path];
              if (res.status === 201 && table) expect(after[table]).toBe(before[table] + 1);
              else if (res.status >= 400) expect(after, `${endpoint.method} ${path} ${res.status}`).toEqual(before);
            }
          },
        ),
        { numRuns: RUNS },
      );
    });
  }

  it("POST /api/keys/verify: any body, any credential, never a 5xx", { timeout: 600_000 }, async () => {
    const admin = await makeAdmin();
    const { token } = await issueGatewayCredential({ name: "Fuzz gateway" }, admin, null);
    const verifyBody = fc.oneof(
      fc.json({ maxDepth: 2 }),
      junk,
      fc.record({ key: fc.oneof(junk, fc.constant(key)), scope: fc.oneof(junk, fc.constantFrom(...ALL_SCOPES)), client_ip: fc.oneof(junk, fc.ipV4(), fc.ipV6()) }, { requiredKeys: [] }).map((b) => JSON.stringify(b)),
    );
    await fc.assert(
      fc.asyncProperty(verifyBody, fc.oneof(fc.constant(token), headerJunk), async (body, credential) => {
        const res = await call("POST", "/api/keys/verify", { app, headers: { Authorization: `Bearer ${credential}` }, body });
        expect([200, 400, 401]).toContain(res.status);
        expect(res.headers.get("content-type")).toBe("application/json");
      }),
      { numRuns: RUNS },
    );
  });
});
