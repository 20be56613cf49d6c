// The sandbox base URL the docs show: the API service's own origin (API_URL, which npm
// start sets) + /api/v1, else this portal's origin, which serves the same API. Readers
// copy these URLs into code that sends their key; lib/api/origin.ts says which origin wins.
import "server-only";
import { headers } from "next/headers";
import { originFrom } from "@/lib/api/origin";
import { getEnv, type Env } from "@/lib/env";

export { originFrom };

function readEnv(): Pick<Env, "NEXTAUTH_URL" | "COPA_TRUST_PROXY" | "PORT" | "API_URL"> {
  try {
    return getEnv();
  } catch {
    // A public docs page should still render if the server's secret is missing.
    return { NEXTAUTH_URL: undefined, COPA_TRUST_PROXY: false, PORT: 3000, API_URL: undefined };
  }
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
  const api = readEnv().API_URL;
  return `${api ? new URL(api).origin : await portalOrigin()}/api/v1/`;
}
