// The admin lists' query-string filters. Parsed leniently: a hand-edited or stale URL
// falls back to "no filter" instead of an error page. Pure; shared by pages and queries.
import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit";
import { ENVIRONMENT_IDS } from "@/lib/keys/key-types";
import { PAGE_SIZE, parsePage } from "@/lib/paging";

export { PAGE_SIZE };
export const AUDIT_PAGE_SIZE = 50;

type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a query parameter, trimmed; empty means absent. */
function first(value: string | string[] | undefined): string | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  return v ? v : undefined;
}

// The shared lenient rule (lib/paging): a bad ?page= is page 1, never an error page.
const page = z.string().optional().transform((v) => parsePage(v));
const uuid = z.string().uuid().optional().catch(undefined);
const text = z.string().max(200).optional().catch(undefined);

export const REQUEST_STATUSES = ["pending", "changes_requested", "approved", "rejected", "withdrawn"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

const requestFiltersSchema = z.object({
  status: z.enum(REQUEST_STATUSES).optional().catch(undefined),
  org: uuid,
  page,
});
export type RequestFilters = z.output<typeof requestFiltersSchema>;

export const KEY_STATES = ["pending", "active", "expired", "revoked"] as const;

const keyFiltersSchema = z.object({
  state: z.enum(KEY_STATES).optional().catch(undefined),
  env: z.enum(ENVIRONMENT_IDS).optional().catch(undefined),
  org: uuid,
  page,
});
export type KeyFilters = z.output<typeof keyFiltersSchema>;

const organizationFiltersSchema = z.object({
  q: text,
  status: z.enum(["active", "suspended"]).optional().catch(undefined),
  page,
});
export type OrganizationFilters = z.output<typeof organizationFiltersSchema>;

const userFiltersSchema = z.object({
  q: text,
  role: z.enum(["partner", "admin"]).optional().catch(undefined),
  status: z.enum(["active", "disabled"]).optional().catch(undefined),
  page,
});
export type UserFilters = z.output<typeof userFiltersSchema>;

const auditFiltersSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  org: uuid,
  // E-mails are stored lower-case; match them the same way on every database.
  actor: z.string().max(254).toLowerCase().optional().catch(undefined),
  target: uuid,
  /** Cursor: show events older than this event id. */
  after: uuid,
  /** Cursor: show events newer than this event id. */
  before: uuid,
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

function parseWith<S extends z.ZodType>(schema: S, params: SearchParams): z.output<S> {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, first(v)]));
  return schema.parse(flat);
}

export const parseRequestFilters = (p: SearchParams) => parseWith(requestFiltersSchema, p);
export const parseKeyFilters = (p: SearchParams) => parseWith(keyFiltersSchema, p);
export const parseOrganizationFilters = (p: SearchParams) => parseWith(organizationFiltersSchema, p);
export const parseUserFilters = (p: SearchParams) => parseWith(userFiltersSchema, p);
export const parseAuditFilters = (p: SearchParams) => parseWith(auditFiltersSchema, p);

/** Builds a list URL from filters, dropping empty values, so links keep the other filters. */
export function hrefWith(path: string, params: Record<string, string | number | undefined | null>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === "" || (k === "page" && Number(v) === 1)) continue;
    qs.set(k, String(v));
  }
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}
