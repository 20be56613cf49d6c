// The API front: a lean node:http dispatcher that `npm start` puts before Next.js, so the
// machine APIs (/api/v1/..., /api/keys/verify) skip Next's request pipeline, which on its
// own costs more than the whole key check (see README, "Benchmark").
//
// It serves the same route files Next does, found the same way (app/**/route.ts, with
// [param], [...all] and [[...optional]] segments, the most specific route first), and calls
// the same handlers through their server-independent `serve` (lib/api/with-api-key.ts).
// So there is one definition of every endpoint and `next dev` behaves exactly like
// production. Whatever the front does not serve goes to Next untouched:
// - a route export that was not built for it (the static OpenAPI document);
// - a path Next would normalise first (trailing slash -> 308, "//", dot segments,
//   undecodable escapes), so redirects and their bodies stay Next's own;
// - OPTIONS where the route file has no handler of its own (Next lists its methods);
// - a method the route file does not handle at all.
// It adds what Next adds to every answer: the security headers of next.config.js and, as
// Next does, X-Forwarded-For set from the socket when the client sent none.
import { readdirSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import { BodyTooLargeError, type ApiReply, type ApiRequest, type HeaderReader } from "./http";
import { DETAIL, errorJson } from "./responses";
import type { ApiRouteHandler, RouteParams } from "./with-api-key";

type Segment = { kind: "static"; value: string } | { kind: "param"; name: string } | { kind: "catch-all"; name: string; optional: boolean };

export type FrontRoute = {
  /** e.g. /api/v1/cooperatives/[id] */
  pattern: string;
  segments: Segment[];
  /** The route file's exports that the front can serve, by method. */
  handlers: Partial<Record<string, ApiRouteHandler>>;
};

const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

export function parsePattern(pattern: string): Segment[] {
  return pattern
    .split("/")
    .filter((s) => s !== "" && !/^\(.*\)$/.test(s)) // (group) folders are not part of the URL
    .map((s): Segment => {
      let m = /^\[\[\.\.\.(\w+)\]\]$/.exec(s);
      if (m) return { kind: "catch-all", name: m[1], optional: true };
      m = /^\[\.\.\.(\w+)\]$/.exec(s);
      if (m) return { kind: "catch-all", name: m[1], optional: false };
      m = /^\[(\w+)\]$/.exec(s);
      if (m) return { kind: "param", name: m[1] };
      return { kind: "static", value: s };
    });
}

const RANK = { static: 0, param: 1, "catch-all": 2 } as const;

/** Next's precedence: segment by segment, static before [param] before catch-all. */
export function compareRoutes(a: Pick<FrontRoute, "segments">, b: Pick<FrontRoute, "segments">): number {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const x = a.segments[i];
    const y = b.segments[i];
    if (!x || !y) return x ? (x.kind === "catch-all" ? 1 : -1) : y!.kind === "catch-all" ? -1 : 1;
    if (RANK[x.kind] !== RANK[y.kind]) return RANK[x.kind] - RANK[y.kind];
  }
  return 0;
}

/** Matches decoded path segments against the routes (sorted by compareRoutes). */
export function matchRoute(routes: readonly FrontRoute[], parts: readonly string[]): { route: FrontRoute; params: RouteParams } | null {
  for (const route of routes) {
    const params: RouteParams = {};
    let matched = true;
    let i = 0;
    for (const segment of route.segments) {
      if (segment.kind === "catch-all") {
        const rest = parts.slice(i);
        if (rest.length === 0 && !segment.optional) matched = false;
        else if (rest.length > 0) params[segment.name] = rest;
        i = parts.length;
        break;
      }
      const part = parts[i++];
      if (part === undefined) {
        matched = false;
        break;
      }
      if (segment.kind === "static" ? part !== segment.value : false) {
        matched = false;
        break;
      }
      if (segment.kind === "param") params[segment.name] = part;
    }
    if (matched && i === parts.length) return { route, params };
  }
  return null;
}

function routeFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return /^route\.(ts|js)$/.test(entry.name) ? [full] : [];
  });
}

const isServable = (value: unknown): value is ApiRouteHandler => typeof value === "function" && typeof (value as { serve?: unknown }).serve === "function";

/**
 * The route files under `appDir`/`prefix` for each prefix, imported, most specific first.
 * Only exports built with apiRoute/withApiKey are kept; the rest stays Next's.
 */
export async function loadRoutes(appDir: string, prefixes: readonly string[]): Promise<FrontRoute[]> {
  const routes: FrontRoute[] = [];
  for (const prefix of prefixes) {
    for (const file of routeFiles(path.join(appDir, prefix))) {
      const pattern = `/${path.relative(appDir, path.dirname(file)).split(path.sep).join("/")}`;
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const handlers: FrontRoute["handlers"] = {};
      for (const method of ROUTE_METHODS) if (isServable(mod[method])) handlers[method] = mod[method];
      routes.push({ pattern, segments: parsePattern(pattern), handlers });
    }
  }
  return routes.sort(compareRoutes);
}

/**
 * The catalogue endpoints ("GET /cooperatives/{id}", relative to /api/v1) the front would
 * not serve with their own handler. The server refuses to start unless this is empty, so
 * a moved or renamed route file cannot silently send the API back through Next.
 */
export function unservedEndpoints(routes: readonly FrontRoute[], endpoints: Iterable<string>): string[] {
  const missing: string[] = [];
  for (const endpoint of endpoints) {
    const [method, template] = endpoint.split(" ");
    const parts = `api/v1${template}`.split("/").map((s) => (s === "{id}" ? "00000000-0000-4000-8000-000000000000" : s));
    const handler = matchRoute(routes, parts)?.route.handlers[method];
    if (handler?.copa?.kind !== "endpoint" || handler.copa.endpoint !== endpoint) missing.push(endpoint);
  }
  return missing;
}

/**
 * The headers next.config.js adds to every path. The front applies them too; a rule it
 * does not understand fails the start rather than be silently skipped.
 */
export async function securityHeadersFrom(config: { headers?: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> }): Promise<Record<string, string>> {
  const rules = (await config.headers?.()) ?? [];
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    if (rule.source !== "/:path*") throw new Error(`next.config.js headers(): the API front only applies rules for "/:path*", not "${rule.source}" (extend lib/api/front.ts)`);
    for (const { key, value } of rule.headers) headers[key] = value;
  }
  return headers;
}

/** A node request as an ApiRequest. `closeAfter` is set when the body was refused unread. */
class NodeApiRequest implements ApiRequest {
  closeAfter = false;
  readonly headers: HeaderReader;

  constructor(
    private readonly req: IncomingMessage,
    readonly url: string,
  ) {
    this.headers = {
      get(name: string) {
        const value = req.headers[name.toLowerCase()];
        if (value === undefined) {
          // As Next does: the socket's address when no proxy named a client.
          return name.toLowerCase() === "x-forwarded-for" ? (req.socket.remoteAddress ?? null) : null;
        }
        return Array.isArray(value) ? value.join(", ") : value;
      },
    };
  }

  get method() {
    return this.req.method ?? "GET";
  }

  text(limit: number): Promise<string> {
    const req = this.req;
    if (req.readableEnded) return Promise.resolve("");
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (error?: Error) => {
        req.off("data", onData);
        req.off("end", onEnd);
        req.off("error", finish);
        req.off("close", onClose);
        if (error) reject(error);
        else resolve(Buffer.concat(chunks).toString("utf8"));
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size <= limit) return void chunks.push(chunk);
        // Stop reading; the answer closes the connection, which discards the rest.
        req.pause();
        this.closeAfter = true;
        finish(new BodyTooLargeError());
      };
      const onEnd = () => finish();
      const onClose = () => finish(new Error("the client went away before sending the whole body"));
      req.on("data", onData);
      req.on("end", onEnd);
      req.on("error", finish);
      req.on("close", onClose);
    });
  }
}

export type ApiFrontOptions = {
  routes: readonly FrontRoute[];
  /** Headers every answer carries (securityHeadersFrom(next.config.js)). */
  headers: Readonly<Record<string, string>>;
  /** The public origin for a request (lib/api/origin.ts), for absolute URLs in answers. */
  origin: (req: IncomingMessage) => string;
  log?: (message: string) => void;
};

const gzip = promisify(gzipCallback);

/** Smaller bodies are sent as they are: compressing them saves less than it costs. */
export const GZIP_MIN_BYTES = 1024;

/** Whether an Accept-Encoding header admits gzip (a q=0 refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    if (coding.trim() !== "gzip" && coding.trim() !== "*") continue;
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return q === undefined || Number(q) > 0;
  }
  return false;
}

async function write(req: IncomingMessage, res: ServerResponse, reply: ApiReply, common: Readonly<Record<string, string>>, closeAfter: boolean) {
  const headers: Record<string, string> = { ...common, ...reply.headers };
  const bodyless = reply.status === 204 || reply.status === 304;
  let body: string | Buffer = reply.body;
  if (!bodyless) {
    // As Next does for its answers: gzip when the client takes it, and say it varies.
    headers.Vary = "Accept-Encoding";
    if (Buffer.byteLength(body) >= GZIP_MIN_BYTES && acceptsGzip(req.headers["accept-encoding"])) {
      body = await gzip(body);
      headers["Content-Encoding"] = "gzip";
    }
    headers["Content-Length"] = String(Buffer.byteLength(body));
  }
  // A body refused unread (too large, or the request failed before reading it) is not
  // drained, however long it is: the connection closes instead.
  if (closeAfter || !req.complete) headers.Connection = "close";
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, headers);
  // For HEAD, node sends the headers (Content-Length included) and drops the body.
  res.end(bodyless ? undefined : body);
}

/**
 * The front's request listener: answers and returns true for what it serves, returns
 * false (having touched nothing) for what Next should serve.
 */
export function createApiFront(options: ApiFrontOptions): (req: IncomingMessage, res: ServerResponse) => boolean {
  const log = options.log ?? ((message: string) => console.error(message));
  const prefixes = [...new Set(options.routes.map((r) => `/${(r.segments[0] as { value?: string })?.value ?? ""}/`))];

  const serve = (req: IncomingMessage, res: ServerResponse): boolean => {
    const raw = req.url ?? "/";
    if (!prefixes.some((p) => raw.startsWith(p))) return false;
    const q = raw.indexOf("?");
    const pathname = q === -1 ? raw : raw.slice(0, q);
    if (pathname.length > 1 && pathname.endsWith("/")) return false;
    if (pathname.includes("//") || pathname.includes("/.") || pathname.includes("\\")) return false;

    let parts: string[];
    try {
      parts = pathname.slice(1).split("/").map(decodeURIComponent);
    } catch {
      return false;
    }
    const match = matchRoute(options.routes, parts);
    if (!match) return false;
    const { route, params } = match;
    const method = (req.method ?? "GET").toUpperCase();

    // OPTIONS stays Next's (it lists the route file's methods) unless the route answers it.
    let handler = route.handlers[method] ?? (method === "HEAD" ? route.handlers.GET : undefined);
    if (!handler && method === "OPTIONS") return false;
    // A method the route file does not name: its JSON 405 if it has one, else Next's.
    handler ??= Object.values(route.handlers).find((h) => h?.copa?.kind === "method-not-allowed");
    if (!handler) return false;

    const request = new NodeApiRequest(req, options.origin(req) + raw);
    handler
      .serve(request, params)
      .catch((error: unknown) => {
        log(`[api front] ${method} ${route.pattern} failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
        return errorJson(500, DETAIL.internal);
      })
      .then((reply) => write(req, res, reply, options.headers, request.closeAfter))
      .catch(() => res.destroy());
    return true;
  };

  return (req, res) => {
    try {
      return serve(req, res);
    } catch (error) {
      // Failed before answering (routing, the origin): a JSON 500, never a crashed server.
      log(`[api front] ${req.method} ${req.url?.split("?")[0]} failed before answering: ${error instanceof Error ? error.message : String(error)}`);
      void write(req, res, errorJson(500, DETAIL.internal), options.headers, true).catch(() => res.destroy());
      return true;
    }
  };
}
