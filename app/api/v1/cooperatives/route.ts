// GET /api/v1/cooperatives (cooperatives:read), POST (cooperatives:write).
import { paginate } from "@/lib/api/pagination";
import { methodsNotAllowed, withApiKey } from "@/lib/api/with-api-key";
import { createCooperative } from "@/lib/sandbox/mutations";
import { listCooperatives } from "@/lib/sandbox/queries";

export const GET = withApiKey("GET /cooperatives", async ({ query, url, store }) => {
  const { page, page_size: pageSize, ...filters } = query;
  return paginate(url, { page, pageSize }, await listCooperatives(store, filters, { page, pageSize }));
});

export const POST = withApiKey("POST /cooperatives", async ({ body }) => createCooperative(body));

export const { PUT, PATCH, DELETE } = methodsNotAllowed("/cooperatives", ["GET", "POST"]);
