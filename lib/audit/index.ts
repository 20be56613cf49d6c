// Audit events: typed `noun.verb` names, written with the state change they describe, in
// the same transaction. Metadata never carries secrets (keys, hashes, passwords).
import type { Tx } from "@/lib/db";

export const AUDIT_ACTIONS = [
  "user.signed_up",
  "user.signed_in",
  "user.signed_out",
  "session.ended",
  "auth.sign_in_failed",
  "auth.sign_up_refused",
  "auth.throttled",
  "user.sessions_revoked",
  "user.password_changed",
  "user.password_reset",
  "user.email_verified",
  "user.disabled",
  "user.enabled",
  "user.role_changed",
  "user.two_factor_enrolled",
  "user.two_factor_disabled",
  "user.recovery_code_used",
  "auth.step_up",
  "organization.created",
  "organization.updated",
  "organization.suspended",
  "organization.reactivated",
  "organization.copa_run_granted",
  "organization.copa_run_revoked",
  "member.added",
  "member.role_changed",
  "member.removed",
  "member.left",
  "invitation.created",
  "invitation.resent",
  "invitation.revoked",
  "request.submitted",
  "request.withdrawn",
  "request.approved",
  "request.rejected",
  "request.changes_requested",
  "request.first_approval",
  "review_settings.changed",
  "key_policy.changed",
  "key.scope_change_first_approval",
  "request.resubmitted",
  "key.issued",
  "key.rotated",
  "key.revoked",
  "key.limits_changed",
  "key.scope_change_requested",
  "key.scope_change_approved",
  "key.scope_change_rejected",
  "key.scope_change_withdrawn",
  "key.scopes_changed",
  "key.leak_reported",
  "leak_settings.changed",
  "key.renamed",
  "key.ip_allowlist_changed",
  "key.grace_ended",
  "gateway_credential.issued",
  "gateway_credential.revoked",
  "audit.exported",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditActor = { id: string; email: string } | null;

export type AuditInput = {
  action: AuditAction;
  actor: AuditActor;
  organizationId?: string | null;
  target?: { type: "user" | "organization" | "request" | "key" | "membership" | "gateway_credential" | "session" | "invitation"; id: string };
  metadata?: Record<string, string | number | boolean | null | string[]>;
  ip?: string | null;
};

const SECRET_LIKE = /sk_copa_[a-z]+_[a-z0-9]{32}|gw_copa_[a-z0-9]{32}/;

export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const metadata = JSON.stringify(input.metadata ?? {});
  // Defence in depth: a full key must never reach the audit trail.
  if (SECRET_LIKE.test(metadata)) throw new Error("recordAudit: metadata contains a secret");
  await tx.auditEvent.create({
    data: {
      action: input.action,
      actorId: input.actor?.id ?? null,
      actorEmail: input.actor?.email ?? null,
      organizationId: input.organizationId ?? null,
      targetType: input.target?.type ?? null,
      targetId: input.target?.id ?? null,
      metadata,
      ip: input.ip ?? null,
    },
  });
}
