// The API service's own server process (lib/api/server.ts on @hono/node-server), over
// real HTTP: the same bytes as the app every other test calls, plus what only a real
// server has: the TCP peer's address, gzip for clients that ask, a body limit that holds
// whatever Content-Length claims, and keep-alive.
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApiServer, type ApiServer } from "@/lib/api/server";
import { closeApiStore } from "@/lib/api/store";
import { db } from "@/lib/db";
import { INVALID_KEY_BODY, call, issueKey, seeded } from "./api-support";

let server: ApiServer;
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; socketPort: number };

function send(method: string, path: string, options: { key?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.key) headers.Authorization = `Bearer ${options.key}`;
    const req = http.request({ host: "127.0.0.1", port: server.port, method, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks), socketPort: req.socket?.localPort ?? 0 }));
    });
    req.on("error", reject);
    if (options.body !== undefined) {
      if (options.chunked) {
        // No Content-Length: the limit must hold on the stream itself.
        const body = Buffer.from(options.body);
        for (let i = 0; i < body.length; i += 8192) req.write(body.subarray(i, i + 8192));
      } else req.write(options.body);
    }
    req.end();
  });
}

beforeAll(async () => {
  await seeded();
  server = await startApiServer(0, { hostname: "127.0.0.1" });
});
afterAll(async () => {
  agent.destroy();
  await server.close();
  await closeApiStore();
});

describe("the API service over HTTP", () => {
  it("answers byte for byte as the app does in-process (401, 403, 200 with rate-limit headers)", async () => {
    const none = await send("GET", "/api/v1/cooperatives");
    expect([none.status, none.body.toString(), none.headers["content-type"], none.headers["www-authenticate"]]).toEqual([401, INVALID_KEY_BODY, "application/json", 'Bearer realm="COPA API", error="invalid_token"']);
    const { secret } = await issueKey(["members:read"]);
    const forbidden = await send("GET", "/api/v1/cooperatives", { key: secret });
    expect([forbidden.status, forbidden.body.toString()]).toEqual([403, '{"detail":"Insufficient scope"}']);
    const ok = await send("GET", "/api/v1/members?page_size=2", { key: secret });
    const inProcess = await call("GET", "/members?page_size=2", { key: secret });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body.toString()).results).toEqual((inProcess.json as { results: unknown[] }).results);
    // The 403 was not counted: this is the key's first counted request.
    expect(ok.headers["x-ratelimit-remaining"]).toBe("999");
    expect(ok.headers["cache-control"]).toBe("no-store");
    const unknown = await send("GET", "/api/v1/nowhere");
    expect([unknown.status, unknown.body.toString(), unknown.headers["content-type"], unknown.headers["x-ratelimit-limit"]]).toEqual([404, '{"detail":"Not found."}', "application/json", "1000"]);
  });

  it("records the TCP peer as the key's last-used address, never a claimed X-Forwarded-For", async () => {
    const { secret, keyId } = await issueKey(["cooperatives:read"]);
    await send("GET", "/api/v1/cooperatives?page_size=1", { key: secret, headers: { "X-Forwarded-For": "6.6.6.6" } });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).lastUsedIp).toBe("127.0.0.1");
  });

  it("compresses for clients that accept gzip, and only for them", async () => {
    const { secret } = await issueKey(["cooperatives:read"]);
    const plain = await send("GET", "/api/v1/cooperatives?page_size=50", { key: secret });
    const zipped = await send("GET", "/api/v1/cooperatives?page_size=50", { key: secret, headers: { "Accept-Encoding": "gzip" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(JSON.parse(gunzipSync(zipped.body).toString()).results).toEqual(JSON.parse(plain.body.toString()).results);
  });

  it("refuses a body over 64 KB with the contract's 400, whether or not Content-Length says so", async () => {
    const { secret } = await issueKey(["cooperatives:write"]);
    const big = JSON.stringify({ name: "x".repeat(70 * 1024) });
    for (const chunked of [false, true]) {
      const res = await send("POST", "/api/v1/cooperatives", { key: secret, body: big, chunked, headers: { "Content-Type": "application/json" } });
      expect([res.status, res.body.toString()]).toEqual([400, '{"detail":"Request body is too large (at most 64 KB)."}']);
    }
    expect(await db.cooperative.count({ where: { name: { startsWith: "xxxx" } } })).toBe(0);
  });

  it("keeps connections alive between requests", async () => {
    const a = await send("GET", "/api/v1/openapi.json");
    const b = await send("GET", "/api/v1/openapi.json");
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.socketPort).toBe(b.socketPort);
  });
});
