// What the docs may personalise for a signed-in reader: the organisation's name and its
// sandbox keys by name and mask. Never a full key (the portal cannot produce one after the
// reveal anyway) and nothing of another organisation: the query is scoped by the session's
// organisation id, re-read from the database by getCurrentUser.
import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import { countKeysAwaitingReveal, listActiveSandboxKeys } from "@/lib/keys/service";
import { parseScopes } from "@/lib/scopes/enforcement";

export type ReaderKey = { id: string; name: string; mask: string; type: string; scopes: string[] };

export type DocsReader =
  | { kind: "anonymous" }
  | { kind: "no-organization" }
  | { kind: "member"; organizationName: string; activeSandboxKeys: ReaderKey[]; activeSandboxKeyCount: number; unrevealedSandboxKeys: number };

/** The docs list a few keys by mask; an organisation with hundreds gets a link to its keys page. */
export const READER_KEY_LIMIT = 5;

export async function getDocsReader(): Promise<DocsReader> {
  // A failing session lookup must not take the public docs down: read as anonymous.
  const user = await getCurrentUser().catch(() => null);
  if (!user) return { kind: "anonymous" };
  if (!user.membership) return { kind: "no-organization" };
  const orgId = user.membership.organizationId;
  const [active, unrevealed] = await Promise.all([listActiveSandboxKeys(orgId, READER_KEY_LIMIT), countKeysAwaitingReveal(orgId, "sandbox")]);
  return {
    kind: "member",
    organizationName: user.membership.organization.legalName,
    activeSandboxKeys: active.rows.map((k) => ({ id: k.id, name: k.name, mask: k.mask!, type: k.type, scopes: parseScopes(k.scopes) })),
    activeSandboxKeyCount: active.total,
    unrevealedSandboxKeys: unrevealed,
  };
}
