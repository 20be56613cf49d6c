// Issuing, listing and revoking gateway credentials (admin only; the actions in
// ./actions.ts are the entry points). The token exists in memory only for the response
// that shows it; each change writes its audit event in the same transaction.
import { recordAudit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ServiceError, notFound } from "@/lib/errors";
import { generateGatewayToken, hashGatewayToken, maskGatewayToken } from "./token";

export const gatewayCredentialPublicSelect = {
  id: true,
  name: true,
  mask: true,
  createdAt: true,
  createdById: true,
  revokedAt: true,
  lastUsedAt: true,
} as const;

/** Admins issue a handful of these (one per gateway); bounded anyway, live ones first. */
export const GATEWAY_CREDENTIALS_SHOWN = 100;

export function listGatewayCredentials() {
  return db.gatewayCredential.findMany({
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }, { id: "desc" }],
    select: gatewayCredentialPublicSelect,
    take: GATEWAY_CREDENTIALS_SHOWN,
  });
}

export async function issueGatewayCredential(input: { name: string }, admin: CurrentUser, ip: string | null) {
  const token = generateGatewayToken();
  const mask = maskGatewayToken(token);
  const credential = await db.$transaction(async (tx) => {
    const created = await tx.gatewayCredential.create({
      data: { name: input.name, hash: hashGatewayToken(token), mask, createdById: admin.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: "gateway_credential.issued",
      actor: { id: admin.id, email: admin.email },
      target: { type: "gateway_credential", id: created.id },
      metadata: { name: input.name, mask },
      ip,
    });
    return created;
  });
  return { id: credential.id, name: input.name, token, mask };
}

/** Takes effect on the very next verification: the service reads the row on every call. */
export async function revokeGatewayCredential(input: { credentialId: string }, admin: CurrentUser, ip: string | null) {
  await db.$transaction(async (tx) => {
    const credential = await tx.gatewayCredential.findUnique({ where: { id: input.credentialId }, select: { id: true, name: true, mask: true } });
    if (!credential) throw notFound();
    const updated = await tx.gatewayCredential.updateMany({ where: { id: credential.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (updated.count !== 1) throw new ServiceError("conflict", "admin.errors.credentialRevoked");
    await recordAudit(tx, {
      action: "gateway_credential.revoked",
      actor: { id: admin.id, email: admin.email },
      target: { type: "gateway_credential", id: credential.id },
      metadata: { name: credential.name, mask: credential.mask },
      ip,
    });
  });
}
