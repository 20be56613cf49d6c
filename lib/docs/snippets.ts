// Code samples for the docs, built from the base URL the reader should call. Pure string
// builders (no highlighting, no I/O) so they are unit-tested and shared by every page.
// Samples always read the key from the COPA_API_KEY environment variable: a docs page
// never holds a full key, and copying a sample never puts one into source code.

export type Snippets = { curl: string; python: string; javascript: string };
export type AuthStyle = "bearer" | "x-api-key";

export const SNIPPET_LANGS = [
  { id: "curl", label: "curl", lang: "bash" },
  { id: "python", label: "Python", lang: "python" },
  { id: "javascript", label: "JavaScript", lang: "javascript" },
] as const;

/** The base URL without a trailing slash, so `${base}/path` never doubles it. */
export function trimBase(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, "");
}

function headerLines(auth: AuthStyle) {
  return auth === "bearer"
    ? { curl: `-H "Authorization: Bearer $COPA_API_KEY"`, python: `{"Authorization": f"Bearer {API_KEY}"}`, js: "{ Authorization: `Bearer ${API_KEY}` }" }
    : { curl: `-H "X-API-Key: $COPA_API_KEY"`, python: `{"X-API-Key": API_KEY}`, js: `{ "X-API-Key": API_KEY }` };
}

/** GET /cooperatives?page_size=2: the first call of the quickstart and the auth examples. */
export function listCooperativesSnippets(baseUrl: string, auth: AuthStyle = "bearer"): Snippets {
  const base = trimBase(baseUrl);
  const h = headerLines(auth);
  return {
    curl: `curl "${base}/cooperatives?page_size=2" \\
  ${h.curl}`,
    python: `import os

import requests  # pip install requests

BASE_URL = "${base}"
API_KEY = os.environ["COPA_API_KEY"]  # from the environment, never from source code

response = requests.get(
    f"{BASE_URL}/cooperatives",
    params={"page_size": 2},
    headers=${h.python},
    timeout=10,
)
body = response.json()
if not response.ok:
    raise SystemExit(f"{response.status_code}: {body['detail']}")
print(body)`,
    javascript: `// Node.js 18 or later. Save as first-call.mjs, run: node first-call.mjs
const BASE_URL = "${base}";
const API_KEY = process.env.COPA_API_KEY; // server side only: never ship a key to a browser

const response = await fetch(\`\${BASE_URL}/cooperatives?page_size=2\`, {
  headers: ${h.js},
});
const body = await response.json();
if (!response.ok) throw new Error(\`\${response.status}: \${body.detail}\`);
console.log(body);`,
  };
}

/** GET /cooperatives/{id} and its members: the quickstart's second step. */
export function cooperativeMembersSnippets(baseUrl: string): Snippets {
  const base = trimBase(baseUrl);
  return {
    curl: `# An id from the list you just fetched
COOPERATIVE_ID="3f6c2a9e-8d1b-4c57-9a0e-2b7d5f1c8e42"

curl "${base}/cooperatives/$COOPERATIVE_ID" \\
  -H "Authorization: Bearer $COPA_API_KEY"

curl "${base}/cooperatives/$COOPERATIVE_ID/members?page=1&page_size=20" \\
  -H "Authorization: Bearer $COPA_API_KEY"`,
    python: `import os

import requests

BASE_URL = "${base}"
session = requests.Session()
session.headers["Authorization"] = f"Bearer {os.environ['COPA_API_KEY']}"

cooperative_id = "3f6c2a9e-8d1b-4c57-9a0e-2b7d5f1c8e42"  # an id from the list

cooperative = session.get(f"{BASE_URL}/cooperatives/{cooperative_id}", timeout=10).json()
members = session.get(
    f"{BASE_URL}/cooperatives/{cooperative_id}/members",
    params={"page": 1, "page_size": 20},
    timeout=10,
).json()
print(cooperative["name"], members)`,
    javascript: `const BASE_URL = "${base}";
const headers = { Authorization: \`Bearer \${process.env.COPA_API_KEY}\` };

const cooperativeId = "3f6c2a9e-8d1b-4c57-9a0e-2b7d5f1c8e42"; // an id from the list

const cooperative = await (await fetch(\`\${BASE_URL}/cooperatives/\${cooperativeId}\`, { headers })).json();
const members = await (
  await fetch(\`\${BASE_URL}/cooperatives/\${cooperativeId}/members?page=1&page_size=20\`, { headers })
).json();
console.log(cooperative.name, members);`,
  };
}

export type KeyHint = { name: string; mask: string };

/** Putting the key into the environment; with a hint, names the reader's own key by its mask. */
export function exportKeySnippet(hint?: KeyHint): string {
  const comment = hint
    ? `# Your sandbox key "${hint.name.replace(/["\n\r]/g, "")}" (${hint.mask}).\n# Paste the full key you copied when you revealed it; the portal cannot show it again.`
    : `# The full key you copied when you revealed it (the portal shows it once).`;
  const prefix = hint?.mask.match(/^sk_copa_[a-z]+_/)?.[0] ?? "sk_copa_partner_";
  return `${comment}
export COPA_API_KEY="${prefix}…"`;
}

/** A GET helper that honours Retry-After on 429 and backs off exponentially on 5xx. */
export function backoffSnippets(baseUrl: string): Pick<Snippets, "python" | "javascript"> {
  const base = trimBase(baseUrl);
  return {
    python: `import os
import random
import time

import requests

BASE_URL = "${base}"
API_KEY = os.environ["COPA_API_KEY"]
RETRYABLE = {429, 500, 502, 503, 504}


def copa_get(path, params=None, max_attempts=5):
    """GET that waits out 429s (Retry-After) and backs off exponentially on 5xx."""
    for attempt in range(max_attempts):
        response = requests.get(
            f"{BASE_URL}{path}",
            params=params,
            headers={"Authorization": f"Bearer {API_KEY}"},
            timeout=10,
        )
        if response.status_code not in RETRYABLE or attempt == max_attempts - 1:
            return response
        retry_after = response.headers.get("Retry-After")
        if retry_after:
            delay = float(retry_after)  # the API tells you exactly how long to wait
        else:
            delay = min(60, 2 ** attempt) + random.random()  # 1, 2, 4, 8 s ... plus jitter
        time.sleep(delay)


response = copa_get("/cooperatives", {"province": "Southern", "page_size": 100})
print(response.status_code, response.headers.get("X-RateLimit-Remaining"))`,
    javascript: `const BASE_URL = "${base}";
const API_KEY = process.env.COPA_API_KEY;
const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// GET that waits out 429s (Retry-After) and backs off exponentially on 5xx.
export async function copaGet(path, maxAttempts = 5) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(\`\${BASE_URL}\${path}\`, {
      headers: { Authorization: \`Bearer \${API_KEY}\` },
    });
    if (!RETRYABLE.has(response.status) || attempt === maxAttempts - 1) return response;
    const retryAfter = Number(response.headers.get("Retry-After"));
    const delay = retryAfter > 0
      ? retryAfter * 1000 // the API tells you exactly how long to wait
      : Math.min(60_000, 1000 * 2 ** attempt) + Math.random() * 1000; // 1, 2, 4, 8 s ... plus jitter
    await sleep(delay);
  }
}

const response = await copaGet("/cooperatives?province=Southern&page_size=100");
console.log(response.status, response.headers.get("X-RateLimit-Remaining"));`,
  };
}

/** Branching on the status code: what to retry, what to surface, what to treat as data. */
export function errorHandlingSnippets(baseUrl: string): Pick<Snippets, "python" | "javascript"> {
  const base = trimBase(baseUrl);
  return {
    python: `import os

import requests

BASE_URL = "${base}"
API_KEY = os.environ["COPA_API_KEY"]


def get_member(member_id):
    response = requests.get(
        f"{BASE_URL}/members/{member_id}",
        headers={"Authorization": f"Bearer {API_KEY}"},
        timeout=10,
    )
    if response.ok:
        return response.json()
    detail = response.json()["detail"]  # every error body is {"detail": "..."}
    if response.status_code == 404:
        return None  # no such member: an answer, not a failure
    if response.status_code in (401, 403):
        # Wrong, revoked or expired key, or a missing scope: a retry cannot fix it.
        raise PermissionError(f"{response.status_code}: {detail}")
    if response.status_code == 400:
        raise ValueError(detail)  # names the parameter to fix
    # 429 and 5xx are temporary: retry later (see Rate limits for a backoff helper).
    raise RuntimeError(f"{response.status_code}: {detail}")`,
    javascript: `const BASE_URL = "${base}";
const API_KEY = process.env.COPA_API_KEY;

export async function getMember(memberId) {
  const response = await fetch(\`\${BASE_URL}/members/\${encodeURIComponent(memberId)}\`, {
    headers: { Authorization: \`Bearer \${API_KEY}\` },
  });
  if (response.ok) return response.json();
  const { detail } = await response.json(); // every error body is {"detail": "..."}
  switch (response.status) {
    case 404:
      return null; // no such member: an answer, not a failure
    case 401:
    case 403:
      // Wrong, revoked or expired key, or a missing scope: a retry cannot fix it.
      throw new Error(\`Access refused (\${response.status}): \${detail}\`);
    case 400:
      throw new TypeError(detail); // names the parameter to fix
    default:
      // 429 and 5xx are temporary: retry later (see Rate limits for a backoff helper).
      throw new Error(\`\${response.status}: \${detail}\`);
  }
}`,
  };
}

/** A one-off curl GET; `include` adds -i to print the response headers. */
export function curlGet(baseUrl: string, pathAndQuery: string, options: { include?: boolean } = {}): string {
  return `curl${options.include ? " -i" : ""} "${trimBase(baseUrl)}${pathAndQuery}" \\
  -H "Authorization: Bearer $COPA_API_KEY"`;
}
