// The scope picker's logic, kept pure so it is unit-tested apart from the UI: endpoints in,
// the smallest covering scope set out (minimalScopesFor, the same map /api/v1 enforces),
// plus what the applicant should know about that set and the link that pre-fills the
// request form.
import { KEY_TYPES, type KeyType } from "@/lib/keys/key-types";
import { SCOPES, getScope, type Scope, type ScopeId } from "@/lib/scopes/catalog";
import { minimalScopesFor } from "@/lib/scopes/enforcement";

/** Scopes that open no /api/v1 endpoint (webhooks:receive), offered as their own choice. */
export const ENDPOINTLESS_SCOPES: readonly Scope[] = SCOPES.filter((s) => s.endpoints.length === 0);

export type PickerResult = {
  scopes: ScopeId[];
  /** Key types that suit every chosen scope; empty when no single key can hold them all. */
  keyTypes: KeyType[];
  needsJustification: ScopeId[];
  /** Chosen scopes with an endpoint that COPA's production API has announced but not opened. */
  announcedInProduction: ScopeId[];
  highRisk: ScopeId[];
};

export function pickScopes(endpointKeys: readonly string[], extraScopes: readonly string[] = []): PickerResult {
  const chosen = new Set<string>([...minimalScopesFor(endpointKeys), ...extraScopes.filter((id) => getScope(id))]);
  // Catalogue order, so the result reads the same however the boxes were ticked.
  const scopes = SCOPES.filter((s) => chosen.has(s.id));
  const keyTypes = KEY_TYPES.map((t) => t.id).filter((type) => scopes.every((s) => (s.keyTypes as readonly string[]).includes(type)));
  return {
    scopes: scopes.map((s) => s.id),
    keyTypes: scopes.length ? keyTypes : [],
    needsJustification: scopes.filter((s) => s.requiresJustification).map((s) => s.id),
    announcedInProduction: scopes.filter((s) => s.endpoints.some((e) => e.production === "announced")).map((s) => s.id),
    highRisk: scopes.filter((s) => s.risk === "high").map((s) => s.id),
  };
}

/**
 * The request form's pre-fill link: /requests/new?scopes=a,b[&type=][&environment=].
 * Scope ids are catalogue constants (letters and one colon), so they are written as is:
 * the link stays readable and the form's URLSearchParams reads it unchanged.
 */
export function requestScopesHref(scopes: readonly string[], options: { type?: KeyType; environment?: "sandbox" | "production" } = {}): string {
  const parts = [`scopes=${scopes.filter((s) => getScope(s)).join(",")}`];
  if (options.type) parts.push(`type=${options.type}`);
  if (options.environment) parts.push(`environment=${options.environment}`);
  return `/requests/new?${parts.join("&")}`;
}
