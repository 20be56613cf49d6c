"use server";
// Admin server actions shared by several console pages. Every export is a public
// endpoint, so each is built with adminAction: the session and the admin role are
// re-read from the database on every call and the input parsed with its schema.
import { adminAction } from "@/lib/auth/actions";
import { searchOrganizations } from "./queries";
import { organizationSearchSchema } from "./schemas";

/** The organisation filter's on-demand search (components/admin/organization-filter.tsx). */
export const searchOrganizationsAction = adminAction(organizationSearchSchema, async ({ query }) => searchOrganizations(query));
