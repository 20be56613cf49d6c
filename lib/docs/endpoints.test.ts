// The docs' endpoint table must be exactly the map /api/v1 enforces: every endpoint the
// docs show opens with the scope they name, and no enforced endpoint is missing from them.
import { describe, expect, it } from "vitest";
import { SCOPES } from "@/lib/scopes/catalog";
import { ENDPOINT_SCOPES } from "@/lib/scopes/enforcement";
import { DOCS_ENDPOINTS, endpointsOfScope, resourcesInOrder } from "./endpoints";

describe("the docs endpoint table", () => {
  it("names, for every endpoint it shows, the scope the API enforces (docs -> enforcement)", () => {
    for (const row of DOCS_ENDPOINTS) {
      expect(ENDPOINT_SCOPES.get(row.key), row.key).toBe(row.scope);
      expect(row.key).toBe(`${row.method} ${row.path}`);
    }
  });

  it("shows every endpoint the API enforces, with its scope (enforcement -> docs)", () => {
    for (const [endpoint, scope] of ENDPOINT_SCOPES) {
      const rows = DOCS_ENDPOINTS.filter((r) => r.key === endpoint);
      expect(rows, endpoint).toHaveLength(1);
      expect(rows[0].scope).toBe(scope);
    }
  });

  it("has no duplicates, so the two directions make the tables equal", () => {
    const keys = DOCS_ENDPOINTS.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Map(DOCS_ENDPOINTS.map((r) => [r.key, r.scope]))).toEqual(new Map(ENDPOINT_SCOPES));
  });

  it.each(SCOPES.map((s) => [s.id, s] as const))("lists exactly the catalogue endpoints of %s on its scope card", (id, scope) => {
    expect(endpointsOfScope(id).map((e) => [e.method, e.path, e.production])).toEqual(scope.endpoints.map((e) => [e.method, e.path, e.production]));
  });

  it("groups every endpoint under exactly one resource", () => {
    const grouped = resourcesInOrder().flatMap((r) => r.endpoints.map((e) => e.key));
    expect(grouped.sort()).toEqual(DOCS_ENDPOINTS.map((e) => e.key).sort());
  });

  it("marks loans and payments endpoints as announced in production, and nothing else", () => {
    for (const e of DOCS_ENDPOINTS) {
      expect(e.production, e.key).toBe(e.resource === "loans" || e.resource === "payments" ? "announced" : "live");
    }
  });
});
