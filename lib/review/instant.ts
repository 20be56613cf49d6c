// Instant sandbox keys (issue 11): a sandbox request whose scopes are all read-only and
// within the policy's instant list is approved at once by the system, so a partner can
// call the sandbox minutes after signing up. Pure: the request service applies it inside
// the submission's transaction, with the policy it read there.
import type { Environment, KeyType } from "@/lib/keys/key-types";
import { READ_SCOPES, keyPolicyViolations, maxLifetimeDays, type EditableKeyPolicy } from "@/lib/keys/policy";
import { reviewSettingsOf, secondApprovalReason } from "./settings";

export function qualifiesForInstantSandboxKey(
  policy: EditableKeyPolicy,
  request: { type: KeyType; environment: Environment; scopes: readonly string[] },
  organization: { copaRun: boolean },
): boolean {
  if (!policy.instantSandbox.enabled || request.environment !== "sandbox" || request.scopes.length === 0) return false;
  // Read-only and on the instant list: never a write, a webhook receiver or anything else.
  if (!request.scopes.every((s) => (READ_SCOPES as string[]).includes(s) && (policy.instantSandbox.scopes as string[]).includes(s))) return false;
  // Within the whole policy, with the longest lifetime the key will get.
  const lifetimeDays = maxLifetimeDays(request.type, request.environment, policy);
  if (keyPolicyViolations({ ...request, organization, policy, lifetimeDays }).length > 0) return false;
  // A grant a two-person rule covers (a system key) always waits for two admins.
  return secondApprovalReason(reviewSettingsOf(policy), request) === null;
}
