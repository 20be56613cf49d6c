// GET /api/v1/members (members:read), POST (members:write).
import { paginate } from "@/lib/api/pagination";
import { methodsNotAllowed, withApiKey } from "@/lib/api/with-api-key";
import { createMember } from "@/lib/sandbox/mutations";
import { listMembers } from "@/lib/sandbox/queries";

export const GET = withApiKey("GET /members", async ({ query, url, store }) => {
  const { page, page_size: pageSize, ...filters } = query;
  return paginate(url, { page, pageSize }, await listMembers(store, filters, { page, pageSize }));
});

export const POST = withApiKey("POST /members", async ({ body }) => createMember(body));

export const { PUT, PATCH, DELETE } = methodsNotAllowed("/members", ["GET", "POST"]);
