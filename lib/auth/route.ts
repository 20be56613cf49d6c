// The session check of route handlers under the portal (downloads such as CSV exports):
// the same rules as the action wrappers in ./actions, answered as HTTP. Each handler calls
// one of these first; the proxy's sign-in redirect is only comfort.
import { getCurrentUser, type CurrentUser, type MembershipRole, type PartnerUser } from "./session";
import { hasTwoFactor } from "./two-factor/service";

const refuse = (status: number, detail: string) => Response.json({ detail }, { status, headers: { "Cache-Control": "no-store" } });

/** A COPA admin with two-factor on, or the Response that refuses the caller. */
export async function adminRoute(): Promise<CurrentUser | Response> {
  const user = await getCurrentUser();
  if (!user) return refuse(401, "Sign in first.");
  // Like the console's pages: a non-admin learns nothing about what exists here.
  if (user.role !== "admin") return refuse(404, "Not found.");
  if (!(await hasTwoFactor(user.id))) return refuse(403, "Turn on two-factor authentication first.");
  return user;
}

/** A member of an organisation in one of `roles`, or the Response that refuses the caller. */
export async function partnerRoute(roles: MembershipRole[]): Promise<PartnerUser | Response> {
  const user = await getCurrentUser();
  if (!user) return refuse(401, "Sign in first.");
  if (!user.membership) return refuse(404, "Not found.");
  if (!roles.includes(user.membership.role)) return refuse(403, `Your role (${user.membership.role}) cannot do this. Ask an owner of your organisation.`);
  return user as PartnerUser;
}
