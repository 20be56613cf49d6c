// Builders for integration tests: real rows through the real services.
import { randomBytes } from "node:crypto";
import { signUp } from "@/lib/accounts/service";
import type { CurrentUser, PartnerUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createOrganization } from "@/lib/organizations/service";

const unique = () => randomBytes(4).toString("hex");

export async function makeAdmin(): Promise<CurrentUser> {
  const email = `admin-${unique()}@copa.test`;
  const user = await db.user.create({ data: { email, name: "Test Admin", passwordHash: "x", role: "admin" } });
  return { id: user.id, email, name: user.name, role: "admin", membership: null };
}

export async function makePartner(role: "owner" | "developer" | "viewer" = "owner", org?: { organizationId: string }): Promise<PartnerUser> {
  const email = `partner-${unique()}@bank.test`;
  const { id } = await signUp({ name: "Test Partner", email, password: "correct horse battery" });
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
