// The review workflow's notifications (issue 11's call sites): each reads what it needs
// by id inside the caller's transaction and calls notify().
import type { Tx } from "@/lib/db";
import { parseScopes } from "@/lib/scopes/enforcement";
import { adminRecipients, notify, organizationRecipients, scopeList } from "./index";

/** Owners and developers: COPA sent the request back with a message. */
export async function notifyChangesRequested(tx: Tx, ref: { requestId: string; message: string }) {
  const r = await tx.accessRequest.findUniqueOrThrow({ where: { id: ref.requestId }, select: { id: true, keyName: true, organizationId: true, organization: { select: { legalName: true } } } });
  await notify(tx, await organizationRecipients(tx, r.organizationId), "request_changes_requested", {
    organizationName: r.organization.legalName,
    keyName: r.keyName,
    message: ref.message,
    requestPath: `/requests/${r.id}`,
  });
}

/** Admins: the partner sent an edited request back. */
export async function notifyRequestResubmitted(tx: Tx, ref: { requestId: string }) {
  const r = await tx.accessRequest.findUniqueOrThrow({ where: { id: ref.requestId }, select: { id: true, keyName: true, requestedScopes: true, organization: { select: { legalName: true } } } });
  await notify(tx, await adminRecipients(tx), "request_resubmitted", {
    organizationName: r.organization.legalName,
    keyName: r.keyName,
    scopes: scopeList(parseScopes(r.requestedScopes)),
    requestPath: `/admin/requests/${r.id}`,
  });
}

/** Every other admin: a first approval waits for a second, different admin. */
export async function notifySecondApprovalNeeded(tx: Tx, ref: { requestId: string } | { scopeChangeId: string }, firstApprover: { id: string; email: string }) {
  if ("requestId" in ref) {
    const r = await tx.accessRequest.findUniqueOrThrow({ where: { id: ref.requestId }, select: { id: true, keyName: true, organization: { select: { legalName: true } } } });
    await notify(tx, await adminRecipients(tx, firstApprover.id), "second_approval_needed", {
      organizationName: r.organization.legalName,
      keyName: r.keyName,
      firstApprover: firstApprover.email,
      path: `/admin/requests/${r.id}`,
    });
    return;
  }
  const c = await tx.scopeChange.findUniqueOrThrow({ where: { id: ref.scopeChangeId }, select: { keyId: true, addScopes: true, key: { select: { name: true, organization: { select: { legalName: true } } } } } });
  await notify(tx, await adminRecipients(tx, firstApprover.id), "second_approval_needed", {
    organizationName: c.key.organization.legalName,
    keyName: c.key.name,
    scopes: scopeList(parseScopes(c.addScopes)),
    firstApprover: firstApprover.email,
    path: `/admin/keys/${c.keyId}`,
  });
}

/** Admins: a partner asks for more scopes on a live key. */
export async function notifyScopeChangeRequested(tx: Tx, ref: { changeId: string }) {
  const c = await tx.scopeChange.findUniqueOrThrow({ where: { id: ref.changeId }, select: { keyId: true, addScopes: true, reason: true, key: { select: { name: true, organization: { select: { legalName: true } } } } } });
  await notify(tx, await adminRecipients(tx), "scope_change_requested", {
    organizationName: c.key.organization.legalName,
    keyName: c.key.name,
    add: scopeList(parseScopes(c.addScopes)),
    reason: c.reason,
    path: `/admin/keys/${c.keyId}`,
  });
}

/** Owners and developers: COPA approved or rejected a scope change. */
export async function notifyScopeChangeDecided(tx: Tx, ref: { changeId: string }) {
  const c = await tx.scopeChange.findUniqueOrThrow({
    where: { id: ref.changeId },
    select: { keyId: true, organizationId: true, status: true, addScopes: true, decisionNote: true, key: { select: { name: true, organization: { select: { legalName: true } } } } },
  });
  if (c.status !== "approved" && c.status !== "rejected") return;
  await notify(tx, await organizationRecipients(tx, c.organizationId), "scope_change_decided", {
    organizationName: c.key.organization.legalName,
    keyName: c.key.name,
    decision: c.status,
    add: scopeList(parseScopes(c.addScopes)),
    note: c.decisionNote || "none", // put into the reader's language when rendered
    keyPath: `/keys/${c.keyId}`,
  });
}
