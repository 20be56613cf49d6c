// Who is calling. Every server action, route handler and page goes through here: the
// session cookie only names a server-side Session row (lib/auth/sessions); the row's
// validity (not ended, not idle, not past its lifetime), the user's role, membership and
// disabled flag are re-read from the database on each request, in one query, so an ended
// session, a disabled user or a demoted admin loses access on its next request.
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getEnv } from "@/lib/env";
import { authCookies } from "./cookies";
import { usesSecureCookies } from "./options";
import { loadLiveSession } from "./sessions";
import { hasTwoFactor } from "./two-factor/service";

export type UserRole = "partner" | "admin";
export type MembershipRole = "owner" | "developer" | "viewer";

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** The portal's language the user chose, if any (lib/i18n). */
  locale?: string | null;
  membership: {
    id: string;
    role: MembershipRole;
    organizationId: string;
    organization: { id: string; legalName: string; suspendedAt: Date | null };
  } | null;
  /** Whether the user followed their verification link (absent for users built outside a request). */
  emailVerified?: boolean;
  /** The Session row this request came with (absent for users built outside a request). */
  sessionId?: string;
};

/** The session id inside this request's session cookie, when the cookie verifies. */
async function sessionIdFromCookie(): Promise<string | null> {
  const name = authCookies(usesSecureCookies()).sessionToken.name;
  const token = (await cookies()).get(name)?.value;
  if (!token) return null;
  const payload = await decode({ token, secret: getEnv().NEXTAUTH_SECRET }).catch(() => null);
  return typeof payload?.sid === "string" ? payload.sid : null;
}

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const sessionId = await sessionIdFromCookie();
  if (!sessionId) return null;
  const session = await loadLiveSession(sessionId);
  if (!session) return null;
  const { user } = session;
  const m = user.memberships[0];
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role === "admin" ? "admin" : "partner",
    locale: user.locale,
    membership: m
      ? { id: m.id, role: m.role as MembershipRole, organizationId: m.organizationId, organization: m.organization }
      : null,
    emailVerified: Boolean(user.emailVerifiedAt),
    sessionId,
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
