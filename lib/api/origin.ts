// This portal's public origin, for URLs handed back to clients (the docs' sandbox base
// URL, the API's pagination links). The configured origin (NEXTAUTH_URL, which npm start
// always sets) wins over anything the request claims; the Host header is the fallback for
// `next dev`, accepted only when it looks like a host name, and X-Forwarded-* only behind
// a proxy the operator declared (COPA_TRUST_PROXY).
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

export function originFrom(input: {
  configuredUrl?: string;
  host?: string | null;
  forwardedHost?: string | null;
  forwardedProto?: string | null;
  trustProxy: boolean;
  port: number;
}): string {
  if (input.configuredUrl) {
    try {
      return new URL(input.configuredUrl).origin;
    } catch {
      // fall through to the request's host
    }
  }
  const first = (v?: string | null) => v?.split(",")[0]?.trim() || undefined;
  const host = (input.trustProxy ? first(input.forwardedHost) : undefined) ?? first(input.host);
  if (host && HOST.test(host)) {
    const proto = input.trustProxy && first(input.forwardedProto) === "https" ? "https" : "http";
    return `${proto}://${host.toLowerCase()}`;
  }
  return `http://localhost:${input.port}`;
}
