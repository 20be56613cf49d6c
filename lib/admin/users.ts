// Admin governance of user accounts. The state changes themselves live in
// lib/accounts/service (each bumps sessionVersion, so the user loses access on their
// next request, and audits in the same transaction); this module adds the console's own
// guard: an admin cannot disable or demote themself. The service already refuses to
// demote the last admin, but an admin locking only themself out is a mistake too, and
// another admin can always do it for them deliberately.
import { revokeSessions, setUserDisabled, setUserRole } from "@/lib/accounts/service";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ServiceError, notFound } from "@/lib/errors";

const actorOf = (user: CurrentUser) => ({ id: user.id, email: user.email });

async function requireUser(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, disabled: true } });
  if (!user) throw notFound();
  return user;
}

export async function adminSetUserDisabled(userId: string, disabled: boolean, admin: CurrentUser) {
  if (disabled && userId === admin.id) throw new ServiceError("forbidden", "admin.errors.disableSelf");
  const user = await requireUser(userId);
  if (user.disabled === disabled) throw new ServiceError("conflict", disabled ? "admin.errors.alreadyDisabled" : "admin.errors.alreadyEnabled");
  await setUserDisabled(userId, disabled, actorOf(admin));
}

export async function adminSetUserRole(userId: string, role: "partner" | "admin", admin: CurrentUser) {
  if (role !== "admin" && userId === admin.id) throw new ServiceError("forbidden", "admin.errors.demoteSelf");
  const user = await requireUser(userId);
  if (user.role === role) throw new ServiceError("conflict", role === "admin" ? "admin.errors.alreadyAdmin" : "admin.errors.notAdmin");
  await setUserRole(userId, role, actorOf(admin));
}

export async function adminRevokeSessions(userId: string, admin: CurrentUser) {
  await requireUser(userId);
  await revokeSessions(userId, actorOf(admin));
}
