// GET /api/v1/cooperatives/{id}/members (members:read).
import { paginate } from "@/lib/api/pagination";
import { notFound } from "@/lib/api/responses";
import { methodsNotAllowed, withApiKey } from "@/lib/api/with-api-key";
import { cooperativeExists, listMembers } from "@/lib/sandbox/queries";

export const GET = withApiKey("GET /cooperatives/{id}/members", async ({ id, query, url, store }) => {
  if (!(await cooperativeExists(store, id))) throw notFound();
  const { page, page_size: pageSize, ...filters } = query;
  return paginate(url, { page, pageSize }, await listMembers(store, { ...filters, cooperative: id }, { page, pageSize }));
});

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed("/cooperatives/{id}/members", ["GET"]);
