// The access-request lifecycle: submitted (pending) -> approved | rejected | withdrawn, or
// pending -> changes_requested -> (edited and resubmitted) pending -> ... Every
// transition is a conditional update on the current status inside a transaction, so two
// racing decisions cannot both succeed, and each writes its audit event in that
// transaction.
import { assertEmailVerified } from "@/lib/accounts/recovery";
import { recordAudit } from "@/lib/audit";
import type { CurrentUser, PartnerUser } from "@/lib/auth/session";
import { db, type Tx } from "@/lib/db";
import { ServiceError, notFound } from "@/lib/errors";
import type { Environment, KeyType } from "@/lib/keys/key-types";
import { assertKeyPolicy, maxLifetimeDays } from "@/lib/keys/policy";
import { getKeyPolicy } from "@/lib/keys/policy-store";
import { adminRecipients, notify, organizationRecipients, scopeList, utcMinute } from "@/lib/notifications";
import { notifyChangesRequested, notifyRequestResubmitted, notifySecondApprovalNeeded } from "@/lib/notifications/events";
import { qualifiesForInstantSandboxKey } from "@/lib/review/instant";
import { reviewSettingsOf, secondApprovalReason } from "@/lib/review/settings";
import { createIssuedKey } from "@/lib/keys/service";
import { paged, pageWindow } from "@/lib/paging";
import { parseScopes, serializeScopes } from "@/lib/scopes/enforcement";
import { expiryDays, type AccessRequestData, type approveRequestSchema, type rejectRequestSchema, type requestChangesSchema, type ResubmitRequestData } from "./schemas";
import { MAX_CHANGE_ROUNDS, diffRequest, isEmptyChange, recordRequestEvent } from "./thread";
import type { z } from "zod";

const actorOf = (user: CurrentUser) => ({ id: user.id, email: user.email });

/** At most this many pending requests per organisation: a queue COPA can still review. */
export const MAX_PENDING_REQUESTS = 10;

/**
 * Requests still open: waiting for COPA (pending) or for the partner's edit
 * (changes_requested). Both count towards the limit and the duplicate check.
 */
export const OPEN_STATUSES = ["pending", "changes_requested", "awaiting_second_approval"];

// Messages are keys of the `review` namespace; the action wrapper translates them.
const SUSPENDED = "review.errors.suspended";

/**
 * A partner's request. Checked against the key policy in force (read in this
 * transaction). A sandbox request the policy's instant rule covers (read-only scopes on
 * its list, lib/review/instant.ts) is approved at once by the system and its key issued,
 * in the same transaction: `keyId` is then set.
 */
export async function submitAccessRequest(input: AccessRequestData, user: PartnerUser, ip: string | null): Promise<{ id: string; keyId?: string }> {
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
    const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { copaRun: true, legalName: true } });
    const policy = await getKeyPolicy(tx);
    assertKeyPolicy({ type: input.keyType, environment: input.environment, scopes: input.scopes, organization: org, policy });

    const identical = await tx.accessRequest.findFirst({
      where: { organizationId: orgId, status: { in: OPEN_STATUSES }, keyName: input.keyName, keyType: input.keyType, environment: input.environment, requestedScopes },
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true },
    });
    if (identical) {
      throw new ServiceError("conflict", "review.errors.duplicate", undefined, { type: "request", id: identical.id }, { id: identical.id, date: identical.createdAt.toISOString().slice(0, 10) });
    }
    const pending = await tx.accessRequest.count({ where: { organizationId: orgId, status: { in: OPEN_STATUSES } } });
    if (pending >= MAX_PENDING_REQUESTS) {
      throw new ServiceError("conflict", "review.errors.tooMany", undefined, undefined, { count: pending });
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
    if (qualifiesForInstantSandboxKey(policy, { type: input.keyType, environment: input.environment, scopes: input.scopes }, org)) {
      const keyId = await approveInstantly(tx, request, input.scopes, ip);
      return { id: request.id, keyId };
    }
    await notify(tx, await adminRecipients(tx), "request_submitted", {
      organizationName: org.legalName,
      keyName: input.keyName,
      environment: input.environment,
      scopes: scopeList(input.scopes),
      requestPath: `/admin/requests/${request.id}`,
    });
    return { id: request.id };
  });
}

/** The key record an approval issues for its request (lib/keys/service.ts createIssuedKey): the request's name, type and environment. */
function issueRequestKey(
  tx: Tx,
  request: { id: string; organizationId: string; keyName: string; keyType: string; environment: string },
  grant: Omit<Parameters<typeof createIssuedKey>[1], "organizationId" | "requestId" | "name" | "type" | "environment">,
) {
  return createIssuedKey(tx, { organizationId: request.organizationId, requestId: request.id, name: request.keyName, type: request.keyType as KeyType, environment: request.environment as Environment, ...grant });
}

/**
 * The system's approval of an instant sandbox request, inside its submission's
 * transaction: conditional on "pending" like every decision, the key issued with the
 * policy's longest lifetime, audited (request.approved by the system, key.issued) and the
 * organisation notified exactly as for an admin's approval.
 */
async function approveInstantly(tx: Tx, request: { id: string; organizationId: string; keyName: string; keyType: string; environment: string; requestedScopes: string }, scopes: string[], ip: string | null) {
  const updated = await tx.accessRequest.updateMany({
    where: { id: request.id, status: "pending" },
    data: { status: "approved", decidedAt: new Date(), grantedScopes: request.requestedScopes },
  });
  if (updated.count !== 1) throw new ServiceError("conflict", "review.errors.alreadyDecided");
  const key = await issueRequestKey(tx, request, {
    scopes,
    createdById: null,
  });
  await recordRequestEvent(tx, { requestId: request.id, kind: "approved", actorId: null, actorRole: "system" });
  await recordKeyIssued(tx, { request, admin: null, key, granted: scopes, ip, approval: { approvedBy: "system", rule: "instant_sandbox" } });
  return key.id;
}

export async function withdrawAccessRequest(requestId: string, user: PartnerUser, ip: string | null) {
  const orgId = user.membership.organizationId;
  await db.$transaction(async (tx) => {
    const request = await tx.accessRequest.findFirst({ where: { id: requestId, organizationId: orgId }, select: { id: true, status: true } });
    if (!request) throw notFound();
    const updated = await tx.accessRequest.updateMany({
      where: { id: requestId, organizationId: orgId, status: { in: OPEN_STATUSES } },
      data: { status: "withdrawn", decidedAt: new Date(), decidedById: user.id },
    });
    if (updated.count !== 1) throw new ServiceError("conflict", "review.errors.notOpen", undefined, undefined, { status: request.status });
    await recordRequestEvent(tx, { requestId, kind: "withdrawn", actorId: user.id, actorRole: "partner" });
    await recordAudit(tx, { action: "request.withdrawn", actor: actorOf(user), organizationId: orgId, target: { type: "request", id: requestId }, ip });
  });
}

/**
 * Approves a pending request and issues its key record (status "pending": the secret is
 * minted when the partner reveals it, so no plaintext ever waits in the database).
 * Idempotent under races: the status flip is conditional and the key's request id is
 * unique, so two approvals at once give exactly one key.
 */
export async function approveAccessRequest(input: z.output<typeof approveRequestSchema>, admin: CurrentUser, ip: string | null): Promise<{ keyId: string }> {
  const result = await approve(input, admin, ip, "issue-only");
  if (!result.keyId) throw new Error("unreachable: a one-admin approval issues a key");
  return { keyId: result.keyId };
}

/**
 * The admin's "approve" (the server action's path): issues the key, or, when the
 * two-person rule applies to the grant (lib/review/settings.ts), records the first
 * approval and issues nothing until a different admin confirms (confirmAccessRequest).
 */
export function approveOrRecordFirstApproval(input: z.output<typeof approveRequestSchema>, admin: CurrentUser, ip: string | null) {
  return approve(input, admin, ip, "first-approval");
}

async function approve(
  input: z.output<typeof approveRequestSchema>,
  admin: CurrentUser,
  ip: string | null,
  mode: "issue-only" | "first-approval",
): Promise<{ keyId: string | null; awaitingSecondApproval?: boolean }> {
  return db.$transaction(async (tx) => {
    const request = await tx.accessRequest.findUnique({ where: { id: input.requestId } });
    if (!request) throw notFound();
    // Two-person rule: the riskiest grants wait for a second, different admin; no key yet.
    const policy = await getKeyPolicy(tx);
    const needsSecond = secondApprovalReason(reviewSettingsOf(policy), { type: request.keyType, environment: request.environment, scopes: input.grantedScopes });
    if (needsSecond && mode === "issue-only") {
      throw new ServiceError("forbidden", "review.errors.needsFirstApproval", undefined, undefined, { rule: needsSecond });
    }
    if (needsSecond) {
      // The policy is checked now, so the first admin hears of a grant beyond it at once;
      // the confirmation checks it again when it creates the key.
      const org = await tx.organization.findUniqueOrThrow({ where: { id: request.organizationId }, select: { copaRun: true } });
      const lifetimeDays = input.expiry === undefined ? maxLifetimeDays(request.keyType as KeyType, request.environment as Environment, policy) : expiryDays(input.expiry);
      assertKeyPolicy({ type: request.keyType as KeyType, environment: request.environment as Environment, scopes: input.grantedScopes, organization: org, lifetimeDays, policy }, { scopes: "grantedScopes" });
      const first = await tx.accessRequest.updateMany({
        where: { id: request.id, status: "pending" },
        data: {
          status: "awaiting_second_approval",
          firstApprovedById: admin.id,
          firstApprovedAt: new Date(),
          proposal: JSON.stringify({ grantedScopes: input.grantedScopes, expiry: input.expiry ?? null, note: input.note || "" }),
        },
      });
      if (first.count !== 1) throw new ServiceError("conflict", "review.errors.alreadyDecided");
      const requestedScopes = parseScopes(request.requestedScopes);
      const differs = requestedScopes.length !== input.grantedScopes.length || requestedScopes.some((s) => !(input.grantedScopes as string[]).includes(s));
      await recordRequestEvent(tx, { requestId: request.id, kind: "first_approval", actorId: admin.id, actorRole: "admin", body: input.note || null, changes: differs ? { granted: input.grantedScopes } : {} });
      await recordAudit(tx, {
        action: "request.first_approval",
        actor: actorOf(admin),
        organizationId: request.organizationId,
        target: { type: "request", id: request.id },
        metadata: { grantedScopes: input.grantedScopes, expiry: input.expiry ?? null, rule: needsSecond },
        ip,
      });
      await notifySecondApprovalNeeded(tx, { requestId: request.id }, admin);
      return { keyId: null, awaitingSecondApproval: true };
    }
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
    if (updated.count !== 1) throw new ServiceError("conflict", "review.errors.alreadyStatus", undefined, undefined, { status: (await tx.accessRequest.findUnique({ where: { id: request.id }, select: { status: true } }))?.status ?? "decided" });
    // The key policy decides what can be granted, not the checklist: a grant beyond it
    // (say payments:write on a webhook key) throws here and the whole approval rolls back.
    const key = await issueRequestKey(tx, request, {
      scopes: input.grantedScopes,
      lifetimeDays: input.expiry === undefined ? undefined : expiryDays(input.expiry),
      createdById: admin.id,
    });
    const requested = parseScopes(request.requestedScopes);
    const fewer = requested.length !== input.grantedScopes.length || requested.some((s) => !(input.grantedScopes as string[]).includes(s));
    await recordRequestEvent(tx, { requestId: request.id, kind: "approved", actorId: admin.id, actorRole: "admin", body: input.note || null, changes: fewer ? { granted: input.grantedScopes } : {} });
    await recordKeyIssued(tx, { request, admin, key, granted: input.grantedScopes, ip });
    return { keyId: key.id };
  });
}

/**
 * What every approval that creates a key writes with it, in its transaction: the
 * request.approved and key.issued audit events and the organisation's notification.
 */
async function recordKeyIssued(
  tx: Tx,
  args: {
    request: { id: string; organizationId: string; keyName: string; requestedScopes: string };
    /** Null: the system approved it (an instant sandbox key). */
    admin: CurrentUser | null;
    key: { id: string; environment: string; type: string; expiresAt: Date | null };
    granted: string[];
    ip: string | null;
    /** The two-person rule's trace, or the instant rule's, when that is how the key came. */
    approval?: { firstApprovedById: string | null; secondApproval: true } | { approvedBy: "system"; rule: "instant_sandbox" };
  },
) {
  const { request, admin, key, granted, ip } = args;
  const actor = admin ? actorOf(admin) : null;
  await recordAudit(tx, {
    action: "request.approved",
    actor,
    organizationId: request.organizationId,
    target: { type: "request", id: request.id },
    metadata: { requestedScopes: parseScopes(request.requestedScopes), grantedScopes: granted, expiresAt: key.expiresAt?.toISOString() ?? null, ...args.approval },
    ip,
  });
  await recordAudit(tx, {
    action: "key.issued",
    actor,
    organizationId: request.organizationId,
    target: { type: "key", id: key.id },
    metadata: { requestId: request.id, scopes: granted, environment: key.environment, type: key.type },
    ip,
  });
  await notifyApproved(tx, request, granted, key);
}

/** Tells the organisation's owners and developers, in the approval's transaction. */
async function notifyApproved(tx: Tx, request: { organizationId: string; keyName: string; requestedScopes: string }, granted: string[], key: { id: string; expiresAt: Date | null }) {
  const org = await tx.organization.findUniqueOrThrow({ where: { id: request.organizationId }, select: { legalName: true } });
  await notify(tx, await organizationRecipients(tx, request.organizationId), "request_approved", {
    organizationName: org.legalName,
    keyName: request.keyName,
    requestedScopes: scopeList(parseScopes(request.requestedScopes)),
    grantedScopes: scopeList(granted),
    expiresAt: key.expiresAt ? utcMinute(key.expiresAt) : "never",
    keyPath: `/keys/${key.id}`,
  });
}

/**
 * A second, different admin confirms the grant another admin proposed under the
 * two-person rule: only now does the key exist. The first admin cannot confirm their own.
 */
export async function confirmAccessRequest(requestId: string, admin: CurrentUser, ip: string | null) {
  return db.$transaction(async (tx) => {
    const request = await tx.accessRequest.findUnique({ where: { id: requestId } });
    if (!request) throw notFound();
    if (request.status !== "awaiting_second_approval" || !request.firstApprovedById) throw new ServiceError("conflict", "review.errors.alreadyStatus", undefined, undefined, { status: request.status });
    if (request.firstApprovedById === admin.id) throw new ServiceError("forbidden", "review.errors.ownFirstApproval");
    const proposal = JSON.parse(request.proposal ?? "{}") as { grantedScopes: string[]; expiry: string | null; note: string };
    const updated = await tx.accessRequest.updateMany({
      where: { id: request.id, status: "awaiting_second_approval", firstApprovedById: request.firstApprovedById },
      data: { status: "approved", decidedById: admin.id, decidedAt: new Date(), decisionNote: proposal.note || null, grantedScopes: serializeScopes(proposal.grantedScopes) },
    });
    if (updated.count !== 1) throw new ServiceError("conflict", "review.errors.alreadyDecided");
    const key = await issueRequestKey(tx, request, {
      scopes: proposal.grantedScopes,
      lifetimeDays: proposal.expiry === null ? undefined : expiryDays(proposal.expiry),
      createdById: admin.id,
    });
    await recordRequestEvent(tx, { requestId: request.id, kind: "approved", actorId: admin.id, actorRole: "admin", body: "Confirmed the first approval (two-person rule)." });
    await recordKeyIssued(tx, { request, admin, key, granted: proposal.grantedScopes, ip, approval: { firstApprovedById: request.firstApprovedById, secondApproval: true } });
    return { keyId: key.id };
  });
}

export async function rejectAccessRequest(input: z.output<typeof rejectRequestSchema>, admin: CurrentUser, ip: string | null) {
  await db.$transaction(async (tx) => {
    const request = await tx.accessRequest.findUnique({ where: { id: input.requestId }, select: { id: true, organizationId: true, status: true, keyName: true, organization: { select: { legalName: true } } } });
    if (!request) throw notFound();
    const updated = await tx.accessRequest.updateMany({
      // A grant waiting for its second admin can still be rejected (by either admin).
      where: { id: request.id, status: { in: ["pending", "awaiting_second_approval"] } },
      data: { status: "rejected", decidedById: admin.id, decidedAt: new Date(), decisionNote: input.reason },
    });
    if (updated.count !== 1) throw new ServiceError("conflict", "review.errors.alreadyStatus", undefined, undefined, { status: request.status });
    await recordRequestEvent(tx, { requestId: request.id, kind: "rejected", actorId: admin.id, actorRole: "admin", body: input.reason });
    await recordAudit(tx, {
      action: "request.rejected",
      actor: actorOf(admin),
      organizationId: request.organizationId,
      target: { type: "request", id: request.id },
      metadata: { reason: input.reason },
      ip,
    });
    await notify(tx, await organizationRecipients(tx, request.organizationId), "request_rejected", {
      organizationName: request.organization.legalName,
      keyName: request.keyName,
      reason: input.reason,
      requestPath: `/requests/${request.id}`,
    });
  });
}

/**
 * An admin sends a pending request back to its partner with a message instead of deciding.
 * Conditional on "pending", like a decision, so it races safely with approvals, rejections,
 * other admins' messages and the partner's withdrawal: exactly one of them wins.
 */
export async function requestChanges(input: z.output<typeof requestChangesSchema>, admin: CurrentUser, ip: string | null) {
  await db.$transaction(async (tx) => {
    const request = await tx.accessRequest.findUnique({ where: { id: input.requestId }, select: { id: true, organizationId: true, status: true } });
    if (!request) throw notFound();
    const rounds = await tx.requestEvent.count({ where: { requestId: request.id, kind: "changes_requested" } });
    if (rounds >= MAX_CHANGE_ROUNDS) {
      throw new ServiceError("invalid", "review.errors.tooManyRounds", undefined, undefined, { rounds });
    }
    const updated = await tx.accessRequest.updateMany({ where: { id: request.id, status: "pending" }, data: { status: "changes_requested" } });
    if (updated.count !== 1) throw new ServiceError("conflict", "review.errors.alreadyStatus", undefined, undefined, { status: request.status });
    await recordRequestEvent(tx, { requestId: request.id, kind: "changes_requested", actorId: admin.id, actorRole: "admin", body: input.message });
    await recordAudit(tx, {
      action: "request.changes_requested",
      actor: actorOf(admin),
      organizationId: request.organizationId,
      target: { type: "request", id: request.id },
      metadata: { round: rounds + 1 },
      ip,
    });
    await notifyChangesRequested(tx, { requestId: request.id, message: input.message });
  });
}

/**
 * The partner's edit of a request COPA sent back: new use case, scopes and justifications
 * (checked like a new request, against the key policy and the organisation's other open
 * requests), then back in the queue as pending. Its place in the queue is its original
 * submission time: a partner who answers is not sent to the back.
 */
export async function resubmitAccessRequest(input: ResubmitRequestData, user: PartnerUser, ip: string | null) {
  const orgId = user.membership.organizationId;
  const edit = input.request;
  return db.$transaction(async (tx) => {
    // The organisation's row lock, as in submitAccessRequest: serialises this with other
    // submissions so the duplicate check below holds.
    const open = await tx.$executeRaw`UPDATE "Organization" SET "suspendedAt" = NULL WHERE "id" = ${orgId} AND "suspendedAt" IS NULL`;
    if (open !== 1) throw new ServiceError("forbidden", SUSPENDED);
    const request = await tx.accessRequest.findFirst({ where: { id: input.requestId, organizationId: orgId } });
    if (!request) throw notFound();
    if (request.status !== "changes_requested") {
      throw new ServiceError("conflict", request.status === "pending" ? "review.errors.alreadyBack" : "review.errors.notEditable", undefined, undefined, { status: request.status });
    }
    if (edit.keyName !== request.keyName || edit.keyType !== request.keyType || edit.environment !== request.environment) {
      throw new ServiceError("invalid", "review.errors.fixedFields");
    }
    const org = await tx.organization.findUniqueOrThrow({ where: { id: orgId }, select: { copaRun: true } });
    assertKeyPolicy({ type: request.keyType as KeyType, environment: request.environment as Environment, scopes: edit.scopes, organization: org, policy: await getKeyPolicy(tx) });
    const requestedScopes = serializeScopes(edit.scopes);
    const identical = await tx.accessRequest.findFirst({
      where: { organizationId: orgId, id: { not: request.id }, status: { in: OPEN_STATUSES }, keyName: request.keyName, keyType: request.keyType, environment: request.environment, requestedScopes },
      select: { id: true },
    });
    if (identical) {
      throw new ServiceError("conflict", "review.errors.duplicateOpen", undefined, { type: "request", id: identical.id }, { id: identical.id });
    }
    const changes = diffRequest(
      { useCase: request.useCase, scopes: parseScopes(request.requestedScopes), justifications: parseJustifications(request.justifications) },
      { useCase: edit.useCase, scopes: edit.scopes, justifications: edit.justifications },
    );
    if (isEmptyChange(changes) && !input.message) {
      throw new ServiceError("invalid", "review.errors.nothingChanged", { form: "review.errors.nothingChangedShort" });
    }
    const updated = await tx.accessRequest.updateMany({
      where: { id: request.id, organizationId: orgId, status: "changes_requested" },
      data: { status: "pending", useCase: edit.useCase, requestedScopes, justifications: JSON.stringify(edit.justifications) },
    });
    if (updated.count !== 1) throw new ServiceError("conflict", "review.errors.changedMeanwhile");
    await recordRequestEvent(tx, { requestId: request.id, kind: "resubmitted", actorId: user.id, actorRole: "partner", body: input.message || null, changes });
    await recordAudit(tx, {
      action: "request.resubmitted",
      actor: actorOf(user),
      organizationId: orgId,
      target: { type: "request", id: request.id },
      metadata: { scopes: edit.scopes, addedScopes: changes.scopes?.added ?? [], removedScopes: changes.scopes?.removed ?? [], useCaseChanged: !!changes.useCase },
      ip,
    });
    await notifyRequestResubmitted(tx, { requestId: request.id });
    return { id: request.id };
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
      firstApprovedById: true,
      firstApprovedAt: true,
      proposal: true,
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
