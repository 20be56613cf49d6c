// Who is calling. Every server action, route handler and page goes through here: the
// session only names a user; role, membership and the session's validity are re-read
// from the database on each request, so a disabled user, a demoted admin or a
// signed-out-everywhere session loses access on its next request.
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { getAuthOptions } from "./options";
import { hasTwoFactor } from "./two-factor/service";

export type UserRole = "partner" | "admin";
export type MembershipRole = "owner" | "developer" | "viewer";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  membership: {
    id: string;
    role: MembershipRole;
    organizationId: string;
    organization: { id: string; legalName: string; suspendedAt: Date | null };
  } | null;
};

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(getAuthOptions());
  if (!session?.uid) return null;
  const user = await db.user.findUnique({
    where: { id: session.uid },
    include: {
      memberships: {
        take: 1,
        orderBy: { createdAt: "asc" },
        include: { organization: { select: { id: true, legalName: true, suspendedAt: true } } },
      },
    },
  });
  if (!user || user.disabled || user.sessionVersion !== (session.sv ?? 0)) return null;
  const m = user.memberships[0];
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role === "admin" ? "admin" : "partner",
    membership: m
      ? { id: m.id, role: m.role as MembershipRole, organizationId: m.organizationId, organization: m.organization }
      : null,
  };
});

/** For pages: signed in, or off to sign in. */
export async function requireUserPage(next?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(next ? `/sign-in?callbackUrl=${encodeURIComponent(next)}` : "/sign-in");
  return user;
}

export type PartnerUser = CurrentUser & { membership: NonNullable<CurrentUser["membership"]> };

/** For partner pages: signed in with an organisation, or off to sign in / onboarding. */
export async function requirePartnerPage(next?: string): Promise<PartnerUser> {
  const user = await requireUserPage(next);
  if (!user.membership) redirect(user.role === "admin" ? "/admin" : "/onboarding");
  return user as PartnerUser;
}

/** For admin pages: a non-admin gets a plain 404, not a hint that the page exists. */
export async function requireAdminPage(): Promise<CurrentUser> {
  const user = await requireUserPage("/admin");
  if (user.role !== "admin") notFound();
  // Comfort: an admin without two-factor is sent to enrol (adminAction refuses them too).
  if (!(await hasTwoFactor(user.id))) redirect("/account/two-factor?required=admin");
  return user;
}

export function canManageKeys(role: MembershipRole): boolean {
  return role === "owner" || role === "developer";
}
