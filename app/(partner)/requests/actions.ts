"use server";

// Access-request actions. Viewers may read requests but not make or withdraw them; the
// organisation is always the caller's own (partnerAction), never a client-sent id.
import { partnerAction } from "@/lib/auth/actions";
import { accessRequestSchema, requestIdSchema, resubmitRequestSchema } from "@/lib/requests/schemas";
import { resubmitAccessRequest, submitAccessRequest, withdrawAccessRequest } from "@/lib/requests/service";

export const submitAccessRequestAction = partnerAction(
  accessRequestSchema,
  (input, user, ctx) => submitAccessRequest(input, user, ctx.ip),
  { roles: ["owner", "developer"] },
);

export const withdrawAccessRequestAction = partnerAction(
  requestIdSchema,
  async (input, user, ctx) => {
    await withdrawAccessRequest(input.requestId, user, ctx.ip);
    return null;
  },
  { roles: ["owner", "developer"] },
);

/** The edit of a request COPA sent back for changes; it returns to the review queue. */
export const resubmitAccessRequestAction = partnerAction(
  resubmitRequestSchema,
  (input, user, ctx) => resubmitAccessRequest(input, user, ctx.ip),
  { roles: ["owner", "developer"] },
);
