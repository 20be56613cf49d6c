// The API service's process (npm start runs it beside the portal): /api/v1 and
// /api/keys/verify on API_PORT. Reads the environment like the portal (lib/env).
import { getEnv } from "@/lib/env";
import { startApiServer } from "@/lib/api/server";
import { closeApiStore } from "@/lib/api/store";

async function main() {
  const env = getEnv();
  const { port, close } = await startApiServer(env.API_PORT);
  console.log(`API service listening on port ${port}`);
  const stop = () => {
    const force = setTimeout(() => process.exit(0), 5_000);
    force.unref();
    void close()
      .then(() => closeApiStore())
      .finally(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
