// The error statuses of the COPA API: exact bodies, when each happens, what fixes it. The
// detail texts come from lib/api/errors.ts, the module /api/v1 answers with, so the docs
// quote what the sandbox sends; lib/docs/content.test.ts pins them to the contract.
// The errors page, the authentication page, the quickstart and the checks diagram render
// from this one list. Their explanations are messages keyed by each row's id (docs.errorRows),
// in the reader's language; bodies and reason phrases are the contract's English.
import { DETAIL } from "@/lib/api/errors";
import { PAGE_SIZE_MAX } from "@/lib/sandbox/schemas";

export type DocsError = {
  /**
   * Names the row's explanations in the `docs` namespace: docs.errorRows.<id>.when, and
   * .causes.<cause>, .fix.<fix>, .otherBodies.<id> for the ids listed below (in this order).
   * lib/docs/errors.test.ts fails when one of them is missing in a language.
   */
  id: string;
  status: number;
  /** The HTTP reason phrase: protocol text, not translated. */
  name: string;
  /** The exact response body. Where the detail varies, `body` is one real example. */
  body: string;
  bodyIsExample: boolean;
  /** Other bodies the same status can carry; `id` names the sentence saying when. */
  otherBodies?: { id: string; body: string }[];
  causes: string[];
  fix: string[];
  /** Whether sending the same request again can succeed. */
  retry: "never" | "after-fix" | "later";
};

/** Written as the contract writes it (a space after the colon); the same JSON as the wire. */
export const detailBody = (detail: string) => `{"detail": ${JSON.stringify(detail)}}`;

export const ERROR_SHAPE = `{"detail": "<a human-readable message>"}`;

/** The seconds shown in the 429 examples. */
export const EXAMPLE_RETRY_SECONDS = 120;

/** Values the explanations may use: {max}, the largest page size; the two header forms (a "<" would read as a tag in a message). */
export const ERROR_TEXT_VALUES = { max: PAGE_SIZE_MAX, bearerHeader: "Authorization: Bearer <key>", apiKeyHeader: "X-API-Key: <key>" };

export const DOCS_ERRORS: DocsError[] = [
  {
    id: "badRequest",
    status: 400,
    name: "Bad Request",
    body: detailBody(`page_size: Ensure this value is less than or equal to ${PAGE_SIZE_MAX}.`),
    bodyIsExample: true,
    otherBodies: [{ id: "conflictingKeys", body: detailBody(DETAIL.conflictingKeys) }],
    causes: ["parameter", "body", "json", "twoKeys"],
    fix: ["readDetail", "checkReference"],
    retry: "after-fix",
  },
  {
    id: "invalidKey",
    status: 401,
    name: "Unauthorized",
    body: detailBody(DETAIL.invalidKey),
    bodyIsExample: false,
    causes: ["noHeader", "malformed", "unknown", "revoked", "expired"],
    fix: ["checkHeader", "checkKeysPage", "replace"],
    retry: "after-fix",
  },
  {
    id: "insufficientScope",
    status: 403,
    name: "Forbidden",
    body: detailBody(DETAIL.insufficientScope),
    bodyIsExample: false,
    otherBodies: [{ id: "ipNotAllowed", body: detailBody(DETAIL.ipNotAllowed) }],
    causes: ["notGranted", "readOnly", "ipNotAllowed"],
    fix: ["compare", "denials", "allowlist"],
    retry: "after-fix",
  },
  {
    id: "notFound",
    status: 404,
    name: "Not Found",
    body: detailBody(DETAIL.notFound),
    bodyIsExample: false,
    otherBodies: [{ id: "invalidPage", body: detailBody(DETAIL.invalidPage) }],
    causes: ["noSuchId", "otherEnvironment", "pastEnd"],
    fix: ["checkId", "stopPaging", "answer"],
    retry: "never",
  },
  {
    id: "methodNotAllowed",
    status: 405,
    name: "Method Not Allowed",
    body: detailBody(DETAIL.methodNotAllowed("DELETE")),
    bodyIsExample: true,
    causes: ["method"],
    fix: ["allow"],
    retry: "never",
  },
  {
    id: "throttled",
    status: 429,
    name: "Too Many Requests",
    body: detailBody(DETAIL.throttled(EXAMPLE_RETRY_SECONDS)),
    bodyIsExample: false,
    causes: ["overLimit", "shared", "failedAuth"],
    fix: ["wait", "spread"],
    retry: "later",
  },
  {
    id: "internal",
    status: 500,
    name: "Internal Server Error",
    body: detailBody(DETAIL.internal),
    bodyIsExample: false,
    causes: ["unexpected"],
    fix: ["backoff", "readBack", "contact"],
    retry: "later",
  },
];

export function docsError(status: number): DocsError {
  const found = DOCS_ERRORS.find((e) => e.status === status);
  if (!found) throw new Error(`no documented error ${status}`);
  return found;
}
