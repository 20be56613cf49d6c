// Every /api/v1 response is built here: JSON, `Content-Type: application/json`, never
// cached, and every error has the one COPA shape {"detail": "..."}.

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

export function json(status: number, body: unknown, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), { status, headers: headers ? { ...BASE_HEADERS, ...headers } : BASE_HEADERS });
}

export function errorJson(status: number, detail: string, headers?: Record<string, string>): Response {
  return json(status, { detail }, headers);
}

// One precomputed body and header set for every 401, so a missing, malformed, unknown,
// revoked or expired key, a suspended organisation's key and a production key are
// indistinguishable byte for byte. No rate-limit headers here: they would tell a caller
// that the key exists.
const UNAUTHORIZED_BODY = JSON.stringify({ detail: DETAIL.invalidKey });
const UNAUTHORIZED_HEADERS = { ...BASE_HEADERS, "WWW-Authenticate": 'Bearer realm="COPA API"' };

export function unauthorized(): Response {
  return new Response(UNAUTHORIZED_BODY, { status: 401, headers: UNAUTHORIZED_HEADERS });
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
