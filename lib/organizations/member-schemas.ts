// The team's inputs: one schema per input, shared by the forms and the owner-only actions.
import { z } from "zod";

// Team roles, strongest first. Actions check them via partnerAction({ roles }). The pages
// show team.roles.<id> in the reader's language; these English labels name a role in
// mails and on the invitation page.
export const MEMBER_ROLES = [
  { id: "owner", label: "Owner", description: "Everything a developer can do, plus managing the team." },
  { id: "developer", label: "Developer", description: "Requests keys, reveals, rotates and revokes them." },
  { id: "viewer", label: "Viewer", description: "Sees requests and keys; changes nothing." },
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number]["id"];
const MEMBER_ROLE_IDS = MEMBER_ROLES.map((r) => r.id) as [MemberRole, ...MemberRole[]];

export const inviteMemberSchema = z.object({
  email: z.string().trim().toLowerCase().email("team.errors.emailInvalid").max(254),
  role: z.enum(MEMBER_ROLE_IDS, { message: "team.errors.role" }),
});
export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

export const changeMemberRoleSchema = z.object({
  membershipId: z.string().uuid("team.errors.unknownMember"),
  role: z.enum(MEMBER_ROLE_IDS, { message: "team.errors.role" }),
});

export const removeMemberSchema = z.object({ membershipId: z.string().uuid("team.errors.unknownMember") });

export const invitationIdSchema = z.object({ invitationId: z.string().uuid("team.errors.unknownInvitation") });

export const acceptInvitationSchema = z.object({ token: z.string().trim().min(20, "team.errors.linkIncomplete").max(100, "team.errors.linkInvalid") });
