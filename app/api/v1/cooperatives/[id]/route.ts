// GET /api/v1/cooperatives/{id} (cooperatives:read), PUT (cooperatives:write).
import { notFound } from "@/lib/api/responses";
import { methodsNotAllowed, withApiKey } from "@/lib/api/with-api-key";
import { updateCooperative } from "@/lib/sandbox/mutations";
import { getCooperative } from "@/lib/sandbox/queries";

export const GET = withApiKey("GET /cooperatives/{id}", async ({ id, store }) => {
  const cooperative = await getCooperative(store, id);
  if (!cooperative) throw notFound();
  return cooperative;
});

export const PUT = withApiKey("PUT /cooperatives/{id}", async ({ id, body }) => updateCooperative(id, body));

export const { POST, PATCH, DELETE } = methodsNotAllowed("/cooperatives/{id}", ["GET", "PUT"]);
