// The API's one error type and its one table of codes. Every {"detail": ...} the machine
// APIs send is an ApiError turned into a response by the app's single error handler
// (lib/api/app.ts), so a status and its text can only come from here.
import { ServiceError } from "@/lib/errors";

/** The exact error texts of the COPA contract (../shared/copa-api.md). */
export const DETAIL = {
  invalidKey: "Invalid API key",
  insufficientScope: "Insufficient scope",
  /** Not in the contract's table: the portal's IP allowlists (Stripe's and Unkey's restricted keys) add it, in the contract's shape. */
  ipNotAllowed: "IP address not allowed",
  notFound: "Not found.",
  internal: "Internal server error",
  invalidPage: "Invalid page.",
  invalidGatewayCredential: "Invalid gateway credential",
  conflictingKeys: "Authorization and X-API-Key carry different keys. Send your key in one header only.",
  throttled: (seconds: number) => `Request was throttled. Expected available in ${seconds} seconds.`,
  methodNotAllowed: (method: string) => `Method "${method}" not allowed.`,
} as const;

export const ERROR_STATUS = {
  bad_request: 400,
  invalid_key: 401,
  invalid_gateway_credential: 401,
  insufficient_scope: 403,
  ip_not_allowed: 403,
  not_found: 404,
  method_not_allowed: 405,
  throttled: 429,
  internal: 500,
} as const;

export type ApiErrorCode = keyof typeof ERROR_STATUS;

const FIXED_DETAIL: Partial<Record<ApiErrorCode, string>> = {
  invalid_key: DETAIL.invalidKey,
  invalid_gateway_credential: DETAIL.invalidGatewayCredential,
  insufficient_scope: DETAIL.insufficientScope,
  ip_not_allowed: DETAIL.ipNotAllowed,
  not_found: DETAIL.notFound,
  internal: DETAIL.internal,
};

export class ApiError extends Error {
  readonly status: (typeof ERROR_STATUS)[ApiErrorCode];
  readonly detail: string;

  constructor(
    readonly code: ApiErrorCode,
    detail?: string,
    /** Headers the answer must carry besides the rate-limit ones (Retry-After, Allow, WWW-Authenticate). */
    readonly headers: Record<string, string> = {},
  ) {
    const text = detail ?? FIXED_DETAIL[code];
    if (text === undefined) throw new Error(`ApiError: "${code}" needs a detail`);
    super(text);
    this.name = "ApiError";
    this.status = ERROR_STATUS[code];
    this.detail = text;
  }
}

export const badRequest = (detail: string) => new ApiError("bad_request", detail);
export const notFound = (detail: string = DETAIL.notFound) => new ApiError("not_found", detail);

/**
 * What a service's error means to an API client: not found is the contract's 404 text,
 * anything else the service refused is a 400 naming the field. Unknown errors stay
 * unknown (the handler logs them and answers 500).
 */
export function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof ServiceError) {
    if (error.code === "not_found") return notFound();
    if (error.code === "unauthenticated") return new ApiError("invalid_key");
    if (error.code === "forbidden") return new ApiError("insufficient_scope");
    const detail = error.fieldErrors
      ? Object.entries(error.fieldErrors).map(([field, message]) => `${field}: ${message}`).join("; ")
      : error.message;
    return badRequest(detail);
  }
  return null;
}

/** Every API answer is JSON and never cached: keys and personal data pass through here. */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  "Content-Type": "application/json",
  "Cache-Control": "no-store",
};
