// Example payloads shown in the docs, shaped like the sandbox's fictional data (codes SBX...).
// lib/docs/content.test.ts parses them with the API's own response schemas and checks the
// cooperative's fields against the catalogue's data list for cooperatives:read, so the
// examples cannot drift from what the API returns or what the scope exposes.

/** The contract's example of a key's shape. Not a key: no such key is ever issued. */
export const EXAMPLE_KEY_SHAPE = "sk_copa_partner_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6";
export const EXAMPLE_KEY_MASK = "sk_copa_partner_••••o5p6";

export const SAMPLE_COOPERATIVE = {
  id: "3f6c2a9e-8d1b-4c57-9a0e-2b7d5f1c8e42",
  code: "SBX001",
  name: "Koperative y'Abahinzi",
  province: "Southern",
  district: "Huye",
  sector: "Tumba",
  cell: "Cyarwa",
  activity: "Agriculture",
  programme: "NAEB",
  member_count: 128,
  created_at: "2024-03-18T09:30:00Z",
} as const;

export const SAMPLE_COOPERATIVE_JSON = JSON.stringify(SAMPLE_COOPERATIVE, null, 2);

const SECOND_COOPERATIVE = {
  id: "9b1e4d7c-2f3a-4e8b-b6c5-71d0a2e9f4c3",
  code: "SBX002",
  name: "Twisungane Fishing Cooperative",
  province: "Western",
  district: "Rubavu",
  sector: "Gisenyi",
  cell: "Umuganda",
  activity: "Fishing",
  programme: null,
  member_count: 46,
  created_at: "2024-05-02T14:05:00Z",
} as const;

/** The first page of GET /cooperatives?page_size=2, in the API's page envelope. */
export function sampleCooperativeList(baseUrl: string) {
  return {
    count: 60,
    next: `${baseUrl.replace(/\/+$/, "")}/cooperatives?page_size=2&page=2`,
    previous: null,
    results: [SAMPLE_COOPERATIVE, SECOND_COOPERATIVE],
  };
}

/** What a throttled response looks like on the wire. */
export function throttledResponseSample(limit = 1000): string {
  return `HTTP/1.1 429 Too Many Requests
Content-Type: application/json
Retry-After: 120
X-RateLimit-Limit: ${limit}
X-RateLimit-Remaining: 0
X-RateLimit-Reset: 1767225600

{"detail": "Request was throttled. Expected available in 120 seconds."}`;
}

export function okResponseHeadersSample(limit = 1000): string {
  return `HTTP/1.1 200 OK
Content-Type: application/json
X-RateLimit-Limit: ${limit}
X-RateLimit-Remaining: 998
X-RateLimit-Reset: 1767225600`;
}
