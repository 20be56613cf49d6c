"use server";

// Decisions on access requests. Every export is a public endpoint, so each is built with
// adminAction (session, admin role re-read from the database, schema parsed again).
import { describeDecision } from "@/lib/admin/requests";
import { adminAction } from "@/lib/auth/actions";
import { ServiceError } from "@/lib/errors";
import { requestTranslator } from "@/lib/i18n/translator";
import { approveRequestSchema, rejectRequestSchema, requestChangesSchema } from "@/lib/requests/schemas";
import { approveOrRecordFirstApproval, confirmAccessRequest, rejectAccessRequest, requestChanges } from "@/lib/requests/service";
import { requestIdSchema } from "@/lib/requests/schemas";

/**
 * "Someone decided first" is an expected outcome of two admins (or two tabs) reviewing
 * the same request, not a failure: it is returned as data so the form can explain it and
 * offer to show the decision, instead of a generic error.
 */
export type DecisionOutcome = { outcome: "decided" } | { outcome: "conflict"; message: string };

async function decide(requestId: string, adminId: string, run: () => Promise<unknown>): Promise<DecisionOutcome> {
  try {
    await run();
    return { outcome: "decided" };
  } catch (error) {
    if (error instanceof ServiceError && error.code === "conflict") {
      // Returned as data, not through the wrappers' translation of errors: worded here, in the admin's language.
      return { outcome: "conflict", message: await describeDecision(requestId, adminId, await requestTranslator()) };
    }
    throw error;
  }
}

export const approveRequestAction = adminAction(approveRequestSchema, (input, admin, { ip }) =>
  decide(input.requestId, admin.id, () => approveOrRecordFirstApproval(input, admin, ip)),
);

export const rejectRequestAction = adminAction(rejectRequestSchema, (input, admin, { ip }) =>
  decide(input.requestId, admin.id, () => rejectAccessRequest(input, admin, ip)),
);

/** Sends the request back to the partner with a message instead of deciding. */
export const requestChangesAction = adminAction(requestChangesSchema, (input, admin, { ip }) =>
  decide(input.requestId, admin.id, () => requestChanges(input, admin, ip)),
);

/** The second, different admin's confirmation of a two-person approval: the key is created now. */
export const confirmRequestAction = adminAction(requestIdSchema, (input, admin, { ip }) =>
  decide(input.requestId, admin.id, () => confirmAccessRequest(input.requestId, admin, ip)),
);
