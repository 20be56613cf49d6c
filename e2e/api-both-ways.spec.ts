// Two ways in, one app: the portal's origin (Next.js's catch-all route handler) and the
// API service's own port (npm start runs both) answer the same requests with the same
// statuses, bodies and contract headers, and each serves the OpenAPI document.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E } from "../playwright.config";
import { issueKey } from "./api-support";

const ORIGINS = { portal: E2E.baseURL, service: E2E.apiURL } as const;
const CONTRACT_HEADERS = ["content-type", "x-ratelimit-limit", "www-authenticate", "allow", "retry-after"];

async function waitForService(request: APIRequestContext) {
  // The service starts beside the portal; the portal's health check is what Playwright waited for.
  await expect.poll(async () => (await request.get(`${ORIGINS.service}/api/v1/openapi.json`).catch(() => null))?.status() ?? 0, { timeout: 30_000 }).toBe(200);
}

test("the portal's origin and the API service answer alike", async ({ request }) => {
  await waitForService(request);
  const key = await issueKey(["cooperatives:read"], { limitHour: 100 });
  const auth = { Authorization: `Bearer ${key.secret}` };
  const cases: { name: string; method: "get" | "post" | "delete"; path: string; headers?: Record<string, string>; data?: unknown }[] = [
    { name: "no key", method: "get", path: "/api/v1/cooperatives" },
    { name: "unknown key", method: "get", path: "/api/v1/members", headers: { "X-API-Key": `sk_copa_partner_${"0".repeat(32)}` } },
    { name: "missing scope", method: "get", path: "/api/v1/members", headers: auth },
    { name: "list", method: "get", path: "/api/v1/cooperatives?page_size=2&province=Southern", headers: auth },
    { name: "bad query", method: "get", path: "/api/v1/cooperatives?page_size=500", headers: auth },
    { name: "no such id", method: "get", path: "/api/v1/cooperatives/00000000-0000-4000-8000-000000000000", headers: auth },
    { name: "method not allowed", method: "delete", path: "/api/v1/cooperatives", headers: auth },
    { name: "unknown path", method: "get", path: "/api/v1/nowhere" },
    { name: "verify without credential", method: "post", path: "/api/keys/verify", data: { key: key.secret } },
  ];
  for (const c of cases) {
    const answers = [];
    for (const origin of Object.values(ORIGINS)) {
      const res = await request.fetch(`${origin}${c.path}`, { method: c.method, headers: c.headers, data: c.data });
      const body = await res.text();
      // Pagination links name the origin that answered; compare them by path.
      const comparable = body.replaceAll(origin, "ORIGIN");
      answers.push({ status: res.status(), body: comparable, headers: CONTRACT_HEADERS.map((h) => [h, res.headers()[h] ?? null]) });
    }
    expect(answers[1], c.name).toEqual(answers[0]);
  }
});

test("both serve the OpenAPI document; the service names itself as the sandbox server", async ({ request }) => {
  await waitForService(request);
  const portal = await (await request.get(`${ORIGINS.portal}/api/v1/openapi.json`)).json();
  const service = await (await request.get(`${ORIGINS.service}/api/v1/openapi.json`)).json();
  expect(service.paths).toEqual(portal.paths);
  expect(service.servers[0].url).toBe(`${ORIGINS.service}/api/v1`);
});
