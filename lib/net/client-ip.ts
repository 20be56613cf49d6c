// The one answer to "which address is calling", for audit events, a key's "last used
// from" and throttles. X-Forwarded-For is written by whoever sends the request, so it
// counts only when the operator declares a proxy of their own in front (COPA_TRUST_PROXY),
// and then only its last entry: the hop that proxy appended (earlier entries are the
// client's own claims). Without a trusted proxy the socket's address is the answer; where
// none is known (Next.js hides the socket from route handlers and actions), the answer is
// null rather than a value the caller chose. Anything that is not an IP address is never
// returned, so it can never be stored.
import { isIP } from "node:net";

export type ClientIpInput = {
  /** The TCP peer's address, when the server exposes it. */
  socketAddress?: string | null;
  /** The X-Forwarded-For header as received. */
  forwardedFor?: string | null;
  trustProxy: boolean;
};

/** A valid IPv4 or IPv6 address in canonical-enough form, or null. IPv4-mapped IPv6 becomes IPv4. */
export function normalizeIp(value: string | null | undefined): string | null {
  const ip = (value ?? "").trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
  return ip.length <= 45 && isIP(ip) !== 0 ? ip.toLowerCase() : null;
}

export function clientIp(input: ClientIpInput): string | null {
  if (input.trustProxy && input.forwardedFor) {
    const last = input.forwardedFor.split(",").pop();
    return normalizeIp(last);
  }
  return normalizeIp(input.socketAddress);
}
