// The /api/v1 route files and the scope catalogue must name the same endpoints: a route
// without a catalogue entry (unguarded by a scope) or a catalogue entry without a route
// (documented but not served) fails here. Read from the files on disk, so a new route
// file is checked without anyone remembering to list it.
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ENDPOINTS } from "@/lib/api/endpoints";
import type { ApiRouteHandler } from "@/lib/api/with-api-key";
import { ENDPOINT_SCOPES } from "@/lib/scopes/enforcement";

const ROOT = path.resolve(__dirname, "..", "..");
const V1 = path.join(ROOT, "app", "api", "v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
/** Route files that are deliberately not key-authenticated endpoints. */
const PUBLIC = new Set(["/openapi.json", "/[[...path]]"]);

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

/** app/api/v1/cooperatives/[id]/members/route.ts -> /cooperatives/{id}/members */
function apiPath(file: string): string {
  const dir = path.relative(V1, path.dirname(file)).split(path.sep).filter(Boolean);
  return `/${dir.map((s) => (/^\[[a-z]+\]$/i.test(s) ? `{${s.slice(1, -1)}}` : s)).join("/")}`;
}

async function inventory() {
  const served = new Map<string, string>();
  const problems: string[] = [];
  for (const file of routeFiles(V1)) {
    const relative = path.relative(ROOT, file);
    const rawPath = `/${path.relative(V1, path.dirname(file)).split(path.sep).join("/")}`;
    const module = (await import(pathToFileURL(file).href)) as Record<string, ApiRouteHandler | undefined>;
    if (PUBLIC.has(rawPath)) continue;
    const apiRoute = apiPath(file);
    for (const method of METHODS) {
      const handler = module[method];
      const key = `${method} ${apiRoute}`;
      if (!handler) {
        problems.push(`${relative}: ${method} is not exported (it would fall through to a bare, non-JSON 405)`);
        continue;
      }
      const tag = handler.copa;
      if (!tag) problems.push(`${relative}: ${method} is not built with withApiKey or methodsNotAllowed`);
      else if (tag.kind === "endpoint") {
        if (tag.endpoint !== key) problems.push(`${relative}: ${method} is wrapped for "${tag.endpoint}", expected "${key}"`);
        if (!ENDPOINT_SCOPES.has(key)) problems.push(`${relative}: ${key} has no entry in the scope catalogue`);
        served.set(key, relative);
      } else if (ENDPOINT_SCOPES.has(key)) {
        problems.push(`${relative}: ${key} is in the catalogue but answers 405`);
      } else if (tag.path !== apiRoute) {
        problems.push(`${relative}: the 405 handler names ${tag.path}, expected ${apiRoute}`);
      }
    }
  }
  return { served, problems };
}

describe("route inventory", () => {
  it("every route file's handlers match the catalogue, and every catalogue endpoint is served", async () => {
    const { served, problems } = await inventory();
    for (const endpoint of ENDPOINT_SCOPES.keys()) {
      if (!served.has(endpoint)) problems.push(`${endpoint} is in the catalogue but no route file serves it`);
    }
    expect(problems).toEqual([]);
    expect([...served.keys()].sort()).toEqual([...ENDPOINT_SCOPES.keys()].sort());
  });

  it("the endpoint definitions (schemas) cover exactly the catalogue", () => {
    expect(Object.keys(ENDPOINTS).sort()).toEqual([...ENDPOINT_SCOPES.keys()].sort());
  });

  it("the wrapper refuses to be built for an endpoint outside the catalogue", async () => {
    const { withApiKey } = await import("@/lib/api/with-api-key");
    expect(() => withApiKey("DELETE /cooperatives/{id}" as never, async () => ({}))).toThrow(/not in the scope catalogue/);
  });

  it("an unsupported method is 401 without a key and a JSON 405 with Allow for a valid one", async () => {
    const route = await import("@/app/api/v1/cooperatives/[id]/route");
    const { call, issueKey, INVALID_KEY_BODY } = await import("./api-support");
    const id = "00000000-0000-4000-8000-000000000000";
    const anonymous = await call(route.DELETE, "DELETE", `/cooperatives/${id}`, { params: { id } });
    expect([anonymous.status, anonymous.text]).toEqual([401, INVALID_KEY_BODY]);
    const { secret } = await issueKey(["cooperatives:read"]);
    const res = await call(route.DELETE, "DELETE", `/cooperatives/${id}`, { key: secret, params: { id } });
    expect(res.status).toBe(405);
    expect(res.text).toBe('{"detail":"Method \\"DELETE\\" not allowed."}');
    expect(res.headers.get("allow")).toBe("GET, PUT, HEAD, OPTIONS");
    expect(res.headers.get("x-ratelimit-limit")).toBe("1000");
  });

  it("unknown paths answer JSON, not HTML", async () => {
    const catchAll = await import("@/app/api/v1/[[...path]]/route");
    const res = await catchAll.GET(new Request("http://sandbox.test/api/v1/nothing-here"));
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(await res.text()).toBe('{"detail":"Not found."}');
    // As every API answer, it reports a rate limit: the default policy, nothing used.
    expect([res.headers.get("x-ratelimit-limit"), res.headers.get("x-ratelimit-remaining")]).toEqual(["1000", "1000"]);
  });
});
