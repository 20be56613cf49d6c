// GET /api/v1/loans (loans:read), POST (loans:write). Announced for production; live in the sandbox.
import { paginate } from "@/lib/api/pagination";
import { methodsNotAllowed, withApiKey } from "@/lib/api/with-api-key";
import { createLoan } from "@/lib/sandbox/mutations";
import { listLoans } from "@/lib/sandbox/queries";

export const GET = withApiKey("GET /loans", async ({ query, url, store }) => {
  const { page, page_size: pageSize, ...filters } = query;
  return paginate(url, { page, pageSize }, await listLoans(store, filters, { page, pageSize }));
});

export const POST = withApiKey("POST /loans", async ({ body }) => createLoan(body));

export const { PUT, PATCH, DELETE } = methodsNotAllowed("/loans", ["GET", "POST"]);
