// One error type for services; the edges map it (actions -> ActionResult, /api/v1 ->
// {"detail": ...} with the COPA status).

export type ServiceErrorCode =
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limited"
  /** The action needs a fresh password or code (lib/auth/step-up); the UI asks and retries. */
  | "step_up_required"
  /** An admin without two-factor: the console sends them to enrol (lib/auth/two-factor). */
  | "two_factor_required";

/** An existing record an error is about (e.g. the identical pending request), so the UI can link to it. */
export type RelatedRecord = { type: "request"; id: string };

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
    readonly related?: RelatedRecord,
    /** The values of a message that is a key ("requests.errors.tooMany" with {max}); the edge translates it (lib/i18n/translate-message). */
    readonly values?: Record<string, string | number>,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

export const notFound = (what = "Not found.") => new ServiceError("not_found", what);
export const forbidden = (why = "You do not have permission to do this.") => new ServiceError("forbidden", why);
export const conflict = (why: string) => new ServiceError("conflict", why);
export const invalid = (why: string, fieldErrors?: Record<string, string>) => new ServiceError("invalid", why, fieldErrors);
