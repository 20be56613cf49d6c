// A separate server process for api-concurrency.test.ts: calls GET /api/v1/cooperatives on
// the API app (lib/api/app.ts) `count` times, `concurrency` at a time, on the database in
// DATABASE_URL, and prints the statuses it got as JSON. Run with
//   node --conditions=react-server --import tsx tests/integration/api-hammer.child.ts KEY COUNT CONCURRENCY
import { createApiApp } from "@/lib/api/app";
import { closeApiStore } from "@/lib/api/store";

async function main() {
  const [key, count, concurrency] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
  const app = createApiApp();
  const statuses: Record<string, number> = {};
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const request = new Request("http://sandbox.test/api/v1/cooperatives?page_size=1", { headers: { Authorization: `Bearer ${key}` } });
      const response = await app.fetch(request);
      await response.arrayBuffer();
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  await closeApiStore();
  process.stdout.write(JSON.stringify(statuses));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
