"use server";

// Suspension, reactivation and COPA-run status of an organisation. Built with
// adminAction: session, admin role re-read from the database, input parsed again with
// the form's schema.
import { reactivateOrganization, setOrganizationCopaRun, suspendOrganization } from "@/lib/admin/organizations";
import { organizationIdSchema, setCopaRunSchema, suspendOrganizationSchema } from "@/lib/admin/schemas";
import { adminAction } from "@/lib/auth/actions";

export const suspendOrganizationAction = adminAction(suspendOrganizationSchema, async (input, admin, { ip }) => {
  await suspendOrganization(input, admin, ip);
  return null;
});

export const reactivateOrganizationAction = adminAction(organizationIdSchema, async (input, admin, { ip }) => {
  await reactivateOrganization(input, admin, ip);
  return null;
});

export const setCopaRunAction = adminAction(setCopaRunSchema, async (input, admin, { ip }) => {
  await setOrganizationCopaRun(input, admin, ip);
  return null;
});
