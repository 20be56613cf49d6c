// The OpenAPI document describes what the API really does: it is well formed, covers
// every catalogue endpoint with its scope and every error, and real responses (successes
// and errors, from the real handlers) validate against the schemas it publishes. The
// validator is zod's own JSON Schema reader (z.fromJSONSchema) over the dereferenced
// document, so a response that drifts from the document fails here.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { closeApiStore } from "@/lib/api/store";
import { db } from "@/lib/db";
import { issueGatewayCredential } from "@/lib/gateway/service";
import { getOpenApiDocument } from "@/lib/api/app";
import { ENDPOINT_SCOPES } from "@/lib/scopes/enforcement";
import { makeAdmin } from "../support/factories";
import { ALL_SCOPES, MALFORMED_KEY, call, issueKey, seeded, type CallResult } from "./api-support";

type Json = Record<string, unknown>;
const doc = (await getOpenApiDocument()) as unknown as {
  openapi: string;
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Json>; securitySchemes: Record<string, Json>; headers: Record<string, Json> };
};

/** Replaces every local $ref by its target (the document has no cycles). */
function deref(node: unknown, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => deref(n, seen));
  if (!node || typeof node !== "object") return node;
  const ref = (node as { $ref?: string }).$ref;
  if (ref) {
    if (seen.includes(ref)) throw new Error(`cyclic $ref ${ref}`);
    const [, , kind, name] = ref.split("/");
    const target = (doc.components as unknown as Record<string, Record<string, unknown>>)[kind]?.[name];
    if (!target) throw new Error(`unresolved $ref ${ref}`);
    const { $ref: _, ...siblings } = node as Json;
    return { ...(deref(target, [...seen, ref]) as Json), ...siblings };
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, deref(v, seen)]));
}

/** The documented response of an operation for a status. */
function documented(method: string, path: string, status: number) {
  const operation = doc.paths[path]?.[method.toLowerCase()] as { responses: Record<string, unknown> } | undefined;
  if (!operation) throw new Error(`${method} ${path} is not documented`);
  const response = operation.responses[String(status)];
  if (!response) throw new Error(`${method} ${path} does not document ${status}`);
  return deref(response) as { headers?: Record<string, unknown>; content: { "application/json": { schema: Json } } };
}

/** The answer has the expected status (asserted first: a failed create must not pass as a documented 400) and the documented shape. */
function validate(method: string, path: string, expected: number, res: CallResult) {
  expect(res.status, `${method} ${path}: ${res.text.slice(0, 300)}`).toBe(expected);
  const response = documented(method, path, res.status);
  const schema = z.fromJSONSchema(response.content["application/json"].schema as never);
  const parsed = schema.safeParse(res.json);
  expect(parsed.success, `${method} ${path} ${res.status}: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}\n${res.text.slice(0, 300)}`).toBe(true);
  for (const header of Object.keys(response.headers ?? {})) expect(res.headers.get(header), `${method} ${path} ${res.status} header ${header}`).toMatch(/^\d+$/);
  expect(res.headers.get("content-type")).toBe("application/json");
}

let key: string;
let readOnly: string;
let ids: { coop: string; member: string; loan: string };

beforeAll(async () => {
  const seed = await seeded();
  key = (await issueKey(ALL_SCOPES, { limits: { hour: 100_000, day: 100_000 } })).secret;
  readOnly = (await issueKey(["cooperatives:read"])).secret;
  const loan = await db.loan.findFirstOrThrow({ where: { memberId: { not: null } } });
  ids = { coop: seed.cooperative.id, member: seed.member.id, loan: loan.id };
});
afterAll(() => closeApiStore());

describe("the document", () => {
  it("is OpenAPI 3.1 with both key security schemes and every $ref resolvable", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.components.securitySchemes.apiKeyHeader).toMatchObject({ type: "apiKey", in: "header", name: "X-API-Key" });
    expect(() => deref(doc)).not.toThrow();
  });

  it("has one operation per catalogue endpoint, with its scope and every error", () => {
    for (const [endpoint, scope] of ENDPOINT_SCOPES) {
      const [method, path] = endpoint.split(" ");
      const op = doc.paths[path]?.[method.toLowerCase()] as Json & { responses: Record<string, unknown>; security: unknown[] };
      expect(op, endpoint).toBeDefined();
      expect(op["x-copa-scope"]).toBe(scope);
      expect(op.security).toEqual([{ bearerAuth: [scope] }, { apiKeyHeader: [scope] }]);
      for (const status of ["401", "403", "429", "500"]) expect(Object.keys(op.responses), endpoint).toContain(status);
      const success = deref(op.responses[method === "POST" ? "201" : "200"]) as { headers: Json };
      expect(Object.keys(success.headers)).toEqual(["X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"]);
      const tooMany = deref(op.responses["429"]) as { headers: Json };
      expect(Object.keys(tooMany.headers)).toContain("Retry-After");
    }
    const operations = Object.values(doc.paths).flatMap((item) => Object.keys(item).filter((k) => ["get", "post", "put", "patch", "delete"].includes(k)));
    expect(operations).toHaveLength(ENDPOINT_SCOPES.size + 1); // + the gateway's verify
  });

  it("is served publicly at /api/v1/openapi.json", async () => {
    const res = await call("GET", "/openapi.json", {});
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.json).toEqual(doc);
  });
});

describe("real responses validate against the document", () => {
  it("the validator catches drift (a missing, extra or mistyped field)", async () => {
    const res = await call("GET", `/cooperatives/${ids.coop}`, { key });
    const schema = z.fromJSONSchema(documented("GET", "/cooperatives/{id}", 200).content["application/json"].schema as never);
    const body = res.json as Json;
    expect(schema.safeParse(body).success).toBe(true);
    const { member_count: _, ...missing } = body;
    expect(schema.safeParse(missing).success).toBe(false);
    expect(schema.safeParse({ ...body, secret: "x" }).success).toBe(false);
    expect(schema.safeParse({ ...body, member_count: "12" }).success).toBe(false);
    expect(schema.safeParse({ ...body, province: "Atlantis" }).success).toBe(false);
  });

  const code = () => `OA-${randomBytes(3).toString("hex").toUpperCase()}`;

  it("lists and objects (200)", async () => {
    const cases: [string, string][] = [
      ["/cooperatives", "/cooperatives?page_size=3"],
      ["/cooperatives", "/cooperatives?province=Eastern&page=2&page_size=2"],
      ["/cooperatives/{id}", `/cooperatives/${ids.coop}`],
      ["/cooperatives/{id}/members", `/cooperatives/${ids.coop}/members`],
      ["/members", "/members?status=inactive"],
      ["/members/{id}", `/members/${ids.member}`],
      ["/loans", "/loans?page_size=50"],
      ["/payments", "/payments?page_size=50"],
    ];
    for (const [docPath, path] of cases) validate("GET", docPath, 200, await call("GET", path, { key }));
  });

  it("creations and updates (201, 200)", async () => {
    const coopBody = { code: code(), name: "Koperative Test", province: "Kigali City", district: "Gasabo", sector: "Remera", cell: "Rukiri", activity: "Transport" };
    const created = await call("POST", "/cooperatives", { key, body: coopBody });
    validate("POST", "/cooperatives", 201, created);
    const id = (created.json as { id: string }).id;
    validate("PUT", "/cooperatives/{id}", 200, await call("PUT", `/cooperatives/${id}`, { key, body: { ...coopBody, programme: "RAB" } }));
    const memberBody = { cooperative_id: id, first_name: "Eric", last_name: "Mugisha", gender: "male", phone: "+250722000333", national_id: "1199880012345012", joined_at: "2023-03-03" };
    const m = await call("POST", "/members", { key, body: memberBody });
    validate("POST", "/members", 201, m);
    const memberId = (m.json as { id: string }).id;
    validate("PUT", "/members/{id}", 200, await call("PUT", `/members/${memberId}`, { key, body: { ...memberBody, status: "inactive" } }));
    const loan = await call("POST", "/loans", { key, body: { cooperative_id: id, member_id: memberId, principal: 10000, interest_rate: 9.5, term_months: 3 } });
    validate("POST", "/loans", 201, loan);
    validate("POST", "/payments", 201, await call("POST", "/payments", { key, body: { cooperative_id: id, loan_id: (loan.json as { id: string }).id, amount: 3500, method: "bank_transfer", reference: "BK-1", paid_at: "2025-04-01T12:00:00Z" } }));
  });

  it("errors: 400, 401, 403, 404, 429", async () => {
    validate("GET", "/cooperatives", 400, await call("GET", "/cooperatives?page_size=500", { key }));
    validate("POST", "/members", 400, await call("POST", "/members", { key, body: { first_name: 5 } }));
    validate("GET", "/members", 401, await call("GET", "/members", { key: MALFORMED_KEY }));
    validate("POST", "/loans", 403, await call("POST", "/loans", { key: readOnly, body: {} }));
    const missing = "00000000-0000-4000-8000-00000000000a";
    validate("GET", "/members/{id}", 404, await call("GET", `/members/${missing}`, { key }));
    validate("GET", "/payments", 404, await call("GET", "/payments?page=999", { key }));
    const limited = await issueKey(["cooperatives:read"], { limits: { hour: 1 } });
    await call("GET", "/cooperatives", { key: limited.secret });
    const throttled = await call("GET", "/cooperatives", { key: limited.secret });
    validate("GET", "/cooperatives", 429, throttled);
  });

  it("the verification service (200 valid and invalid, 401)", async () => {
    const admin = await makeAdmin();
    const { token } = await issueGatewayCredential({ name: "OpenAPI test gateway" }, admin, null);
    const ask = (body: unknown, credential = token): Promise<CallResult> => call("POST", "/api/keys/verify", { headers: { Authorization: `Bearer ${credential}` }, body });
    const valid = await ask({ key, scope: "members:read" });
    validate("POST", "/keys/verify", 200, valid);
    expect(valid.json).toMatchObject({ valid: true });
    const invalid = await ask({ key: "nope" });
    validate("POST", "/keys/verify", 200, invalid);
    expect(invalid.json).toEqual({ valid: false, reason: "malformed" });
    validate("POST", "/keys/verify", 400, await ask({}));
    validate("POST", "/keys/verify", 401, await ask({ key }, `gw_copa_${"0".repeat(32)}`));
  });
});
