// Builders for integration tests: real rows through the real services.
import { randomBytes } from "node:crypto";
import { signUp } from "@/lib/accounts/service";
import type { CurrentUser, PartnerUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getTotpKey } from "@/lib/env";
import { encryptTotpSecret, generateTotpSecret } from "@/lib/auth/totp";
import { createOrganization } from "@/lib/organizations/service";

const unique = () => randomBytes(4).toString("hex");

/**
 * An admin as the console requires one: with two-factor on (adminAction refuses admins
 * without it). `twoFactor: false` makes one that has not enrolled yet.
 */
export async function makeAdmin(options: { twoFactor?: boolean } = {}): Promise<CurrentUser> {
  const email = `admin-${unique()}@copa.test`;
  const user = await db.user.create({ data: { email, name: "Test Admin", passwordHash: "x", role: "admin" } });
  if (options.twoFactor !== false) await enrolTwoFactor(user.id);
  return { id: user.id, email, name: user.name, role: "admin", membership: null };
}

/** Turns two-factor on for a user directly in the database; returns the plain secret to compute codes. */
export async function enrolTwoFactor(userId: string): Promise<string> {
  const secret = generateTotpSecret();
  await db.twoFactor.create({ data: { userId, secret: encryptTotpSecret(secret, getTotpKey(), userId), enabledAt: new Date() } });
  return secret;
}

export async function makePartner(role: "owner" | "developer" | "viewer" = "owner", org?: { organizationId: string }): Promise<PartnerUser> {
  const email = `partner-${unique()}@bank.test`;
  const { id } = await signUp({ name: "Test Partner", email, password: "correct horse battery" });
  // As if the verification link had been followed (tests of that link: tests/integration/mail-accounts.test.ts).
  await db.user.update({ where: { id }, data: { emailVerifiedAt: new Date() } });
  let organizationId = org?.organizationId;
  if (!organizationId) {
    const base: CurrentUser = { id, email, name: "Test Partner", role: "partner", membership: null };
    organizationId = (await createOrganization({ legalName: `Test Bank ${unique()}`, kind: "bank", country: "RW", website: null, contactEmail: email }, base, null)).id;
    if (role !== "owner") await db.membership.update({ where: { userId_organizationId: { userId: id, organizationId } }, data: { role } });
  } else {
    await db.membership.create({ data: { userId: id, organizationId, role } });
  }
  const organization = await db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, legalName: true, suspendedAt: true } });
  const membership = await db.membership.findFirstOrThrow({ where: { userId: id, organizationId } });
  return { id, email, name: "Test Partner", role: "partner", membership: { id: membership.id, role, organizationId, organization } };
}
