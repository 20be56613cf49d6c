// The API service as its own server process: the Hono app of lib/api/app.ts on
// @hono/node-server. This is the fast path partners and COPA's gateway call; the portal
// mounts the very same app for its own origin. Here, and only here, the app sees the TCP
// peer's address (for "last used from") and compresses for clients that ask (under Next.js,
// Next compresses).
import { serve, type ServerType } from "@hono/node-server";
import { getEnv } from "@/lib/env";
import { createApiApp, type ApiAppOptions } from "./app";

export type ApiServer = { server: ServerType; port: number; close: () => Promise<void> };

export function createApiService(options: ApiAppOptions = {}) {
  const env = getEnv();
  const origin = env.API_URL ? new URL(env.API_URL).origin : undefined;
  return createApiApp({ publicOrigin: origin, document: { sandboxUrl: origin ? `${origin}/api/v1` : undefined }, compress: true, ...options });
}

/** Listens on `port` (0: any free one) on `hostname`; resolves once it accepts connections. */
export function startApiServer(port: number, options: ApiAppOptions & { hostname?: string } = {}): Promise<ApiServer> {
  const { hostname, ...appOptions } = options;
  const app = createApiService(appOptions);
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
      resolve({
        server,
        port: info.port,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        }),
      });
    });
    // Keep idle keep-alive connections longer than clients and load balancers do (60 s is
    // common), so a client never reuses a socket the server is closing (ECONNRESET).
    (server as { keepAliveTimeout?: number }).keepAliveTimeout = 65_000;
    (server as { headersTimeout?: number }).headersTimeout = 66_000;
  });
}
