// THE scope catalogue. The request form, the admin checklist, the /api/v1 enforcement map,
// the verification service, the OpenAPI document and the docs all derive from this list,
// so what partners read is what the API enforces. Pure data: safe on client and server.

import type { KeyType } from "@/lib/keys/key-types";

export type ScopeAccess = "read" | "write" | "receive";
export type ScopeRisk = "low" | "medium" | "high";
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export type ScopeEndpoint = {
  method: HttpMethod;
  /** Path under /api/v1, with {id} placeholders, as the contract writes it. */
  path: string;
  summary: string;
  /** Whether COPA's production API serves it yet; the portal's sandbox serves them all. */
  production: "live" | "announced";
};

export type Scope = {
  id: string;
  resource: "cooperatives" | "members" | "loans" | "payments" | "webhooks";
  access: ScopeAccess;
  title: string;
  /** Plain-language meaning, one sentence. */
  description: string;
  /** The data a key with this scope can see or change. */
  data: string[];
  endpoints: ScopeEndpoint[];
  risk: ScopeRisk;
  /**
   * Key types that may hold this scope. Enforced, not a hint: lib/keys/policy.ts derives
   * each type's allowed scopes from this list (and its test fails if a type is listed on
   * a scope whose access level the type's rule forbids, e.g. mobile on a write scope).
   */
  keyTypes: KeyType[];
  /** Write-like scopes must be justified by the applicant. */
  requiresJustification: boolean;
  /** Part of the pair most integrations need. */
  recommended: boolean;
};


export const SCOPES = [
  {
    id: "cooperatives:read",
    resource: "cooperatives",
    access: "read",
    title: "Read cooperatives",
    description: "See registered cooperatives: identity, location, activity and member count.",
    data: ["id", "code", "name", "province", "district", "sector", "cell", "activity", "programme", "member_count", "created_at"],
    endpoints: [
      { method: "GET", path: "/cooperatives", summary: "List cooperatives (filter by province, district, sector, activity)", production: "live" },
      { method: "GET", path: "/cooperatives/{id}", summary: "Get one cooperative", production: "live" },
    ],
    risk: "low",
    keyTypes: ["partner", "mobile", "system"],
    requiresJustification: false,
    recommended: true,
  },
  {
    id: "cooperatives:write",
    resource: "cooperatives",
    access: "write",
    title: "Create and update cooperatives",
    description: "Register new cooperatives and change existing cooperative records.",
    data: ["code", "name", "province", "district", "sector", "cell", "activity", "programme"],
    endpoints: [
      { method: "POST", path: "/cooperatives", summary: "Create a cooperative", production: "live" },
      { method: "PUT", path: "/cooperatives/{id}", summary: "Update a cooperative", production: "live" },
    ],
    risk: "high",
    keyTypes: ["partner", "system"],
    requiresJustification: true,
    recommended: false,
  },
  {
    id: "members:read",
    resource: "members",
    access: "read",
    title: "Read members",
    description: "See cooperative members: names, gender, phone, masked national id, membership status.",
    data: ["id", "cooperative_id", "first_name", "last_name", "gender", "phone", "national_id (masked)", "joined_at", "status"],
    endpoints: [
      { method: "GET", path: "/members", summary: "List members (filter by cooperative, gender, status)", production: "live" },
      { method: "GET", path: "/members/{id}", summary: "Get one member", production: "live" },
      { method: "GET", path: "/cooperatives/{id}/members", summary: "List one cooperative's members", production: "live" },
    ],
    risk: "medium",
    keyTypes: ["partner", "mobile", "system"],
    requiresJustification: false,
    recommended: true,
  },
  {
    id: "members:write",
    resource: "members",
    access: "write",
    title: "Create and update members",
    description: "Add members to cooperatives and change member records, including personal data.",
    data: ["cooperative_id", "first_name", "last_name", "gender", "phone", "joined_at", "status"],
    endpoints: [
      { method: "POST", path: "/members", summary: "Create a member", production: "live" },
      { method: "PUT", path: "/members/{id}", summary: "Update a member", production: "live" },
    ],
    risk: "high",
    keyTypes: ["partner", "system"],
    requiresJustification: true,
    recommended: false,
  },
  {
    id: "loans:read",
    resource: "loans",
    access: "read",
    title: "Read loans",
    description: "See loans held by cooperatives and their members: amounts, rates, terms and status.",
    data: ["id", "cooperative_id", "member_id", "principal", "currency", "interest_rate", "term_months", "status", "purpose", "created_at"],
    endpoints: [{ method: "GET", path: "/loans", summary: "List loans (filter by cooperative, member, status)", production: "announced" }],
    risk: "medium",
    keyTypes: ["partner", "system"],
    requiresJustification: false,
    recommended: false,
  },
  {
    id: "loans:write",
    resource: "loans",
    access: "write",
    title: "Create and update loans",
    description: "Record loans for cooperatives and members.",
    data: ["cooperative_id", "member_id", "principal", "interest_rate", "term_months", "status", "purpose"],
    endpoints: [{ method: "POST", path: "/loans", summary: "Create a loan", production: "announced" }],
    risk: "high",
    keyTypes: ["partner", "system"],
    requiresJustification: true,
    recommended: false,
  },
  {
    id: "payments:read",
    resource: "payments",
    access: "read",
    title: "Read payments",
    description: "See payments made by cooperatives and members: amounts, methods and references.",
    data: ["id", "cooperative_id", "member_id", "loan_id", "amount", "currency", "method", "reference", "paid_at"],
    endpoints: [{ method: "GET", path: "/payments", summary: "List payments (filter by cooperative, member, loan, method)", production: "announced" }],
    risk: "high",
    keyTypes: ["partner", "system"],
    requiresJustification: false,
    recommended: false,
  },
  {
    id: "payments:write",
    resource: "payments",
    access: "write",
    title: "Create and update payments",
    description: "Record payments against cooperatives, members and loans.",
    data: ["cooperative_id", "member_id", "loan_id", "amount", "method", "reference", "paid_at"],
    endpoints: [{ method: "POST", path: "/payments", summary: "Record a payment", production: "announced" }],
    risk: "high",
    keyTypes: ["partner", "system"],
    requiresJustification: true,
    recommended: false,
  },
  {
    id: "webhooks:receive",
    resource: "webhooks",
    access: "receive",
    title: "Receive webhook events",
    description: "Receive event deliveries from COPA at your own HTTPS endpoint when data changes.",
    data: ["event type", "resource id", "changed fields", "timestamp"],
    endpoints: [],
    risk: "medium",
    keyTypes: ["webhook"],
    requiresJustification: true,
    recommended: false,
  },
] as const satisfies readonly Scope[];

export type ScopeId = (typeof SCOPES)[number]["id"];

export const SCOPE_IDS = SCOPES.map((s) => s.id) as [ScopeId, ...ScopeId[]];

export const RECOMMENDED_SCOPES: ScopeId[] = SCOPES.filter((s) => s.recommended).map((s) => s.id);

const byId = new Map<string, Scope>(SCOPES.map((s) => [s.id, s]));

export function getScope(id: string): Scope | undefined {
  return byId.get(id);
}

export function isScopeId(id: string): id is ScopeId {
  return byId.has(id);
}

/** The docs anchor of a scope: members:read -> members-read. */
export function scopeAnchor(id: string): string {
  return id.replace(":", "-");
}

export function scopeRequiresJustification(id: string): boolean {
  return byId.get(id)?.requiresJustification ?? false;
}

