// Every /api/v1 response is built here: JSON, `Content-Type: application/json`, never
// cached, and every error has the one COPA shape {"detail": "..."}. Replies are plain
// data (lib/api/http.ts); the server that carries them writes them out.

import { getEnv } from "@/lib/env";
import type { ApiReply } from "./http";

/** The exact error texts of the COPA contract. */
export const DETAIL = {
  invalidKey: "Invalid API key",
  insufficientScope: "Insufficient scope",
  notFound: "Not found.",
  internal: "Internal server error",
  invalidPage: "Invalid page.",
  throttled: (seconds: number) => `Request was throttled. Expected available in ${seconds} seconds.`,
  methodNotAllowed: (method: string) => `Method "${method}" not allowed.`,
} as const;

export const BASE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "application/json",
  "Cache-Control": "no-store",
};

export function json(status: number, body: unknown, headers?: Record<string, string>): ApiReply {
  return { status, headers: headers ? { ...BASE_HEADERS, ...headers } : { ...BASE_HEADERS }, body: JSON.stringify(body) };
}

export function errorJson(status: number, detail: string, headers?: Record<string, string>): ApiReply {
  return json(status, { detail }, headers);
}

// One body and header set for every 401, so a missing, malformed, unknown, revoked or
// expired key, a suspended organisation's key and a production key are indistinguishable
// byte for byte. The contract has every response carry rate-limit headers; a 401 reports
// the default hourly policy with nothing used (an unauthenticated request is never
// counted), never a key's own figures, which would tell a caller that the key exists.
const UNAUTHORIZED_BODY = JSON.stringify({ detail: DETAIL.invalidKey });

/** The default hourly policy with nothing used, for answers that identify no key. */
function anonymousRateLimitHeaders(): Record<string, string> {
  const limit = String(getEnv().COPA_RATE_LIMIT_HOUR);
  return { "X-RateLimit-Limit": limit, "X-RateLimit-Remaining": limit, "X-RateLimit-Reset": String(Math.floor(Date.now() / 1000)) };
}

export function unauthorized(): ApiReply {
  return {
    status: 401,
    headers: { ...BASE_HEADERS, "WWW-Authenticate": 'Bearer realm="COPA API"', ...anonymousRateLimitHeaders() },
    body: UNAUTHORIZED_BODY,
  };
}

/** A path the API does not have: 404 before any key is looked at, as a URL router answers. */
export function unknownPathReply(): ApiReply {
  return errorJson(404, DETAIL.notFound, anonymousRateLimitHeaders());
}

/** An error a handler throws to answer with a COPA error status. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 405,
    readonly detail: string,
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.name = "ApiError";
  }
}

export const badRequest = (detail: string) => new ApiError(400, detail);
export const notFound = (detail: string = DETAIL.notFound) => new ApiError(404, detail);
