"use server";

// Team management: owners invite, resend, revoke, change roles and remove; any member may
// leave. The organisation is the caller's own (partnerAction).
import { partnerAction } from "@/lib/auth/actions";
import { changeMemberRole, removeMember } from "@/lib/organizations/members";
import { inviteMember, leaveOrganization, resendInvitation, revokeInvitation } from "@/lib/organizations/invitations";
import { changeMemberRoleSchema, invitationIdSchema, inviteMemberSchema, removeMemberSchema } from "@/lib/organizations/member-schemas";
import { z } from "zod";

export const inviteMemberAction = partnerAction(
  inviteMemberSchema,
  async (input, user, ctx) => {
    await inviteMember(input, user, ctx.ip);
    return null;
  },
  { roles: ["owner"] },
);

export const resendInvitationAction = partnerAction(
  invitationIdSchema,
  async (input, user, ctx) => {
    await resendInvitation(input, user, ctx.ip);
    return null;
  },
  { roles: ["owner"] },
);

export const revokeInvitationAction = partnerAction(
  invitationIdSchema,
  async (input, user, ctx) => {
    await revokeInvitation(input, user, ctx.ip);
    return null;
  },
  { roles: ["owner"] },
);

export const changeMemberRoleAction = partnerAction(
  changeMemberRoleSchema,
  async (input, user, ctx) => {
    await changeMemberRole(input, user, ctx.ip);
    return null;
  },
  { roles: ["owner"] },
);

export const removeMemberAction = partnerAction(
  removeMemberSchema,
  async (input, user, ctx) => {
    await removeMember(input, user, ctx.ip);
    return null;
  },
  { roles: ["owner"] },
);

/** Any member leaves their organisation (not its last owner). */
export const leaveOrganizationAction = partnerAction(z.object({}), async (_input, user, ctx) => {
  await leaveOrganization(user, ctx.ip);
  return null;
});
