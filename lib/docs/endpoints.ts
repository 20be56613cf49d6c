// The endpoint table the docs render (scope sections, the picker, the overview), derived
// from the scope catalogue. lib/docs/endpoints.test.ts proves it equals the map /api/v1
// enforces (ENDPOINT_SCOPES) in both directions, so the docs cannot promise an endpoint a
// scope does not open, nor leave one out.
import { SCOPES, type HttpMethod, type Scope, type ScopeEndpoint, type ScopeId } from "@/lib/scopes/catalog";

export type DocsEndpoint = {
  /** "GET /cooperatives/{id}": the key ENDPOINT_SCOPES and minimalScopesFor use. */
  key: string;
  method: HttpMethod;
  path: string;
  summary: string;
  production: ScopeEndpoint["production"];
  scope: ScopeId;
  resource: Scope["resource"];
};

export const DOCS_ENDPOINTS: readonly DocsEndpoint[] = SCOPES.flatMap((scope) =>
  scope.endpoints.map(
    (e): DocsEndpoint => ({
      key: `${e.method} ${e.path}`,
      method: e.method,
      path: e.path,
      summary: e.summary,
      production: e.production,
      scope: scope.id,
      resource: scope.resource,
    }),
  ),
);

export function endpointsOfScope(scope: string): DocsEndpoint[] {
  return DOCS_ENDPOINTS.filter((e) => e.scope === scope);
}

/** Resources in catalogue order, each with its scopes and endpoints (its name: scopes.resources.<resource>). */
export function resourcesInOrder(): { resource: Scope["resource"]; scopes: Scope[]; endpoints: DocsEndpoint[] }[] {
  const order = [...new Set(SCOPES.map((s) => s.resource))];
  return order.map((resource) => ({
    resource,
    scopes: SCOPES.filter((s) => s.resource === resource),
    endpoints: DOCS_ENDPOINTS.filter((e) => e.resource === resource),
  }));
}
