"use server";

// Suspension and reactivation of an organisation. Built with adminAction: session, admin
// role re-read from the database, input parsed again with the form's schema.
import { reactivateOrganization, suspendOrganization } from "@/lib/admin/organizations";
import { organizationIdSchema, suspendOrganizationSchema } from "@/lib/admin/schemas";
import { adminAction } from "@/lib/auth/actions";

export const suspendOrganizationAction = adminAction(suspendOrganizationSchema, async (input, admin, { ip }) => {
  await suspendOrganization(input, admin, ip);
  return null;
});

export const reactivateOrganizationAction = adminAction(organizationIdSchema, async (input, admin, { ip }) => {
  await reactivateOrganization(input, admin, ip);
  return null;
});
