// The key-auth wrapper: the only way to build an /api/v1 route handler.
//
//   export const GET = withApiKey("GET /cooperatives", async ({ query, url, store }) => ...);
//
// Order of checks, as the COPA contract publishes it:
//   authenticate -> scope -> rate limit -> (parse, validate) -> handler
// 401 (one byte-identical answer for every kind of bad key, and for production keys,
// which the sandbox refuses), 403, 429 with Retry-After, then the handler's own 400/404.
// Every answer is JSON; anything unexpected is a logged 500 {"detail":"Internal server
// error"}. Every answer to an identified key carries X-RateLimit-Limit / -Remaining /
// -Reset (see lib/api/rate-limit.ts for their meaning) and is counted in the key's
// daily usage by status class.
//
// A handler built here serves through two servers: as a Next.js route handler (the
// function itself) and through the lean API front that `npm start` runs before Next
// (its `serve`, lib/api/front.ts). Both run the same code on the same ApiRequest.
// No "server-only" marker: the front loads this module outside Next's bundler, and the
// database drivers it imports could never reach a browser bundle anyway.
import type { z } from "zod";
import { ServiceError } from "@/lib/errors";
import { ENDPOINT_SCOPES, parseScopes } from "@/lib/scopes/enforcement";
import type { HttpMethod } from "@/lib/scopes/catalog";
import { checkKey, clientIp, presentedKey, statusClass, usageEvent } from "./authenticate";
import { ENDPOINTS, type ApiEndpoint, type EndpointDefinition } from "./endpoints";
import { fromWebRequest, toWebResponse, type ApiReply, type ApiRequest } from "./http";
import { effectiveLimits, rateLimitHeaders, rateLimitState, retryAfterSeconds, throttledState } from "./rate-limit";
import { ApiError, DETAIL, errorJson, json, unauthorized, unknownPathReply } from "./responses";
import { getApiStore } from "./store";
import type { ApiStore, StoredKey } from "./store/types";
import { parseJsonBody, parseQuery } from "./validation";

export type RouteParams = Record<string, string | string[] | undefined>;
type RouteContext = { params: Promise<RouteParams> };

export type ApiRouteTag =
  | { kind: "endpoint"; endpoint: ApiEndpoint }
  | { kind: "method-not-allowed"; path: string; allowed: readonly HttpMethod[] };

/**
 * A Next.js route handler that the API front can also serve: `serve` answers an
 * ApiRequest with plain data. `copa` says what it serves, for the route-inventory test
 * and the front (its start-up check, and the 405 it gives a method the file does not name).
 */
export type ApiRouteHandler = ((request: Request, context?: RouteContext) => Promise<Response>) & {
  readonly serve: (request: ApiRequest, params: RouteParams) => Promise<ApiReply>;
  readonly copa?: ApiRouteTag;
};

/** Builds a handler for both servers from its server-independent `serve`. */
export function apiRoute(serve: ApiRouteHandler["serve"], copa?: ApiRouteTag): ApiRouteHandler {
  const route = async (request: Request, context?: RouteContext) => toWebResponse(await serve(fromWebRequest(request), (await context?.params) ?? {}));
  return Object.assign(route, { serve, copa });
}

/** The caller, as handlers see it. No hash, no secret. */
export type ApiPrincipal = {
  keyId: string;
  organizationId: string;
  organizationName: string;
  type: string;
  environment: string;
  scopes: string[];
};

type Def<K extends ApiEndpoint> = (typeof ENDPOINTS)[K];
type QueryOf<K extends ApiEndpoint> = Def<K> extends { query: infer Q extends z.ZodType } ? z.output<Q> : undefined;
type BodyOf<K extends ApiEndpoint> = Def<K> extends { body: infer B extends z.ZodType } ? z.output<B> : undefined;

export type ApiContext<K extends ApiEndpoint> = {
  request: ApiRequest;
  url: URL;
  key: ApiPrincipal;
  /** The {id} path parameter, already checked to be a UUID ("" for paths without one). */
  id: string;
  query: QueryOf<K>;
  body: BodyOf<K>;
  store: ApiStore;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function principalOf(key: StoredKey): ApiPrincipal {
  return {
    keyId: key.id,
    organizationId: key.organizationId,
    organizationName: key.organizationName,
    type: key.type,
    environment: key.environment,
    scopes: parseScopes(key.scopes),
  };
}

function logFailure(what: string, error: unknown) {
  // Never log headers or bodies: they carry keys and personal data.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`[api] ${what} failed: ${message}`);
}

/** Maps what a handler threw to a COPA answer. */
function errorResponse(error: unknown, headers: Record<string, string>, what: string): ApiReply {
  if (error instanceof ApiError) return errorJson(error.status, error.detail, { ...headers, ...error.headers });
  if (error instanceof ServiceError) {
    const detail = error.fieldErrors
      ? Object.entries(error.fieldErrors).map(([field, message]) => `${field}: ${message}`).join("; ")
      : error.message;
    const status = error.code === "not_found" ? 404 : error.code === "forbidden" ? 403 : error.code === "unauthenticated" ? 401 : 400;
    if (status === 401) return unauthorized();
    return errorJson(status, status === 404 ? DETAIL.notFound : detail, headers);
  }
  logFailure(what, error);
  return errorJson(500, DETAIL.internal, headers);
}

/** Usage is best effort: a failure to count must never fail the request it counts. */
async function record(store: ApiStore, key: StoredKey, status: number, ip: string | null, now: Date, what: string) {
  try {
    await store.recordUsage(usageEvent(key, status, ip, now));
  } catch (error) {
    logFailure(`${what} usage recording`, error);
  }
}

/** An admitted request was counted as 2xx with its admission; move it if it ended otherwise. */
async function settle({ store, key, now }: Identified, status: number, what: string) {
  const final = statusClass(status);
  if (final === "2xx") return;
  try {
    await store.reclassifyUsage(key.id, now.toISOString().slice(0, 10), "2xx", final);
  } catch (error) {
    logFailure(`${what} usage recording`, error);
  }
}

type Identified = { store: ApiStore; key: StoredKey; now: Date; ip: string | null };

/** Step 1: the key must be valid, active, of a live organisation, and a sandbox key. */
async function identify(request: ApiRequest): Promise<Identified | null> {
  const store = getApiStore();
  const now = new Date();
  const check = await checkKey(store, presentedKey(request.headers), now);
  if (!check.ok || check.key.environment !== "sandbox") return null;
  return { store, key: check.key, now, ip: clientIp(request.headers) };
}

type Admission = { ok: true; headers: Record<string, string> } | { ok: false; response: ApiReply };

/**
 * Step 3: count the request against the key's windows, or refuse it without counting.
 * The same transaction records it in the key's usage (as 2xx, or 429 when refused) and
 * last-used, so an admitted request costs one write.
 */
async function admit({ store, key, now, ip }: Identified): Promise<Admission> {
  const limits = effectiveLimits(key);
  const at = now.getTime();
  const decision = await store.consumeRateLimit(key.id, limits, at, usageEvent(key, "2xx", ip, now));
  if (decision.allowed) return { ok: true, headers: rateLimitHeaders(rateLimitState(decision.usage, limits, at)) };
  const wait = retryAfterSeconds(decision.buckets, limits, at);
  const headers = { ...rateLimitHeaders(throttledState(decision.usage, limits, at, wait)), "Retry-After": String(wait) };
  return { ok: false, response: errorJson(429, DETAIL.throttled(wait), headers) };
}

export function withApiKey<K extends ApiEndpoint>(endpoint: K, handler: (context: ApiContext<K>) => Promise<unknown>): ApiRouteHandler {
  // Built at import time: an endpoint missing from the scope catalogue can never serve.
  const scope = ENDPOINT_SCOPES.get(endpoint);
  if (!scope) throw new Error(`withApiKey: "${endpoint}" is not in the scope catalogue (lib/scopes)`);
  const definition: EndpointDefinition = ENDPOINTS[endpoint];
  const hasId = endpoint.includes("{id}");

  const serve = async (request: ApiRequest, params: RouteParams): Promise<ApiReply> => {
    try {
      const identified = await identify(request);
      if (!identified) return unauthorized();
      const { store, key, now, ip } = identified;

      // Step 2: scope. Refused before the rate limit, so it consumes no quota; the
      // headers still report where the key stands.
      if (!parseScopes(key.scopes).includes(scope)) {
        const usage = await store.peekRateLimit(key.id, now.getTime());
        const response = errorJson(403, DETAIL.insufficientScope, rateLimitHeaders(rateLimitState(usage, effectiveLimits(key), now.getTime())));
        await record(store, key, 403, ip, now, endpoint);
        return response;
      }

      const admission = await admit(identified);
      if (!admission.ok) return admission.response;

      let response: ApiReply;
      try {
        const url = new URL(request.url);
        let id = "";
        if (hasId) {
          const raw = params.id;
          id = typeof raw === "string" ? raw : "";
          // A malformed id names no resource: 404, as a UUID route would not match it.
          if (!UUID.test(id)) throw new ApiError(404, DETAIL.notFound);
        }
        const query = (definition.query ? parseQuery(url.searchParams, definition.query) : undefined) as QueryOf<K>;
        const body = (definition.body ? await parseJsonBody(request, definition.body) : undefined) as BodyOf<K>;
        const result = await handler({ request, url, key: principalOf(key), id, query, body, store });
        response = json(definition.status, result, admission.headers);
      } catch (error) {
        response = errorResponse(error, admission.headers, endpoint);
      }
      await settle(identified, response.status, endpoint);
      return response;
    } catch (error) {
      // Authentication, scope or rate-limit storage failed: nothing was served.
      logFailure(endpoint, error);
      return errorJson(500, DETAIL.internal);
    }
  };
  return apiRoute(serve, { kind: "endpoint", endpoint });
}

const METHODS: readonly HttpMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Handlers for the methods a path does not serve: 405 {"detail": "Method \"X\" not
 * allowed."} with an Allow header, after authentication and rate limiting as in Django
 * REST Framework (an unauthenticated caller gets the 401).
 */
export function methodsNotAllowed(path: string, allowed: readonly HttpMethod[]): Record<HttpMethod, ApiRouteHandler> {
  const allow = [...allowed, "HEAD", "OPTIONS"].join(", ");
  const serve = async (request: ApiRequest): Promise<ApiReply> => {
    try {
      const identified = await identify(request);
      if (!identified) return unauthorized();
      const admission = await admit(identified);
      if (!admission.ok) return admission.response;
      await settle(identified, 405, `${request.method} ${path}`);
      return errorJson(405, DETAIL.methodNotAllowed(request.method), { ...admission.headers, Allow: allow });
    } catch (error) {
      logFailure(`${request.method} ${path}`, error);
      return errorJson(500, DETAIL.internal);
    }
  };
  const tagged = apiRoute(serve, { kind: "method-not-allowed", path, allowed });
  return Object.fromEntries(METHODS.map((m) => [m, tagged])) as Record<HttpMethod, ApiRouteHandler>;
}

/** Unknown paths under /api/v1: a JSON 404 instead of the portal's HTML page. */
export const unknownPath: ApiRouteHandler = apiRoute(async () => unknownPathReply());
