"use server";

// Team management: owners only. The organisation is the caller's own (partnerAction).
import { partnerAction } from "@/lib/auth/actions";
import { addMember, changeMemberRole, removeMember } from "@/lib/organizations/members";
import { addMemberSchema, changeMemberRoleSchema, removeMemberSchema } from "@/lib/organizations/member-schemas";

export const addMemberAction = partnerAction(
  addMemberSchema,
  async (input, user, ctx) => {
    await addMember(input, user, ctx.ip);
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
