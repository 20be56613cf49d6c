import { describe, expect, it } from "vitest";
import { isWellFormedKey } from "@/lib/keys/key-format";
import { GATEWAY_TOKEN_PATTERN, generateGatewayToken, hashGatewayToken, isWellFormedGatewayToken, maskGatewayToken } from "./token";

describe("gateway tokens", () => {
  it("are gw_copa_ and 32 of [a-z0-9], unique, never API keys", () => {
    const tokens = Array.from({ length: 2000 }, generateGatewayToken);
    for (const t of tokens) {
      expect(t).toMatch(GATEWAY_TOKEN_PATTERN);
      expect(isWellFormedKey(t)).toBe(false);
    }
    expect(new Set(tokens).size).toBe(tokens.length);
  });
  it("hash to SHA-256 hex and mask to the last four", () => {
    const t = generateGatewayToken();
    expect(hashGatewayToken(t)).toMatch(/^[0-9a-f]{64}$/);
    expect(maskGatewayToken(t)).toBe(`gw_copa_••••${t.slice(-4)}`);
    expect(isWellFormedGatewayToken(`gw_copa_${"A".repeat(32)}`)).toBe(false);
    expect(() => maskGatewayToken("nope")).toThrow();
  });
});
