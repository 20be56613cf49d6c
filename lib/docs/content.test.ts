// Facts the docs state, checked against the contract and the catalogue, and the promise
// that no sample ever holds a real-looking key.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cooperativeSchema } from "@/lib/sandbox/schemas";
import { KEY_PATTERN } from "@/lib/keys/key-format";
import { getScope } from "@/lib/scopes/catalog";
import { originFrom } from "./base-url";
import { DETAIL } from "@/lib/api/errors";
import { DOCS_ERRORS, EXAMPLE_RETRY_SECONDS, docsError } from "./errors";
import { DOCS_NAV, DOCS_PAGES, activeDocsHref, docsNeighbours } from "./nav";
import { SAMPLE_COOPERATIVE, sampleCooperativeList } from "./samples";
import { backoffSnippets, cooperativeMembersSnippets, curlGet, errorHandlingSnippets, exportKeySnippet, listCooperativesSnippets } from "./snippets";

describe("documented errors", () => {
  it("cover the contract's statuses, plus the 405 the API answers for an unserved method", () => {
    expect(DOCS_ERRORS.map((e) => e.status)).toEqual([400, 401, 403, 404, 405, 429, 500]);
  });

  it.each([
    [401, "Invalid API key"],
    [403, "Insufficient scope"],
    [404, "Not found."],
    [500, "Internal server error"],
  ])("%i has the contract's exact body", (status, detail) => {
    expect(docsError(status).body).toBe(`{"detail": "${detail}"}`);
    expect(JSON.parse(docsError(status).body)).toEqual({ detail: detail });
  });

  it("429 follows the contract's wording with a number of seconds", () => {
    expect(JSON.parse(docsError(429).body).detail).toMatch(/^Request was throttled\. Expected available in \d+ seconds\.$/);
  });

  it("every body is JSON with only a detail field", () => {
    for (const e of DOCS_ERRORS) {
      for (const body of [e.body, ...(e.otherBodies ?? []).map((o) => o.body)]) expect(Object.keys(JSON.parse(body))).toEqual(["detail"]);
    }
  });

  it("quote the bodies the API sends (lib/api/responses)", () => {
    expect(JSON.parse(docsError(401).body)).toEqual({ detail: DETAIL.invalidKey });
    expect(JSON.parse(docsError(403).body)).toEqual({ detail: DETAIL.insufficientScope });
    expect(JSON.parse(docsError(404).body)).toEqual({ detail: DETAIL.notFound });
    expect(JSON.parse(docsError(429).body)).toEqual({ detail: DETAIL.throttled(EXAMPLE_RETRY_SECONDS) });
    expect(JSON.parse(docsError(500).body)).toEqual({ detail: DETAIL.internal });
  });
});

describe("samples", () => {
  it("the sample cooperative has exactly the fields cooperatives:read exposes", () => {
    expect(Object.keys(SAMPLE_COOPERATIVE).sort()).toEqual([...getScope("cooperatives:read")!.data].sort());
  });

  it("the sample cooperative is a valid API response body", () => {
    expect(cooperativeSchema.strict().parse(SAMPLE_COOPERATIVE)).toEqual(SAMPLE_COOPERATIVE);
  });

  it("the sample list is a valid page of the API's list envelope", () => {
    const page = z.strictObject({ count: z.int(), next: z.url().nullable(), previous: z.url().nullable(), results: z.array(cooperativeSchema.strict()) });
    const sample = sampleCooperativeList("http://localhost:3000/api/v1/");
    expect(page.parse(sample)).toEqual(sample);
    expect(sample.next).toBe("http://localhost:3000/api/v1/cooperatives?page_size=2&page=2");
  });
});

describe("snippets", () => {
  const base = "http://localhost:3000/api/v1/";
  const all = [
    ...Object.values(listCooperativesSnippets(base, "bearer")),
    ...Object.values(listCooperativesSnippets(base, "x-api-key")),
    ...Object.values(cooperativeMembersSnippets(base)),
    ...Object.values(backoffSnippets(base)),
    ...Object.values(errorHandlingSnippets(base)),
    curlGet(base, "/cooperatives", { include: true }),
    exportKeySnippet(),
    exportKeySnippet({ name: "Core banking", mask: "sk_copa_mobile_••••ab12" }),
  ];

  it("never contain a well-formed key: keys come from COPA_API_KEY", () => {
    for (const code of all) {
      for (const token of code.match(/sk_copa_[a-z]+_[a-z0-9]+/g) ?? []) expect(KEY_PATTERN.test(token), token).toBe(false);
    }
  });

  it("join the base URL and the path with one slash", () => {
    for (const code of all) expect(code).not.toMatch(/v1\/\//);
    expect(listCooperativesSnippets(base).curl).toContain('"http://localhost:3000/api/v1/cooperatives?page_size=2"');
  });

  it("use the header they document", () => {
    const bearer = listCooperativesSnippets(base, "bearer");
    const apiKey = listCooperativesSnippets(base, "x-api-key");
    expect(bearer.curl).toContain('-H "Authorization: Bearer $COPA_API_KEY"');
    expect(bearer.python).toContain('{"Authorization": f"Bearer {API_KEY}"}');
    expect(bearer.javascript).toContain("Authorization: `Bearer ${API_KEY}`");
    expect(apiKey.curl).toContain('-H "X-API-Key: $COPA_API_KEY"');
    expect(apiKey.python).toContain('{"X-API-Key": API_KEY}');
    expect(apiKey.javascript).toContain('"X-API-Key": API_KEY');
    for (const code of Object.values(apiKey)) expect(code).not.toContain("Bearer");
  });

  it("name the reader's key by mask and type, without its secret", () => {
    const code = exportKeySnippet({ name: 'Core "banking"\nx', mask: "sk_copa_mobile_••••ab12" });
    expect(code).toContain("sk_copa_mobile_••••ab12");
    expect(code).toContain('export COPA_API_KEY="sk_copa_mobile_…"');
    expect(code).toContain('"Core bankingx"');
  });
});

describe("originFrom", () => {
  const base = { trustProxy: false, port: 3000 };
  it.each([
    [{ ...base, configuredUrl: "https://portal.copa.rw/api/auth", host: "evil.example" }, "https://portal.copa.rw"],
    [{ ...base, host: "localhost:3000" }, "http://localhost:3000"],
    [{ ...base, host: "Portal.Example:8080" }, "http://portal.example:8080"],
    [{ ...base, host: "[::1]:3000" }, "http://[::1]:3000"],
    [{ ...base, host: 'evil.example/"><script>' }, "http://localhost:3000"],
    [{ ...base, host: null }, "http://localhost:3000"],
    // Forwarded headers count only behind a declared proxy.
    [{ ...base, host: "10.0.0.5:3000", forwardedHost: "portal.copa.rw", forwardedProto: "https" }, "http://10.0.0.5:3000"],
    [{ ...base, trustProxy: true, host: "10.0.0.5:3000", forwardedHost: "portal.copa.rw, proxy", forwardedProto: "https" }, "https://portal.copa.rw"],
  ])("%o -> %s", (input, expected) => {
    expect(originFrom(input)).toBe(expected);
  });
});

describe("docs navigation", () => {
  it("lists each page once and includes the API reference", () => {
    const hrefs = DOCS_PAGES.map((p) => p.href);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(hrefs).toEqual(expect.arrayContaining(["/docs", "/docs/quickstart", "/docs/authentication", "/docs/scopes", "/docs/errors", "/docs/rate-limits", "/docs/reference"]));
    expect(DOCS_NAV.every((s) => s.items.length > 0)).toBe(true);
  });

  it.each([
    ["/docs", "/docs"],
    ["/docs/scopes", "/docs/scopes"],
    ["/docs/reference", "/docs/reference"],
    ["/docs/reference/cooperatives", "/docs/reference"],
    ["/docs/unknown", undefined],
  ])("%s is highlighted as %s", (pathname, expected) => {
    expect(activeDocsHref(pathname)).toBe(expected);
  });

  it("links pages in reading order", () => {
    expect(docsNeighbours("/docs").previous).toBeUndefined();
    expect(docsNeighbours("/docs").next?.href).toBe("/docs/quickstart");
    expect(docsNeighbours("/docs/rate-limits").next?.href).toBe("/docs/reference");
  });
});
