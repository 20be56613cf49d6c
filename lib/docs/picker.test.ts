import { describe, expect, it } from "vitest";
import { SCOPES } from "@/lib/scopes/catalog";
import { ENDPOINT_SCOPES } from "@/lib/scopes/enforcement";
import { DOCS_ENDPOINTS } from "./endpoints";
import { pickScopes, requestScopesHref } from "./picker";

describe("pickScopes", () => {
  it.each([
    { endpoints: [], extras: [], scopes: [] },
    { endpoints: ["GET /cooperatives"], extras: [], scopes: ["cooperatives:read"] },
    { endpoints: ["GET /cooperatives", "GET /cooperatives/{id}"], extras: [], scopes: ["cooperatives:read"] },
    // Under /cooperatives but about members: the path prefix is not the scope.
    { endpoints: ["GET /cooperatives/{id}/members"], extras: [], scopes: ["members:read"] },
    { endpoints: ["GET /cooperatives/{id}/members", "GET /cooperatives"], extras: [], scopes: ["cooperatives:read", "members:read"] },
    { endpoints: ["POST /members", "GET /members"], extras: [], scopes: ["members:read", "members:write"] },
    { endpoints: ["GET /payments", "POST /loans"], extras: [], scopes: ["loans:write", "payments:read"] },
    { endpoints: [], extras: ["webhooks:receive"], scopes: ["webhooks:receive"] },
    { endpoints: ["GET /nowhere"], extras: ["not:a-scope"], scopes: [] },
  ])("$endpoints + $extras -> $scopes", ({ endpoints, extras, scopes }) => {
    expect(pickScopes(endpoints, extras).scopes).toEqual(scopes);
  });

  it("gives a covering and minimal set for random selections", () => {
    const all = DOCS_ENDPOINTS.map((e) => e.key);
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const chosen = all.filter(() => random() < 0.3);
      const { scopes } = pickScopes(chosen);
      // Covers: every chosen endpoint's scope is in the set.
      for (const e of chosen) expect(scopes).toContain(ENDPOINT_SCOPES.get(e));
      // Minimal: drop any scope and some chosen endpoint is no longer covered.
      for (const s of scopes) expect(chosen.some((e) => ENDPOINT_SCOPES.get(e) === s)).toBe(true);
      expect(new Set(scopes).size).toBe(scopes.length);
    }
  });

  it("reports the key types that suit every chosen scope", () => {
    expect(pickScopes(["GET /cooperatives", "GET /members"]).keyTypes).toEqual(["partner", "mobile", "system"]);
    expect(pickScopes(["GET /loans"]).keyTypes).toEqual(["partner", "system"]);
    expect(pickScopes([], ["webhooks:receive"]).keyTypes).toEqual(["webhook"]);
    // No single key holds a webhook scope and a data scope.
    expect(pickScopes(["GET /cooperatives"], ["webhooks:receive"]).keyTypes).toEqual([]);
    expect(pickScopes([]).keyTypes).toEqual([]);
  });

  it("flags justification, high risk and announced endpoints from the catalogue", () => {
    const r = pickScopes(["GET /cooperatives", "POST /cooperatives", "GET /payments"]);
    expect(r.needsJustification).toEqual(SCOPES.filter((s) => r.scopes.includes(s.id) && s.requiresJustification).map((s) => s.id));
    expect(r.needsJustification).toContain("cooperatives:write");
    expect(r.highRisk).toEqual(["cooperatives:write", "payments:read"]);
    expect(r.announcedInProduction).toEqual(["payments:read"]);
  });
});

describe("requestScopesHref", () => {
  const parse = (href: string) => new URL(href, "http://portal.test");

  it("carries exactly the scopes, readable and parseable", () => {
    const href = requestScopesHref(["cooperatives:read", "members:read"]);
    expect(href).toBe("/requests/new?scopes=cooperatives:read,members:read");
    const url = parse(href);
    expect(url.pathname).toBe("/requests/new");
    expect(url.searchParams.get("scopes")?.split(",")).toEqual(["cooperatives:read", "members:read"]);
    expect(url.searchParams.has("type")).toBe(false);
  });

  it("adds the key type and environment when given", () => {
    const url = parse(requestScopesHref(["webhooks:receive"], { type: "webhook", environment: "sandbox" }));
    expect(url.searchParams.get("scopes")).toBe("webhooks:receive");
    expect(url.searchParams.get("type")).toBe("webhook");
    expect(url.searchParams.get("environment")).toBe("sandbox");
  });

  it("drops anything that is not a catalogue scope", () => {
    expect(parse(requestScopesHref(["members:read", "admin:all", "x&type=system"])).searchParams.get("scopes")).toBe("members:read");
  });
});
