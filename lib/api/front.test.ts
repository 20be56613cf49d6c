import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acceptsGzip, compareRoutes, matchRoute, parsePattern, securityHeadersFrom, type FrontRoute } from "./front";

const route = (pattern: string): FrontRoute => ({ pattern, segments: parsePattern(pattern), handlers: {} });

// The portal's own route directories, in no particular order.
const ROUTES = [
  "/api/v1/[[...path]]",
  "/api/v1/members/[id]",
  "/api/v1/cooperatives/[id]/members",
  "/api/v1/openapi.json",
  "/api/v1/cooperatives",
  "/api/keys/verify",
  "/api/v1/cooperatives/[id]",
  "/api/v1/members",
].map(route);
const sorted = [...ROUTES].sort(compareRoutes);

const resolve = (url: string) => {
  const match = matchRoute(sorted, url.slice(1).split("/"));
  return match ? { pattern: match.route.pattern, params: match.params } : null;
};

describe("parsePattern", () => {
  it("reads static, [param], [...catch-all] and [[...optional]] segments and skips (groups)", () => {
    expect(parsePattern("/api/(public)/v1/[id]/[...rest]")).toEqual([
      { kind: "static", value: "api" },
      { kind: "static", value: "v1" },
      { kind: "param", name: "id" },
      { kind: "catch-all", name: "rest", optional: false },
    ]);
    expect(parsePattern("/api/v1/[[...path]]")[2]).toEqual({ kind: "catch-all", name: "path", optional: true });
  });
});

describe("matchRoute (routes sorted by compareRoutes)", () => {
  it.each([
    ["/api/v1/cooperatives", "/api/v1/cooperatives", {}],
    ["/api/v1/cooperatives/abc", "/api/v1/cooperatives/[id]", { id: "abc" }],
    ["/api/v1/cooperatives/abc/members", "/api/v1/cooperatives/[id]/members", { id: "abc" }],
    ["/api/v1/members/x", "/api/v1/members/[id]", { id: "x" }],
    ["/api/v1/openapi.json", "/api/v1/openapi.json", {}],
    ["/api/v1", "/api/v1/[[...path]]", {}],
    ["/api/v1/nothing", "/api/v1/[[...path]]", { path: ["nothing"] }],
    ["/api/v1/cooperatives/abc/loans", "/api/v1/[[...path]]", { path: ["cooperatives", "abc", "loans"] }],
    ["/api/keys/verify", "/api/keys/verify", {}],
  ])("%s -> %s", (url, pattern, params) => {
    expect(resolve(url)).toEqual({ pattern, params });
  });

  it("matches nothing outside the loaded routes", () => {
    expect(resolve("/api/keys/verify/more")).toBeNull();
    expect(resolve("/api/health")).toBeNull();
    expect(resolve("/docs")).toBeNull();
  });

  it("puts static segments before [param] before catch-all, whatever the input order", () => {
    const order = sorted.map((r) => r.pattern);
    expect(order.indexOf("/api/v1/cooperatives")).toBeLessThan(order.indexOf("/api/v1/[[...path]]"));
    expect(order.indexOf("/api/v1/openapi.json")).toBeLessThan(order.indexOf("/api/v1/[[...path]]"));
    expect(order.at(-1)).toBe("/api/v1/[[...path]]");
  });
});

describe("acceptsGzip", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["identity", false],
    ["gzip", true],
    ["gzip, deflate, br", true],
    ["br;q=1.0, GZIP;q=0.5", true],
    ["gzip;q=0", false],
    ["deflate, gzip; q=0.0", false],
    ["*", true],
  ])("%s -> %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe("securityHeadersFrom", () => {
  it("takes the headers next.config.js sets on every path", async () => {
    const config = createRequire(import.meta.url)(path.resolve(__dirname, "..", "..", "next.config.js"));
    const headers = await securityHeadersFrom(config);
    expect(headers).toMatchObject({ "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff" });
  });

  it("refuses a rule it would not apply correctly", async () => {
    const config = { headers: async () => [{ source: "/docs/:path*", headers: [{ key: "X-Docs", value: "1" }] }] };
    await expect(securityHeadersFrom(config)).rejects.toThrow(/only applies rules for "\/:path\*"/);
  });
});
