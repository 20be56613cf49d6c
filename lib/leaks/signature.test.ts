import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseSigningKeys, verifyGithubSignature } from "./signature";

const pair = () => generateKeyPairSync("ec", { namedCurve: "P-256" });
const pemOf = (k: ReturnType<typeof pair>) => k.publicKey.export({ type: "spki", format: "pem" }).toString();
const signed = (k: ReturnType<typeof pair>, body: string) => sign("sha256", Buffer.from(body), { key: k.privateKey, dsaEncoding: "der" }).toString("base64");

// GitHub's documented payload shape.
const BODY = JSON.stringify([{ token: "sk_copa_partner_abcdefghijklmnopqrstuvwxyz012345", type: "copa_api_key", url: "https://github.com/octocat/Hello-World/blob/12345600b9cbe38a219f39a9941c9319b600c002/foo/bar.txt", source: "content" }]);

describe("GitHub's signature over the raw body", () => {
  const current = pair();
  const old = pair();
  const keys = [
    { id: "old-key", pem: pemOf(old) },
    { id: "current-key", pem: pemOf(current) },
  ];

  it("accepts the body signed by the key its identifier names", () => {
    expect(verifyGithubSignature(Buffer.from(BODY), "current-key", signed(current, BODY), keys)).toBe(true);
    expect(verifyGithubSignature(Buffer.from(BODY), "old-key", signed(old, BODY), keys)).toBe(true);
  });

  it("refuses a changed body, another key's signature, an unknown identifier and missing headers", () => {
    const signature = signed(current, BODY);
    expect(verifyGithubSignature(Buffer.from(BODY.replace("content", "commit")), "current-key", signature, keys)).toBe(false);
    expect(verifyGithubSignature(Buffer.from(BODY + " "), "current-key", signature, keys)).toBe(false);
    expect(verifyGithubSignature(Buffer.from(BODY), "old-key", signature, keys)).toBe(false);
    expect(verifyGithubSignature(Buffer.from(BODY), "someone-else", signature, keys)).toBe(false);
    expect(verifyGithubSignature(Buffer.from(BODY), null, signature, keys)).toBe(false);
    expect(verifyGithubSignature(Buffer.from(BODY), "current-key", null, keys)).toBe(false);
    expect(verifyGithubSignature(Buffer.from(BODY), "current-key", "not base64 at all!", keys)).toBe(false);
    expect(verifyGithubSignature(Buffer.from(BODY), "current-key", signature, [])).toBe(false);
  });
});

describe("the signing keys an admin pastes", () => {
  const key = pair();

  it("reads GitHub's published document and our stored list", () => {
    const github = JSON.stringify({ public_keys: [{ key_identifier: "abc123", key: pemOf(key), is_current: true }] });
    expect(parseSigningKeys(github)).toEqual({ ok: true, keys: [{ id: "abc123", pem: pemOf(key) }] });
    expect(parseSigningKeys(JSON.stringify([{ id: "abc123", pem: pemOf(key) }]))).toEqual({ ok: true, keys: [{ id: "abc123", pem: pemOf(key) }] });
    expect(parseSigningKeys("[]")).toEqual({ ok: true, keys: [] });
  });

  it("says what is wrong with anything else", () => {
    expect(parseSigningKeys("{not json")).toEqual({ ok: false, reason: "json" });
    expect(parseSigningKeys(JSON.stringify({ keys: [] }))).toEqual({ ok: false, reason: "shape" });
    expect(parseSigningKeys(JSON.stringify([{ id: "x" }]))).toEqual({ ok: false, reason: "shape" });
    expect(parseSigningKeys(JSON.stringify([{ id: "x", pem: "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----" }]))).toEqual({ ok: false, reason: "key" });
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" }).toString();
    expect(parseSigningKeys(JSON.stringify([{ id: "x", pem: rsa }]))).toEqual({ ok: false, reason: "key" });
  });
});
