import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, documentSecurityHeaders, newNonce } from "./headers";

const directives = (csp: string) => Object.fromEntries(csp.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("allows only nonce-carrying scripts in production", () => {
    const d = directives(contentSecurityPolicy("abc123==", { https: false, dev: false }));
    expect(d["script-src"]).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(d["style-src"]).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(d["style-src-attr"]).toEqual(["'unsafe-inline'"]);
    expect(d["object-src"]).toEqual(["'none'"]);
    expect(d["base-uri"]).toEqual(["'self'"]);
    expect(d["form-action"]).toEqual(["'self'"]);
    expect(d["frame-ancestors"]).toEqual(["'none'"]);
    expect(d["connect-src"]).toEqual(["'self'"]);
    expect(d).not.toHaveProperty("upgrade-insecure-requests");
    expect(JSON.stringify(d["script-src"])).not.toMatch(/unsafe/);
  });

  it("loosens only what next dev needs", () => {
    const d = directives(contentSecurityPolicy("n", { https: false, dev: true }));
    expect(d["script-src"]).toContain("'unsafe-eval'");
    expect(d["script-src"]).not.toContain("'unsafe-inline'");
  });

  it("upgrades insecure requests on https", () => {
    expect(directives(contentSecurityPolicy("n", { https: true, dev: false }))).toHaveProperty("upgrade-insecure-requests");
  });
});

describe("documentSecurityHeaders", () => {
  it.each([
    [true, { "Cross-Origin-Opener-Policy": "same-origin", "Strict-Transport-Security": "max-age=63072000; includeSubDomains" }],
    [false, { "Cross-Origin-Opener-Policy": "same-origin" }],
  ])("https=%s", (https, expected) => {
    expect(documentSecurityHeaders({ https })).toEqual(expected);
  });
});

describe("newNonce", () => {
  it("is 128 random bits, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});
