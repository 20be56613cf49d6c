"use server";

import { userAction } from "@/lib/auth/actions";
import { acceptInvitation } from "@/lib/organizations/invitations";
import { acceptInvitationSchema } from "@/lib/organizations/member-schemas";

/** Accepts an invitation as the signed-in user (sent to their address, no other organisation). */
export const acceptInvitationAction = userAction(acceptInvitationSchema, async (input, user, ctx) => {
  await acceptInvitation(input.token, user, ctx.ip);
  return null;
});
