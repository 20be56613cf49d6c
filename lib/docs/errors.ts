// The error statuses of the COPA API: exact bodies, when each happens, what fixes it. The
// detail texts come from lib/api/errors.ts, the module /api/v1 answers with, so the docs
// quote what the sandbox sends; lib/docs/content.test.ts pins them to the contract.
// The errors page, the authentication page, the quickstart and the checks diagram render
// from this one list.
import { DETAIL } from "@/lib/api/errors";
import { PAGE_SIZE_MAX } from "@/lib/sandbox/schemas";

export type DocsError = {
  status: number;
  name: string;
  /** The exact response body. Where the detail varies, `body` is one real example. */
  body: string;
  bodyIsExample: boolean;
  /** Other bodies the same status can carry. */
  otherBodies?: { body: string; when: string }[];
  when: string;
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

export const DOCS_ERRORS: DocsError[] = [
  {
    status: 400,
    name: "Bad Request",
    body: detailBody(`page_size: Ensure this value is less than or equal to ${PAGE_SIZE_MAX}.`),
    bodyIsExample: true,
    otherBodies: [{ body: detailBody(DETAIL.conflictingKeys), when: "Authorization: Bearer and X-API-Key carry two different keys." }],
    when: "A query parameter or body field is missing, malformed or out of range, or the request carries two different keys.",
    causes: [
      `A filter or paging parameter with a value of the wrong type (page=abc) or out of range (page_size above ${PAGE_SIZE_MAX}).`,
      "A write (POST or PUT) whose JSON body lacks a required field or has a field of the wrong type.",
      "A body that is not valid JSON.",
      "Both Authorization: Bearer and X-API-Key, with different keys: the API does not guess which one you meant.",
    ],
    fix: [
      "Read the detail: it names each parameter or field at fault and what is wrong with it.",
      "Check the parameter or schema in the API reference, correct the request and send it again.",
    ],
    retry: "after-fix",
  },
  {
    status: 401,
    name: "Unauthorized",
    body: detailBody(DETAIL.invalidKey),
    bodyIsExample: false,
    when: "The request carries no usable key. Checked first, before anything else.",
    causes: [
      "No Authorization or X-API-Key header (or an empty one).",
      "A malformed key: not sk_copa_{type}_ followed by 32 lower-case letters and digits, or \"Bearer \" missing.",
      "An unknown key: mistyped, truncated, or from another environment (a production key sent to the sandbox).",
      "A revoked key, including the old key of a rotation once its grace period has ended.",
      "An expired key.",
    ],
    fix: [
      "Check that the header is sent exactly as Authorization: Bearer <key> or X-API-Key: <key>.",
      "Open your API keys page: see whether the key is active, expired or revoked, and its environment.",
      "If the key is lost or revoked, rotate it or request a new one; keys are shown only once.",
    ],
    retry: "after-fix",
  },
  {
    status: 403,
    name: "Forbidden",
    body: detailBody(DETAIL.insufficientScope),
    bodyIsExample: false,
    otherBodies: [{ body: detailBody(DETAIL.ipNotAllowed), when: "The key has an IP allowlist and the call came from an address outside it (checked before the scope)." }],
    when: "The key is valid but was not granted the one scope this endpoint requires, or is restricted to other IP addresses.",
    causes: [
      "Calling an endpoint of a scope you did not request, or that the reviewer did not grant.",
      "Writing (POST, PUT) with a key that holds only the matching :read scope.",
      "Calling from an address that is not on the key's IP allowlist (a new server, a changed NAT or egress address, IPv6 instead of IPv4).",
    ],
    fix: [
      "Look up the endpoint's scope on the Scopes page and compare it with the scopes listed on your key.",
      "Open the key's page: its refused calls name the missing scope, with a link to request it for this key.",
      "For IP address not allowed: add your server's public address or range to the key's IP allowlist on its page.",
    ],
    retry: "after-fix",
  },
  {
    status: 404,
    name: "Not Found",
    body: detailBody(DETAIL.notFound),
    bodyIsExample: false,
    otherBodies: [{ body: detailBody(DETAIL.invalidPage), when: "A page number past the last page of a list." }],
    when: "No resource has the id in the path, in this environment, or the path matches no endpoint.",
    causes: [
      "An id that does not exist, or that was mistyped or truncated.",
      "An id from another environment: sandbox and production hold different data.",
      "A page past the end of a list (the body then says \"Invalid page.\").",
    ],
    fix: [
      "Check the id: take it from a list response of the same environment.",
      "Stop paging when the response's next link is null.",
      "Treat a 404 for a single resource as an answer (it does not exist), not as a failure to retry.",
    ],
    retry: "never",
  },
  {
    status: 405,
    name: "Method Not Allowed",
    body: detailBody(DETAIL.methodNotAllowed("DELETE")),
    bodyIsExample: true,
    when: "The path exists but does not serve this HTTP method. Checked after authentication.",
    causes: ["A method the endpoint does not offer, such as DELETE, or PATCH where the API expects PUT."],
    fix: ["Use a method the Allow response header lists, as the API reference documents for the path."],
    retry: "never",
  },
  {
    status: 429,
    name: "Too Many Requests",
    body: detailBody(DETAIL.throttled(EXAMPLE_RETRY_SECONDS)),
    bodyIsExample: false,
    when: "The key has used its hourly or daily request allowance (checked after authentication and scope), or your address has presented too many invalid keys.",
    causes: [
      "More than the key's limit in the last rolling hour (1,000 by default) or rolling day (10,000 by default).",
      "Several processes or servers sharing one key, each within its own budget but over the key's in total.",
      "More than 100 failed key authentications from one client address in a minute: every further attempt from it gets 429 until the minute ends.",
    ],
    fix: [
      "Wait the number of seconds the Retry-After header gives (the same N as in the detail), then retry.",
      "Spread the load: larger pages, caching, and watching X-RateLimit-Remaining before you run out.",
    ],
    retry: "later",
  },
  {
    status: 500,
    name: "Internal Server Error",
    body: detailBody(DETAIL.internal),
    bodyIsExample: false,
    when: "Something failed on COPA's side. Your request may be fine.",
    causes: ["An unexpected error in the API or one of its dependencies."],
    fix: [
      "Retry with exponential backoff (1 s, 2 s, 4 s ...); GET requests are always safe to retry.",
      "Before retrying a write, read the resource back to check whether the first attempt took effect.",
      "If it persists, contact COPA with the time of the request and the endpoint.",
    ],
    retry: "later",
  },
];

export function docsError(status: number): DocsError {
  const found = DOCS_ERRORS.find((e) => e.status === status);
  if (!found) throw new Error(`no documented error ${status}`);
  return found;
}
