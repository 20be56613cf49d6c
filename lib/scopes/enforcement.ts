// The endpoint -> scope map that /api/v1 enforces, derived from the catalogue.
import { SCOPES, type HttpMethod, type ScopeId } from "./catalog";

export type EndpointKey = `${HttpMethod} ${string}`;

/** "GET /cooperatives/{id}" -> "cooperatives:read". Every endpoint needs exactly one scope. */
export const ENDPOINT_SCOPES: ReadonlyMap<string, ScopeId> = new Map(
  SCOPES.flatMap((scope) => scope.endpoints.map((e) => [`${e.method} ${e.path}`, scope.id] as const)),
);

export function requiredScope(method: string, path: string): ScopeId | undefined {
  return ENDPOINT_SCOPES.get(`${method.toUpperCase()} ${path}`);
}

/** A key's scope string ("a b c") holds `scope`. */
export function hasScope(granted: readonly string[], scope: string): boolean {
  return granted.includes(scope);
}

export function parseScopes(value: string | null | undefined): string[] {
  return (value ?? "").split(/\s+/).filter(Boolean);
}

export function serializeScopes(scopes: readonly string[]): string {
  const order = new Map<string, number>(SCOPES.map((s, i) => [s.id, i]));
  return [...new Set(scopes)].sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99)).join(" ");
}

/**
 * The smallest set of scopes that covers the chosen endpoints. Every endpoint maps to
 * exactly one scope, so the minimum is the set of their scopes.
 */
export function minimalScopesFor(endpoints: readonly string[]): ScopeId[] {
  const needed = new Set<ScopeId>();
  for (const endpoint of endpoints) {
    const scope = ENDPOINT_SCOPES.get(endpoint);
    if (scope) needed.add(scope);
  }
  return SCOPES.map((s) => s.id).filter((id) => needed.has(id));
}
