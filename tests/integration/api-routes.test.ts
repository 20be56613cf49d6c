// The route table and the scope catalogue must name the same endpoints: a route without a
// catalogue entry (unguarded by a scope) or a catalogue entry without a route (documented
// but not served) fails here, and the app refuses to be built either way. Plus what a
// router answers around the endpoints: unknown paths, unsupported methods, OPTIONS, HEAD.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiApp } from "@/lib/api/app";
import { ENDPOINTS, endpointKey } from "@/lib/api/routes";
import { ENDPOINT_SCOPES } from "@/lib/scopes/enforcement";
import { closeApiStore } from "@/lib/api/store";
import { INVALID_KEY_BODY, call, issueKey, seeded } from "./api-support";

beforeAll(() => seeded());
afterAll(() => closeApiStore());

describe("route table", () => {
  it("names exactly the catalogue's endpoints, each once", () => {
    const keys = ENDPOINTS.map(endpointKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...ENDPOINT_SCOPES.keys()].sort());
  });

  it("the app refuses to start with a route the catalogue does not know, or a catalogue endpoint it does not serve", async () => {
    const routes = ENDPOINTS as unknown as object[];
    const extra = { ...ENDPOINTS[0], method: "DELETE", path: "/cooperatives/{id}" };
    routes.push(extra);
    try {
      expect(() => createApiApp()).toThrow(/DELETE \/cooperatives\/\{id\} is not in the scope catalogue/);
    } finally {
      routes.pop();
    }
    const removed = routes.shift();
    try {
      expect(() => createApiApp()).toThrow(/GET \/cooperatives, which the route table does not serve/);
    } finally {
      routes.unshift(removed!);
    }
  });

  it("every endpoint refuses a key without its catalogue scope", async () => {
    // A key holding cooperatives:read only: every endpoint needing another scope must
    // answer 403, so each is guarded by exactly the scope the catalogue names.
    const { secret } = await issueKey(["cooperatives:read"]);
    for (const endpoint of ENDPOINTS) {
      const path = endpoint.path.replace("{id}", "00000000-0000-4000-8000-000000000000");
      const res = await call(endpoint.method, path, { key: secret, body: endpoint.method === "GET" ? undefined : {} });
      const needed = ENDPOINT_SCOPES.get(endpointKey(endpoint));
      if (needed === "cooperatives:read") expect(res.status, endpointKey(endpoint)).not.toBe(403);
      else expect([endpointKey(endpoint), res.status]).toEqual([endpointKey(endpoint), 403]);
    }
  });
});

describe("around the endpoints", () => {
  it("an unsupported method is 401 without a key and a JSON 405 with Allow for a valid one", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    const anonymous = await call("DELETE", `/cooperatives/${id}`, {});
    expect([anonymous.status, anonymous.text]).toEqual([401, INVALID_KEY_BODY]);
    const { secret } = await issueKey(["cooperatives:read"]);
    const res = await call("DELETE", `/cooperatives/${id}`, { key: secret });
    expect(res.status).toBe(405);
    expect(res.text).toBe('{"detail":"Method \\"DELETE\\" not allowed."}');
    expect(res.headers.get("allow")).toBe("GET, PUT, HEAD, OPTIONS");
    expect(res.headers.get("x-ratelimit-limit")).toBe("1000");
    const verify = await call("GET", "/api/keys/verify", {});
    expect([verify.status, verify.text, verify.headers.get("allow")]).toEqual([405, '{"detail":"Method \\"GET\\" not allowed."}', "POST, OPTIONS"]);
  });

  it("unknown paths answer JSON, not HTML, with the default rate-limit policy", async () => {
    for (const path of ["/nothing-here", "/cooperatives/x/y/z", "/api/elsewhere"]) {
      const res = await call("GET", path, {});
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("application/json");
      expect(res.text).toBe('{"detail":"Not found."}');
      expect([res.headers.get("x-ratelimit-limit"), res.headers.get("x-ratelimit-remaining")]).toEqual(["1000", "1000"]);
    }
  });

  it("OPTIONS lists the methods without a key; HEAD answers like GET without a body; a trailing slash is the same path", async () => {
    const options = await call("OPTIONS", "/cooperatives", {});
    expect([options.status, options.headers.get("allow")]).toEqual([204, "GET, POST, HEAD, OPTIONS"]);
    const { secret } = await issueKey(["cooperatives:read"]);
    const head = await call("HEAD", "/cooperatives", { key: secret });
    expect([head.status, head.text, head.headers.get("content-type")]).toEqual([200, "", "application/json"]);
    const slash = await call("GET", "/cooperatives/?page_size=1", { key: secret });
    expect(slash.status).toBe(200);
    expect((slash.json as { results: unknown[] }).results).toHaveLength(1);
  });
});
