// Gateway credentials: the dedicated bearer tokens COPA's production gateway presents to
// POST /api/keys/verify. Same discipline as API keys: generated from the CSPRNG without
// modulo bias, shown once, stored as SHA-256 plus a display mask. A distinct prefix
// (gw_copa_) keeps them from ever being mistaken for, or accepted as, an API key.
import { createHash } from "node:crypto";
import { randomKeyBody } from "@/lib/keys/key-format";

export const GATEWAY_TOKEN_PATTERN = /^gw_copa_[a-z0-9]{32}$/;

export function generateGatewayToken(): string {
  return `gw_copa_${randomKeyBody(32)}`;
}

export function isWellFormedGatewayToken(value: string): boolean {
  return GATEWAY_TOKEN_PATTERN.test(value);
}

export function hashGatewayToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function maskGatewayToken(token: string): string {
  if (!isWellFormedGatewayToken(token)) throw new Error("maskGatewayToken: not a gateway token");
  return `gw_copa_••••${token.slice(-4)}`;
}
