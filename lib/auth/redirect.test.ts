import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, afterSignInPath, safeCallbackPath } from "./redirect";

describe("safeCallbackPath", () => {
  it.each([
    ["/keys", "/keys"],
    ["/keys/abc?tab=usage#chart", "/keys/abc?tab=usage#chart"],
    ["/requests/new?scopes=members:read,cooperatives:read", "/requests/new?scopes=members:read,cooperatives:read"],
    ["/docs/../keys", "/keys"],
  ])("keeps the same-origin path %s", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  it.each([
    ["absolute URL", "https://evil.example/keys"],
    ["protocol-relative", "//evil.example/keys"],
    ["backslash trick", "/\\evil.example"],
    ["encoded newline", "/keys\n//evil"],
    ["javascript scheme", "javascript:alert(1)"],
    ["relative without slash", "keys"],
    ["empty", ""],
    ["sign-in loop", "/sign-in?callbackUrl=/keys"],
    ["sign-up", "/sign-up"],
    ["API route", "/api/auth/signout"],
    ["not a string", ["/keys"]],
    ["undefined", undefined],
  ])("refuses %s", (_name, input) => {
    expect(safeCallbackPath(input)).toBeNull();
  });

  it("falls back to the default landing page", () => {
    expect(afterSignInPath("https://evil.example")).toBe(DEFAULT_AFTER_SIGN_IN);
    expect(afterSignInPath("/requests")).toBe("/requests");
  });
});
