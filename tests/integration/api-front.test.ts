// The API front (lib/api/front.ts) as npm start runs it: a real node:http server over the
// real route files, spoken to over a socket. Next.js itself is replaced by a stand-in that
// answers 418 "next", so a test sees exactly what the front leaves to Next.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cooperatives from "@/app/api/v1/cooperatives/route";
import { createApiFront, loadRoutes, securityHeadersFrom, unservedEndpoints, type FrontRoute } from "@/lib/api/front";
import { closeApiStore } from "@/lib/api/store";
import { db } from "@/lib/db";
import { issueGatewayCredential } from "@/lib/gateway/service";
import { ENDPOINT_SCOPES } from "@/lib/scopes/enforcement";
import { makeAdmin } from "../support/factories";
import { ALL_SCOPES, INSUFFICIENT_SCOPE_BODY, INVALID_KEY_BODY, NOT_FOUND_BODY, call, issueKey, seeded } from "./api-support";

const ROOT = path.resolve(__dirname, "..", "..");
const ORIGIN = "http://portal.test";

let server: http.Server;
let port: number;
let routes: FrontRoute[];
let full: string;
let ids: { cooperativeId: string; memberId: string };

type Sent = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; text: string; closed: boolean };

/** One request on a fresh connection; `chunked` sends the body without Content-Length. */
function send(method: string, url: string, options: { key?: string; headers?: Record<string, string>; body?: string; chunked?: boolean } = {}): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers.Authorization = `Bearer ${options.key}`;
    if (options.body !== undefined && !options.chunked) headers["Content-Length"] = String(Buffer.byteLength(options.body));
    // A keep-alive agent of its own, so `closed` reports the server's choice, not the client's.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const req = http.request({ host: "127.0.0.1", port, method, path: url, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        agent.destroy();
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString("utf8"), closed: res.headers.connection === "close" });
      });
    });
    req.on("error", reject);
    if (options.body !== undefined) {
      if (options.chunked) for (let i = 0; i < options.body.length; i += 8192) req.write(options.body.slice(i, i + 8192));
      else req.write(options.body);
    }
    req.end();
  });
}

beforeAll(async () => {
  const { cooperative, member } = await seeded();
  ids = { cooperativeId: cooperative.id, memberId: member.id };
  full = (await issueKey(ALL_SCOPES)).secret;
  const nextConfig = createRequire(import.meta.url)(path.join(ROOT, "next.config.js"));
  routes = await loadRoutes(path.join(ROOT, "app"), ["api/v1", "api/keys"]);
  const front = createApiFront({
    routes,
    headers: await securityHeadersFrom(nextConfig),
    origin: () => ORIGIN,
  });
  server = http.createServer((req, res) => {
    if (front(req, res)) return;
    res.writeHead(418, { "X-Served-By": "next" });
    res.end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await closeApiStore();
});

describe("the API front", () => {
  it("finds a handler of its own for every catalogue endpoint in the route files (the server refuses to start otherwise)", () => {
    expect(unservedEndpoints(routes, ENDPOINT_SCOPES.keys())).toEqual([]);
    // A catalogue entry without a route file, or a route file that lost its handler, is named.
    expect(unservedEndpoints(routes, ["GET /cooperatives/{id}/loans", "DELETE /members/{id}"])).toEqual(["GET /cooperatives/{id}/loans", "DELETE /members/{id}"]);
    const withoutList = routes.map((r) => (r.pattern === "/api/v1/cooperatives" ? { ...r, handlers: { POST: r.handlers.POST } } : r));
    expect(unservedEndpoints(withoutList, ENDPOINT_SCOPES.keys())).toEqual(["GET /cooperatives"]);
  });

  it("routes every catalogue endpoint to its own handler: 401 without a key, 403 without its scope, its answer with it", async () => {
    // Two keys whose scopes never overlap, so each endpoint is refused by one of them.
    const reads = (await issueKey(["cooperatives:read"])).secret;
    const payments = (await issueKey(["payments:read"])).secret;
    for (const [endpoint, scope] of ENDPOINT_SCOPES) {
      const [method, template] = endpoint.split(" ");
      const url = `/api/v1${template.replace("{id}", template.startsWith("/members/") ? ids.memberId : ids.cooperativeId)}`;
      const body = method === "GET" ? undefined : "{}";
      const anonymous = await send(method, url, { body });
      expect([endpoint, anonymous.status, anonymous.text]).toEqual([endpoint, 401, INVALID_KEY_BODY]);
      const without = await send(method, url, { key: scope === "payments:read" ? reads : payments, body });
      expect([endpoint, without.status, without.text]).toEqual([endpoint, 403, INSUFFICIENT_SCOPE_BODY]);
      const allowed = await send(method, url, { key: full, body });
      // Reads answer 200; writes read the (empty) body and name the missing fields.
      if (method === "GET") expect([endpoint, allowed.status]).toEqual([endpoint, 200]);
      else expect([endpoint, allowed.status, JSON.parse(allowed.text).detail]).toEqual([endpoint, 400, expect.stringContaining("This field is required.")]);
    }
  });

  it("answers as the Next.js route handler does, with links on the configured origin", async () => {
    const viaFront = await send("GET", "/api/v1/cooperatives?page=2&page_size=3", { key: full });
    const viaNext = await call(cooperatives.GET, "GET", "/cooperatives?page=2&page_size=3", { key: full });
    expect(viaFront.status).toBe(viaNext.status);
    expect(viaFront.text).toBe(viaNext.text.replaceAll("http://sandbox.test", ORIGIN));
    expect(JSON.parse(viaFront.text).next).toBe(`${ORIGIN}/api/v1/cooperatives?page=3&page_size=3`);
    for (const name of ["content-type", "cache-control", "x-ratelimit-limit"]) expect(viaFront.headers[name]).toBe(viaNext.headers.get(name));
    expect(Number(viaFront.headers["x-ratelimit-remaining"])).toBe(Number(viaNext.headers.get("x-ratelimit-remaining")) + 1);
  });

  it("adds next.config.js's headers to every answer, gzips large bodies for clients that take it, and says it varies", async () => {
    const plain = await send("GET", "/api/v1/cooperatives?page_size=50", { key: full });
    expect(plain.closed).toBe(false);
    const zipped = await send("GET", "/api/v1/cooperatives?page_size=50", { key: full, headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
    expect(JSON.parse(gunzipSync(zipped.body).toString("utf8")).results).toEqual(JSON.parse(plain.text).results);
    for (const res of [plain, zipped]) {
      expect(res.headers).toMatchObject({ "x-frame-options": "DENY", "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin", vary: "Accept-Encoding" });
    }
    // A short answer is not worth compressing.
    const refused = await send("GET", "/api/v1/cooperatives", { headers: { "Accept-Encoding": "gzip" } });
    expect([refused.status, refused.text, refused.headers["content-encoding"], refused.headers["x-frame-options"]]).toEqual([401, INVALID_KEY_BODY, undefined, "DENY"]);
  });

  it("answers HEAD with GET's headers and no body", async () => {
    const get = await send("GET", `/api/v1/cooperatives/${ids.cooperativeId}`, { key: full });
    const head = await send("HEAD", `/api/v1/cooperatives/${ids.cooperativeId}`, { key: full });
    expect([head.status, head.body.length, head.headers["content-length"], head.headers["content-type"]]).toEqual([200, 0, get.headers["content-length"], "application/json"]);
  });

  it("answers unknown paths with a JSON 404 and unknown methods with the route's JSON 405", async () => {
    const unknown = await send("GET", "/api/v1/cooperatives/x/loans", { key: full });
    expect([unknown.status, unknown.text, unknown.headers["content-type"]]).toEqual([404, NOT_FOUND_BODY, "application/json"]);
    const propfind = await send("PROPFIND", "/api/v1/cooperatives", { key: full });
    expect([propfind.status, propfind.text, propfind.headers.allow]).toEqual([405, '{"detail":"Method \\"PROPFIND\\" not allowed."}', "GET, POST, HEAD, OPTIONS"]);
    const anonymous = await send("PROPFIND", "/api/v1/cooperatives");
    expect(anonymous.status).toBe(401);
  });

  it("leaves to Next what Next must answer: pages, static routes, OPTIONS, and paths Next normalises first", async () => {
    const cases: [string, string][] = [
      ["GET", "/api/v1/openapi.json"],
      ["OPTIONS", "/api/v1/cooperatives"],
      ["GET", "/api/v1/cooperatives/"],
      ["GET", "/api/v1//cooperatives"],
      ["GET", "/api/v1/./cooperatives"],
      ["GET", "/api/v1/%E0%A4%A"],
      ["GET", "/api/health"],
      ["POST", "/api/auth/callback/credentials"],
      ["GET", "/docs/scopes"],
      ["GET", "/"],
    ];
    for (const [method, url] of cases) {
      const res = await send(method, url, { key: full });
      expect([method, url, res.status, res.text]).toEqual([method, url, 418, "next"]);
    }
  });

  it("refuses an oversized body unread, writes nothing and closes the connection", async () => {
    const before = await db.cooperative.count();
    const body = JSON.stringify({ name: "x".repeat(80_000) });
    for (const chunked of [false, true]) {
      const res = await send("POST", "/api/v1/cooperatives", { key: full, body, chunked });
      expect([res.status, res.text]).toEqual([400, '{"detail":"Request body is too large (at most 64 KB)."}']);
      if (chunked) expect(res.closed).toBe(true);
    }
    expect(await db.cooperative.count()).toBe(before);
  });

  it("records where a key was last used from: X-Forwarded-For's nearest hop, else the socket", async () => {
    const { secret, keyId } = await issueKey(["cooperatives:read"]);
    await send("GET", "/api/v1/cooperatives", { key: secret });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedIp).toBe("127.0.0.1");
    await send("GET", "/api/v1/cooperatives", { key: secret, headers: { "X-Forwarded-For": "198.51.100.1, 203.0.113.9" } });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedIp).toBe("203.0.113.9");
  });

  it("answers a failure before the handler runs with a JSON 500 instead of crashing", async () => {
    const logged: string[] = [];
    const broken = createApiFront({ routes, headers: {}, origin: () => { throw new Error("no origin"); }, log: (m) => logged.push(m) });
    const other = http.createServer((req, res) => void (broken(req, res) || res.end("next")));
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    try {
      const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = http.get({ host: "127.0.0.1", port: (other.address() as AddressInfo).port, path: "/api/v1/cooperatives" }, (r) => {
          let text = "";
          r.on("data", (c) => (text += c)).on("end", () => resolve({ status: r.statusCode ?? 0, text }));
        });
        req.on("error", reject);
      });
      expect(res).toEqual({ status: 500, text: '{"detail":"Internal server error"}' });
      expect(logged).toEqual([expect.stringContaining("GET /api/v1/cooperatives failed before answering: no origin")]);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it("serves the gateway's verification service", async () => {
    const { token } = await issueGatewayCredential({ name: "Front gateway" }, await makeAdmin(), null);
    const { secret, keyId } = await issueKey(["members:read"]);
    const res = await send("POST", "/api/keys/verify", { headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: JSON.stringify({ key: secret, scope: "members:read" }) });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ valid: true, key: { id: keyId, scopes: ["members:read"] } });
    const refused = await send("POST", "/api/keys/verify", { body: "{}" });
    expect([refused.status, refused.text]).toEqual([401, '{"detail":"Invalid gateway credential"}']);
    const get = await send("GET", "/api/keys/verify", { headers: { Authorization: `Bearer ${token}` } });
    expect([get.status, get.headers.allow]).toEqual([405, "POST, OPTIONS"]);
  });
});
