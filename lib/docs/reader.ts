// What the docs may personalise for a signed-in reader: the organisation's name and its
// sandbox keys by name and mask. Never a full key (the portal cannot produce one after the
// reveal anyway) and nothing of another organisation: the query is scoped by the session's
// organisation id, re-read from the database by getCurrentUser.
import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { listOrganizationKeys } from "@/lib/keys/service";
import { keyState } from "@/lib/keys/status";
import { parseScopes } from "@/lib/scopes/enforcement";

export type ReaderKey = { id: string; name: string; mask: string; type: string; scopes: string[] };

export type DocsReader =
  | { kind: "anonymous" }
  | { kind: "no-organization" }
  | { kind: "member"; organizationName: string; activeSandboxKeys: ReaderKey[]; unrevealedSandboxKeys: number };

export async function getDocsReader(): Promise<DocsReader> {
  // A failing session lookup must not take the public docs down: read as anonymous.
  const user = await getCurrentUser().catch(() => null);
  if (!user) return { kind: "anonymous" };
  if (!user.membership) return { kind: "no-organization" };
  const keys = await listOrganizationKeys(user.membership.organizationId);
  const now = new Date();
  const sandbox = keys.filter((k) => k.environment === "sandbox");
  return {
    kind: "member",
    organizationName: user.membership.organization.legalName,
    activeSandboxKeys: sandbox
      .filter((k) => keyState(k, now) === "active" && k.mask)
      .map((k) => ({ id: k.id, name: k.name, mask: k.mask!, type: k.type, scopes: parseScopes(k.scopes) })),
    unrevealedSandboxKeys: sandbox.filter((k) => keyState(k, now) === "pending").length,
  };
}
