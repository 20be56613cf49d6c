// GET /api/v1/payments (payments:read), POST (payments:write). Announced for production; live in the sandbox.
import { paginate } from "@/lib/api/pagination";
import { methodsNotAllowed, withApiKey } from "@/lib/api/with-api-key";
import { createPayment } from "@/lib/sandbox/mutations";
import { listPayments } from "@/lib/sandbox/queries";

export const GET = withApiKey("GET /payments", async ({ query, url, store }) => {
  const { page, page_size: pageSize, ...filters } = query;
  return paginate(url, { page, pageSize }, await listPayments(store, filters, { page, pageSize }));
});

export const POST = withApiKey("POST /payments", async ({ body }) => createPayment(body));

export const { PUT, PATCH, DELETE } = methodsNotAllowed("/payments", ["GET", "POST"]);
