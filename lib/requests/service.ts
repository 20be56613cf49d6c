// The access-request lifecycle: submitted -> approved | rejected | withdrawn. Every
// transition is a conditional update on the current status inside a transaction, so two
// racing decisions cannot both succeed, and each writes its audit event in that
// transaction.
import { assertEmailVerified } from "@/lib/accounts/recovery";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser, PartnerUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { ServiceError, notFound } from "@/lib/errors";
import type { Environment, KeyType } from "@/lib/keys/key-types";
import { assertKeyPolicy } from "@/lib/keys/policy";
import { createIssuedKey } from "@/lib/keys/service";
import { paged, pageWindow } from "@/lib/paging";
import { parseScopes, serializeScopes } from "@/lib/scopes/enforcement";
import { expiryDays, type AccessRequestData, type approveRequestSchema, type rejectRequestSchema } from "./schemas";
import type { z } from "zod";

const actorOf = (user: CurrentUser) => ({ id: user.id, email: user.email });

/** At most this many pending requests per organisation: a queue COPA can still review. */
export const MAX_PENDING_REQUESTS = 10;

const SUSPENDED = "Your organisation is suspended by COPA: it cannot request keys until COPA reactivates it. Contact COPA to resolve the suspension.";

export async function submitAccessRequest(input: AccessRequestData, user: PartnerUser, ip: string | null) {
  const orgId = user.membership.organizationId;
  await assertEmailVerified(user.id);
  const requestedScopes = serializeScopes(input.scopes);
  return db.$transaction(async (tx) => {
    // A no-op write on the organisation's row, conditional on it not being suspended:
    // it checks the suspension in this transaction and holds the row's lock (PostgreSQL)
    // or the write lock (SQLite) until commit, so two submissions at once cannot both
    // pass the pending-limit and duplicate checks below. Raw SQL so updatedAt stays.
    const open = await tx.$executeRaw`UPDATE "Organization" SET "suspendedAt" = NULL WHERE "id" = ${orgId} AND "suspendedAt" IS NULL`;
    if (open !== 1) throw new ServiceError("forbidden", SUSPENDED);
    const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { copaRun: true } });
    assertKeyPolicy({ type: input.keyType, environment: input.environment, scopes: input.scopes, organization: org });

    const identical = await tx.accessRequest.findFirst({
      where: { organizationId: orgId, status: "pending", keyName: input.keyName, keyType: input.keyType, environment: input.environment, requestedScopes },
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true },
    });
    if (identical) {
      throw new ServiceError(
        "conflict",
        `An identical request is already pending (request ${identical.id}, submitted ${identical.createdAt.toISOString().slice(0, 10)}): same key name, type, environment and scopes. Follow that one instead, or withdraw it first.`,
        undefined,
        { type: "request", id: identical.id },
      );
    }
    const pending = await tx.accessRequest.count({ where: { organizationId: orgId, status: "pending" } });
    if (pending >= MAX_PENDING_REQUESTS) {
      throw new ServiceError(
        "conflict",
        `Your organisation already has ${pending} pending requests, the most it can have at once. Wait for COPA's decisions, or withdraw a request you no longer need, before submitting another.`,
      );
    }

    const request = await tx.accessRequest.create({
      data: {
        organizationId: orgId,
        requesterId: user.id,
        keyName: input.keyName,
        keyType: input.keyType,
        environment: input.environment,
        useCase: input.useCase,
        requestedScopes,
        justifications: JSON.stringify(input.justifications),
      },
    });
    await recordAudit(tx, {
      action: "request.submitted",
      actor: actorOf(user),
      organizationId: orgId,
      target: { type: "request", id: request.id },
      metadata: { keyName: input.keyName, keyType: input.keyType, environment: input.environment, scopes: input.scopes },
      ip,
    });
    return { id: request.id };
  });
}

export async function withdrawAccessRequest(requestId: string, user: PartnerUser, ip: string | null) {
  const orgId = user.membership.organizationId;
  await db.$transaction(async (tx) => {
    const request = await tx.accessRequest.findFirst({ where: { id: requestId, organizationId: orgId }, select: { id: true, status: true } });
    if (!request) throw notFound();
    const updated = await tx.accessRequest.updateMany({
      where: { id: requestId, organizationId: orgId, status: "pending" },
      data: { status: "withdrawn", decidedAt: new Date(), decidedById: user.id },
    });
    if (updated.count !== 1) throw new ServiceError("conflict", `This request is already ${request.status}.`);
    await recordAudit(tx, { action: "request.withdrawn", actor: actorOf(user), organizationId: orgId, target: { type: "request", id: requestId }, ip });
  });
}

/**
 * Approves a pending request and issues its key record (status "pending": the secret is
 * minted when the partner reveals it, so no plaintext ever waits in the database).
 * Idempotent under races: the status flip is conditional and the key's request id is
 * unique, so two approvals at once give exactly one key.
 */
export async function approveAccessRequest(input: z.output<typeof approveRequestSchema>, admin: CurrentUser, ip: string | null) {
  return db.$transaction(async (tx) => {
    const request = await tx.accessRequest.findUnique({ where: { id: input.requestId } });
    if (!request) throw notFound();
    const updated = await tx.accessRequest.updateMany({
      where: { id: request.id, status: "pending" },
      data: {
        status: "approved",
        decidedById: admin.id,
        decidedAt: new Date(),
        decisionNote: input.note || null,
        grantedScopes: serializeScopes(input.grantedScopes),
      },
    });
    if (updated.count !== 1) throw new ServiceError("conflict", `This request was already ${(await tx.accessRequest.findUnique({ where: { id: request.id }, select: { status: true } }))?.status ?? "decided"}.`);
    // The key policy decides what can be granted, not the checklist: a grant beyond it
    // (say payments:write on a webhook key) throws here and the whole approval rolls back.
    const key = await createIssuedKey(tx, {
      organizationId: request.organizationId,
      requestId: request.id,
      name: request.keyName,
      type: request.keyType as KeyType,
      environment: request.environment as Environment,
      scopes: input.grantedScopes,
      lifetimeDays: input.expiry === undefined ? undefined : expiryDays(input.expiry),
      createdById: admin.id,
    });
    const requested = parseScopes(request.requestedScopes);
    await recordAudit(tx, {
      action: "request.approved",
      actor: actorOf(admin),
      organizationId: request.organizationId,
      target: { type: "request", id: request.id },
      metadata: { requestedScopes: requested, grantedScopes: input.grantedScopes, expiresAt: key.expiresAt?.toISOString() ?? null },
      ip,
    });
    await recordAudit(tx, {
      action: "key.issued",
      actor: actorOf(admin),
      organizationId: request.organizationId,
      target: { type: "key", id: key.id },
      metadata: { requestId: request.id, scopes: input.grantedScopes, environment: key.environment, type: key.type },
      ip,
    });
    return { keyId: key.id };
  });
}

export async function rejectAccessRequest(input: z.output<typeof rejectRequestSchema>, admin: CurrentUser, ip: string | null) {
  await db.$transaction(async (tx) => {
    const request = await tx.accessRequest.findUnique({ where: { id: input.requestId }, select: { id: true, organizationId: true, status: true } });
    if (!request) throw notFound();
    const updated = await tx.accessRequest.updateMany({
      where: { id: request.id, status: "pending" },
      data: { status: "rejected", decidedById: admin.id, decidedAt: new Date(), decisionNote: input.reason },
    });
    if (updated.count !== 1) throw new ServiceError("conflict", `This request was already ${request.status}.`);
    await recordAudit(tx, {
      action: "request.rejected",
      actor: actorOf(admin),
      organizationId: request.organizationId,
      target: { type: "request", id: request.id },
      metadata: { reason: input.reason },
      ip,
    });
  });
}

// ---- reads (tenant-scoped for partners) ------------------------------------------------

export const requestListSelect = {
  id: true,
  keyName: true,
  keyType: true,
  environment: true,
  requestedScopes: true,
  grantedScopes: true,
  status: true,
  decisionNote: true,
  decidedAt: true,
  createdAt: true,
  requester: { select: { name: true, email: true } },
  key: { select: { id: true, status: true } },
} as const;

/** One page of an organisation's requests, newest first (stable on equal timestamps). */
export async function listOrganizationRequests(organizationId: string, page = 1) {
  const where = { organizationId };
  const [rows, total] = await Promise.all([
    db.accessRequest.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: requestListSelect, ...pageWindow(page) }),
    db.accessRequest.count({ where }),
  ]);
  return paged(rows, total, page);
}

export function getOrganizationRequest(organizationId: string, requestId: string) {
  return db.accessRequest.findFirst({
    where: { id: requestId, organizationId },
    select: { ...requestListSelect, useCase: true, justifications: true, decidedBy: { select: { name: true } } },
  });
}

/** The `take` requests waiting longest, for the admin overview; the queue itself is paged. */
export function listOldestPendingRequests(take: number) {
  return db.accessRequest.findMany({
    where: { status: "pending" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...requestListSelect, organization: { select: { id: true, legalName: true, kind: true } } },
    take,
  });
}

export function getRequestForAdmin(requestId: string) {
  return db.accessRequest.findUnique({
    where: { id: requestId },
    select: {
      ...requestListSelect,
      useCase: true,
      justifications: true,
      decidedBy: { select: { name: true, email: true } },
      organization: { select: { id: true, legalName: true, kind: true, country: true, website: true, contactEmail: true, createdAt: true, suspendedAt: true, copaRun: true } },
    },
  });
}

export function parseJustifications(value: string): Record<string, string> {
  try {
    const parsed = JSON.parse(value) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function countPendingOrganizationRequests(organizationId: string) {
  return db.accessRequest.count({ where: { organizationId, status: "pending" } });
}
