import { describe, expect, it } from "vitest";
import { RECOMMENDED_SCOPES, SCOPES, getScope, scopeAnchor } from "./catalog";
import { ENDPOINT_SCOPES, hasScope, minimalScopesFor, parseScopes, requiredScope, serializeScopes } from "./enforcement";

describe("the scope catalogue", () => {
  it("holds the nine published scopes, once each", () => {
    expect(SCOPES.map((s) => s.id)).toEqual([
      "cooperatives:read",
      "cooperatives:write",
      "members:read",
      "members:write",
      "loans:read",
      "loans:write",
      "payments:read",
      "payments:write",
      "webhooks:receive",
    ]);
  });

  it("recommends exactly the pair the documentation recommends", () => {
    expect(RECOMMENDED_SCOPES).toEqual(["cooperatives:read", "members:read"]);
  });

  it("requires a justification for every write scope, and rates writes and payments high risk", () => {
    for (const scope of SCOPES) {
      if (scope.access === "write") {
        expect(scope.requiresJustification, scope.id).toBe(true);
        expect(scope.risk, scope.id).toBe("high");
      }
      if (scope.resource === "payments") expect(scope.risk, scope.id).toBe("high");
    }
  });

  it("maps every endpoint to exactly one scope", () => {
    const all = SCOPES.flatMap((s) => s.endpoints.map((e) => `${e.method} ${e.path}`));
    expect(new Set(all).size).toBe(all.length);
    expect(ENDPOINT_SCOPES.size).toBe(all.length);
  });

  it.each([
    ["GET", "/cooperatives", "cooperatives:read"],
    ["GET", "/cooperatives/{id}", "cooperatives:read"],
    ["POST", "/cooperatives", "cooperatives:write"],
    ["PUT", "/cooperatives/{id}", "cooperatives:write"],
    ["GET", "/members", "members:read"],
    ["GET", "/members/{id}", "members:read"],
    ["GET", "/cooperatives/{id}/members", "members:read"],
    ["POST", "/members", "members:write"],
    ["PUT", "/members/{id}", "members:write"],
    ["GET", "/loans", "loans:read"],
    ["POST", "/loans", "loans:write"],
    ["GET", "/payments", "payments:read"],
    ["POST", "/payments", "payments:write"],
  ])("%s %s needs %s (the contract's table)", (method, path, scope) => {
    expect(requiredScope(method, path)).toBe(scope);
  });

  it("marks loans and payments as announced in production", () => {
    for (const id of ["loans:read", "loans:write", "payments:read", "payments:write"]) {
      expect(getScope(id)?.endpoints.every((e) => e.production === "announced")).toBe(true);
    }
  });

  it("makes docs anchors from ids", () => {
    expect(scopeAnchor("members:read")).toBe("members-read");
  });
});

describe("scope helpers", () => {
  it("parses and serialises in catalogue order without duplicates", () => {
    expect(serializeScopes(["members:read", "cooperatives:read", "members:read"])).toBe("cooperatives:read members:read");
    expect(parseScopes("  cooperatives:read   members:read ")).toEqual(["cooperatives:read", "members:read"]);
    expect(parseScopes(null)).toEqual([]);
  });

  it("checks a scope by exact id only", () => {
    expect(hasScope(["cooperatives:read"], "cooperatives:read")).toBe(true);
    expect(hasScope(["cooperatives:read"], "cooperatives:write")).toBe(false);
    expect(hasScope(["cooperatives:write"], "cooperatives:read")).toBe(false);
  });

  it("finds the smallest set of scopes for a set of endpoints", () => {
    expect(minimalScopesFor(["GET /cooperatives", "GET /cooperatives/{id}/members", "GET /members/{id}"])).toEqual(["cooperatives:read", "members:read"]);
    expect(minimalScopesFor(["POST /loans", "GET /cooperatives"])).toEqual(["cooperatives:read", "loans:write"]);
    expect(minimalScopesFor([])).toEqual([]);
    expect(minimalScopesFor(["GET /nope"])).toEqual([]);
  });
});
