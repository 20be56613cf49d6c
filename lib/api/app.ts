// The machine APIs as one Hono app: the COPA API (/api/v1, from the route table in
// lib/api/routes.ts), its OpenAPI document, and the key verification service for COPA's
// gateway (/api/keys/verify). Two ways in, one app: its own server process
// (lib/api/server.ts, the fast path partners and the gateway call) and the portal's
// catch-all route handler (app/api/[...path]/route.ts), so `next dev`, `next start` and
// the docs' "Try it" answer the same paths with the same bytes.
//
// Per endpoint, in the contract's order: authentication -> (the key's IP allowlist) ->
// scope -> rate limit (one decision, lib/api/authenticate.ts) -> body size -> parse and validate -> handler. Every
// error is an ApiError (lib/api/errors.ts) turned into {"detail": ...} by the one error
// handler below; anything unexpected is a logged 500 that never names a key or a body.
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { getEnv } from "@/lib/env";
import { verifyRequestSchema } from "@/lib/gateway/schemas";
import { authenticateGateway, verifyKey } from "@/lib/gateway/verify";
import { GITHUB_LEAK_PATH, handleGithubLeakReport } from "@/lib/leaks/github";
import { clientIp } from "@/lib/net/client-ip";
import { ENDPOINT_SCOPES, parseScopes } from "@/lib/scopes/enforcement";
import type { HttpMethod } from "@/lib/scopes/catalog";
import { decideKey, presentedKey, statusClass } from "./authenticate";
import { ApiError, BASE_HEADERS, DETAIL, toApiError } from "./errors";
import { OPENAPI_PATH, registerOpenApi, type OpenApiDocument, type OpenApiDocumentConfig } from "./openapi";
import { rateLimitHeaders } from "./rate-limit";
import { ENDPOINTS, endpointKey, type ApiPrincipal, type Endpoint } from "./routes";
import { getApiStore } from "./store";
import type { ApiStore, StoredKey } from "./store/types";
import { BODY_TOO_LARGE, MAX_BODY_BYTES, parseJsonBody, parseQuery } from "./validation";

/** What @hono/node-server hands the app; absent under Next.js, which hides the socket. */
type Bindings = { incoming?: { socket?: { remoteAddress?: string } } };
type Identified = { key: StoredKey; now: Date; ip: string | null };
type Variables = { rateHeaders?: Record<string, string>; identified?: Identified };
export type ApiEnv = { Bindings: Bindings; Variables: Variables };
type ApiContext = Context<ApiEnv>;

export type ApiAppOptions = {
  /** The hot-path store (default: the process-wide one for DATABASE_URL). */
  store?: () => ApiStore;
  /** The clock every decision reads (tests pin it). */
  now?: () => Date;
  /** The public origin clients address, for pagination links; the request's own URL otherwise. */
  publicOrigin?: string;
  /** The servers the OpenAPI document lists first (this service's own base URL). */
  document?: OpenApiDocumentConfig;
  /** Gzip for clients that ask: the API service's own server does; under Next.js, Next does. */
  compress?: boolean;
};

/** Failed key authentications an address may make in a minute before it gets 429. */
export const AUTH_FAILURES_PER_MINUTE = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function reply(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: headers ? { ...BASE_HEADERS, ...headers } : BASE_HEADERS });
}

/**
 * The headers of an answer that identifies no key (401, unknown path): the default hourly
 * policy with nothing used. The contract has every response carry them; a key's own
 * figures would tell the caller the key exists.
 */
function anonymousRateLimitHeaders(now: Date): Record<string, string> {
  const limit = String(getEnv().COPA_RATE_LIMIT_HOUR);
  return { "X-RateLimit-Limit": limit, "X-RateLimit-Remaining": limit, "X-RateLimit-Reset": String(Math.floor(now.getTime() / 1000)) };
}

function logFailure(what: string, error: unknown) {
  // Never log headers or bodies: they carry keys and personal data.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`[api] ${what} failed: ${message}`);
}

const principalOf = (key: StoredKey): ApiPrincipal => ({
  keyId: key.id,
  organizationId: key.organizationId,
  organizationName: key.organizationName,
  type: key.type,
  environment: key.environment,
  scopes: parseScopes(key.scopes),
});

const honoPath = (path: string) => `/api/v1${path.replace(/\{(\w+)\}/g, ":$1")}`;

export function createApiApp(options: ApiAppOptions = {}) {
  const store = options.store ?? getApiStore;
  const clock = options.now ?? (() => new Date());
  const app = new OpenAPIHono<ApiEnv>({ strict: false });
  if (options.compress) {
    const gzip = compress();
    // Only for clients that ask: Hono's middleware reads every answer's headers, which makes
    // @hono/node-server build a full Response and stream its body instead of writing the
    // string it holds, a cost every other client would pay for nothing.
    app.use((c, next) => (/\b(gzip|deflate)\b/i.test(c.req.header("accept-encoding") ?? "") ? gzip(c, next) : next()));
  }

  const ipOf = (c: ApiContext) =>
    clientIp({ socketAddress: c.env?.incoming?.socket?.remoteAddress, forwardedFor: c.req.header("x-forwarded-for"), trustProxy: getEnv().COPA_TRUST_PROXY });

  const urlOf = (c: ApiContext) => {
    const url = new URL(c.req.url);
    return options.publicOrigin ? new URL(url.pathname + url.search, options.publicOrigin) : url;
  };

  /**
   * The key decision for a call needing `scope` (null: a method the path does not serve,
   * which is still authenticated and counted). On success the request is counted, and an
   * answer other than 2xx moves it to its own status class in the key's usage.
   */
  const requireKey = (scope: string | null, path: string): MiddlewareHandler<ApiEnv> => async (c, next) => {
    const now = clock();
    const ip = ipOf(c);
    const bearer = /^\s*Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1];
    const apiKey = c.req.header("x-api-key")?.trim();
    // Two different keys: which one the caller meant is a guess we must not make.
    if (bearer && apiKey && bearer !== apiKey) throw new ApiError("bad_request", DETAIL.conflictingKeys);
    const presented = presentedKey(c.req.raw.headers);
    const decision = await decideKey(store(), { presented, scope, now, ip, environment: "sandbox", count: true, endpoint: { method: c.req.method, path: `/api/v1${path}` } });
    if (!decision.valid) {
      if (decision.reason === "ip_not_allowed") {
        // The key's own figures would tell a caller outside its list about its traffic.
        throw new ApiError("ip_not_allowed", undefined, anonymousRateLimitHeaders(now));
      }
      if (decision.reason === "insufficient_scope") {
        c.set("rateHeaders", rateLimitHeaders(decision.state));
        throw new ApiError("insufficient_scope", undefined, { "WWW-Authenticate": 'Bearer realm="COPA API", error="insufficient_scope"' });
      }
      if (decision.reason === "rate_limited") {
        c.set("rateHeaders", rateLimitHeaders(decision.state));
        throw new ApiError("throttled", DETAIL.throttled(decision.retryAfter), { "Retry-After": String(decision.retryAfter) });
      }
      // An address that keeps presenting bad keys is guessing: past the limit it gets 429
      // until its minute ends. Counted only on failures, so valid calls pay nothing.
      if (presented && ip) {
        const minute = Math.floor(now.getTime() / 60_000) * 60_000;
        const failures = await store().recordAuthFailure(ip, minute);
        if (failures > AUTH_FAILURES_PER_MINUTE) {
          const wait = Math.max(1, Math.ceil((minute + 60_000 - now.getTime()) / 1000));
          throw new ApiError("throttled", DETAIL.throttled(wait), {
            "Retry-After": String(wait),
            "X-RateLimit-Limit": String(AUTH_FAILURES_PER_MINUTE),
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": String((minute + 60_000) / 1000),
          });
        }
      }
      // One answer, byte for byte, for every kind of bad key (and for production keys).
      throw new ApiError("invalid_key");
    }
    c.set("rateHeaders", rateLimitHeaders(decision.state));
    c.set("identified", { key: decision.key, now, ip });
    await next();
    const final = statusClass(c.res.status);
    if (final !== "2xx") {
      try {
        await store().reclassifyUsage(decision.key.id, now.toISOString().slice(0, 10), "2xx", final);
      } catch (error) {
        // Usage is best effort: a failure to count never fails the request it counts.
        logFailure("usage recording", error);
      }
    }
  };

  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError("bad_request", BODY_TOO_LARGE);
    },
  });

  const serve = (endpoint: Endpoint): MiddlewareHandler<ApiEnv> => async (c) => {
    const { key } = c.get("identified")!;
    let id = "";
    if (endpoint.path.includes("{id}")) {
      id = c.req.param("id" as never) ?? "";
      // A malformed id names no resource: 404, as a UUID route would not match it.
      if (!UUID.test(id)) throw new ApiError("not_found");
    }
    const url = urlOf(c);
    const query = endpoint.query ? parseQuery(url.searchParams, endpoint.query) : undefined;
    const body = endpoint.body ? parseJsonBody(await c.req.text(), endpoint.body) : undefined;
    const result = await endpoint.handle({ id, query: query as never, body: body as never, url, key: principalOf(key), store: store() });
    return reply(endpoint.status, result, c.get("rateHeaders"));
  };

  // The endpoints, each from its one entry; the scope comes from the catalogue alone.
  const methodsByPath = new Map<string, HttpMethod[]>();
  for (const endpoint of ENDPOINTS) {
    const scope = ENDPOINT_SCOPES.get(endpointKey(endpoint));
    if (!scope) throw new Error(`API route ${endpointKey(endpoint)} is not in the scope catalogue (lib/scopes)`);
    const path = honoPath(endpoint.path);
    if (endpoint.body) app.on(endpoint.method, path, requireKey(scope, endpoint.path), limitBody, serve(endpoint));
    else app.on(endpoint.method, path, requireKey(scope, endpoint.path), serve(endpoint));
    methodsByPath.set(endpoint.path, [...(methodsByPath.get(endpoint.path) ?? []), endpoint.method]);
  }
  for (const scopeEndpoint of ENDPOINT_SCOPES.keys()) {
    if (!ENDPOINTS.some((e) => endpointKey(e) === scopeEndpoint)) throw new Error(`The scope catalogue names ${scopeEndpoint}, which the route table does not serve`);
  }

  // Methods a path does not serve: 405 with Allow, after authentication and rate
  // limiting as in Django REST Framework (an unauthenticated caller gets the 401).
  for (const [path, methods] of methodsByPath) {
    const allow = [...methods, "HEAD", "OPTIONS"].join(", ");
    app.options(honoPath(path), () => new Response(null, { status: 204, headers: { Allow: allow } }));
    app.on(["GET", "POST", "PUT", "PATCH", "DELETE"], honoPath(path), requireKey(null, path), (c) => {
      throw new ApiError("method_not_allowed", DETAIL.methodNotAllowed(c.req.method), { Allow: allow });
    });
  }

  // The gateway's verification service (lib/gateway/verify.ts says what it answers and counts).
  app.post("/api/keys/verify", limitBody, async (c) => {
    const now = clock();
    if (!(await authenticateGateway(store(), c.req.header("authorization"), now))) {
      throw new ApiError("invalid_gateway_credential", undefined, { "WWW-Authenticate": 'Bearer realm="COPA gateway"' });
    }
    const input = parseJsonBody(await c.req.text(), verifyRequestSchema);
    return reply(200, await verifyKey(store(), input, now));
  });
  app.on(["GET", "PUT", "PATCH", "DELETE"], "/api/keys/verify", (c) => {
    throw new ApiError("method_not_allowed", DETAIL.methodNotAllowed(c.req.method), { Allow: "POST, OPTIONS" });
  });

  // Leaked-key reports from GitHub's secret scanning (lib/leaks/github.ts): signed, no key.
  app.post(GITHUB_LEAK_PATH, limitBody, async (c) => handleGithubLeakReport(Buffer.from(await c.req.arrayBuffer()), c.req.raw.headers, ipOf(c)));

  // The OpenAPI document, generated from the same table (public, no key).
  const document = registerOpenApi(app, options.document);
  app.get(OPENAPI_PATH, () =>
    new Response(document(), {
      headers: {
        "Content-Type": "application/json",
        // Public and free of secrets: tools on other origins (editors, code generators) may read it.
        "Access-Control-Allow-Origin": "*",
        "Cache-Control": "public, max-age=300",
        Vary: "Accept-Encoding",
      },
    }),
  );

  // Any other path: the JSON 404 a URL router gives, before any key is looked at.
  app.notFound(() => reply(404, { detail: DETAIL.notFound }, anonymousRateLimitHeaders(clock())));

  app.onError((error, c) => {
    const known = toApiError(error);
    if (!known) {
      logFailure(`${c.req.method} ${c.req.routePath}`, error);
      return reply(500, { detail: DETAIL.internal }, c.get("rateHeaders"));
    }
    if (known.code === "invalid_key") {
      // RFC 6750: the same challenge for every kind of bad key, so none can be told apart.
      return reply(401, { detail: known.detail }, { "WWW-Authenticate": 'Bearer realm="COPA API", error="invalid_token"', ...anonymousRateLimitHeaders(clock()) });
    }
    return reply(known.status, { detail: known.detail }, { ...c.get("rateHeaders"), ...known.headers });
  });

  return app;
}

export type ApiApp = ReturnType<typeof createApiApp>;

const globalForApp = globalThis as unknown as { copaApiApp?: ApiApp };

/** The portal's own instance (the catch-all route handler and the docs share it). */
export function getApiApp(): ApiApp {
  return (globalForApp.copaApiApp ??= createApiApp());
}

/** The OpenAPI document as the docs render it. */
export async function getOpenApiDocument(): Promise<OpenApiDocument> {
  const response = await getApiApp().request(OPENAPI_PATH);
  return (await response.json()) as OpenApiDocument;
}
