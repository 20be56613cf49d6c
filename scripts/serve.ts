// The production server (`npm start` runs it once the database and build are ready):
// one process, one port. The API front (lib/api/front.ts) answers the machine APIs
// straight from node:http; every other request (pages, server actions, auth, assets,
// the OpenAPI document) goes to Next.js, as `next start` would serve it.
//
//   node --import tsx scripts/serve.ts        (PORT, DATABASE_URL, NEXTAUTH_* from the env)
//
// Run with NODE_ENV=production and a build in .next (scripts/start.ts sees to both).
import http from "node:http";
import path from "node:path";
import next from "next";
import { createApiFront, loadRoutes, securityHeadersFrom, unservedEndpoints } from "@/lib/api/front";
import { originFrom } from "@/lib/api/origin";
import { getEnv } from "@/lib/env";
import { ENDPOINT_SCOPES } from "@/lib/scopes/enforcement";
import { ROOT } from "./lib/setup";

async function main() {
  const env = getEnv();
  const port = env.PORT;
  const app = next({ dev: false, dir: ROOT, port });
  const [routes, headers] = await Promise.all([
    loadRoutes(path.join(ROOT, "app"), ["api/v1", "api/keys"]),
    import(path.join(ROOT, "next.config.js")).then((m) => securityHeadersFrom(m.default ?? m)),
    app.prepare(),
  ]);
  const missing = unservedEndpoints(routes, ENDPOINT_SCOPES.keys());
  if (missing.length > 0) throw new Error(`The API front has no handler for: ${missing.join(", ")} (see lib/api/front.ts)`);
  const handleNext = app.getRequestHandler();
  // npm start always configures the origin; work it out per request only when it is not.
  const configured = env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : null;
  const front = createApiFront({
    routes,
    headers,
    origin: (req) =>
      configured ??
      originFrom({
        host: req.headers.host,
        forwardedHost: req.headers["x-forwarded-host"] as string | undefined,
        forwardedProto: req.headers["x-forwarded-proto"] as string | undefined,
        trustProxy: env.COPA_TRUST_PROXY,
        port,
      }),
  });

  const server = http.createServer((req, res) => {
    if (front(req, res)) return;
    void handleNext(req, res);
  });
  // Keep idle keep-alive connections longer than clients and load balancers do (60 s is
  // common), so a client never reuses a socket the server is closing (ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  server.listen(port, () => console.log(`Serving on port ${port} (API front for ${routes.filter((r) => Object.keys(r.handlers).length > 0).length} routes, Next.js for the rest)`));
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
