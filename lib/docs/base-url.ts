// The sandbox base URL the docs show: this portal's own origin + /api/v1.
// Readers copy these URLs into code that sends their key, so the configured origin
// (NEXTAUTH_URL, which npm start always sets) wins over anything the request claims; the
// Host header is the fallback for `next dev`, accepted only when it looks like a host
// name, and X-Forwarded-* only behind a proxy the operator declared (COPA_TRUST_PROXY).
import "server-only";
import { headers } from "next/headers";
import { getEnv, type Env } from "@/lib/env";

const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

function readEnv(): Pick<Env, "NEXTAUTH_URL" | "COPA_TRUST_PROXY" | "PORT"> {
  try {
    return getEnv();
  } catch {
    // A public docs page should still render if the server's secret is missing.
    return { NEXTAUTH_URL: undefined, COPA_TRUST_PROXY: false, PORT: 3000 };
  }
}

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

/** This portal's origin, e.g. http://localhost:3000. */
export async function portalOrigin(): Promise<string> {
  const env = readEnv();
  const h = await headers();
  return originFrom({
    configuredUrl: env.NEXTAUTH_URL,
    host: h.get("host"),
    forwardedHost: h.get("x-forwarded-host"),
    forwardedProto: h.get("x-forwarded-proto"),
    trustProxy: env.COPA_TRUST_PROXY,
    port: env.PORT,
  });
}

/** The sandbox base URL with a trailing slash, written like COPA's production one. */
export async function sandboxBaseUrl(): Promise<string> {
  return `${await portalOrigin()}/api/v1/`;
}
