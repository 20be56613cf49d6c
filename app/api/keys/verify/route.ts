// POST /api/keys/verify: the key verification service for COPA's gateway (see
// lib/gateway/verify.ts for what it answers and what it counts). Authenticated with a
// gateway credential; every answer is JSON.
import type { ApiRequest } from "@/lib/api/http";
import { getApiStore } from "@/lib/api/store";
import { errorJson, json } from "@/lib/api/responses";
import { isApiError, parseJsonBody } from "@/lib/api/validation";
import { apiRoute } from "@/lib/api/with-api-key";
import { verifyRequestSchema } from "@/lib/gateway/schemas";
import { authenticateGateway, verifyKey } from "@/lib/gateway/verify";

const INVALID_CREDENTIAL = "Invalid gateway credential";

export const POST = apiRoute(async (request: ApiRequest) => {
  try {
    const store = getApiStore();
    const now = new Date();
    if (!(await authenticateGateway(store, request.headers, now))) {
      return errorJson(401, INVALID_CREDENTIAL, { "WWW-Authenticate": 'Bearer realm="COPA gateway"' });
    }
    let input;
    try {
      input = await parseJsonBody(request, verifyRequestSchema);
    } catch (error) {
      if (isApiError(error)) return errorJson(error.status, error.detail);
      throw error;
    }
    return json(200, await verifyKey(store, input, now));
  } catch (error) {
    // Never log the body: it holds the key being verified.
    console.error(`[verify] failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return errorJson(500, "Internal server error");
  }
});

const notAllowed = apiRoute(async (request) => errorJson(405, `Method "${request.method}" not allowed.`, { Allow: "POST, OPTIONS" }), {
  kind: "method-not-allowed",
  path: "/api/keys/verify",
  allowed: ["POST"],
});
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
