// GET /api/v1/members/{id} (members:read), PUT (members:write).
import { notFound } from "@/lib/api/responses";
import { methodsNotAllowed, withApiKey } from "@/lib/api/with-api-key";
import { updateMember } from "@/lib/sandbox/mutations";
import { getMember } from "@/lib/sandbox/queries";

export const GET = withApiKey("GET /members/{id}", async ({ id, store }) => {
  const member = await getMember(store, id);
  if (!member) throw notFound();
  return member;
});

export const PUT = withApiKey("PUT /members/{id}", async ({ id, body }) => updateMember(id, body));

export const { POST, PATCH, DELETE } = methodsNotAllowed("/members/{id}", ["GET", "PUT"]);
