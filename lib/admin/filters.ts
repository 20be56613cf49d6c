// The admin lists' query-string filters. Parsed leniently: a hand-edited or stale URL
// falls back to "no filter" instead of an error page. Pure; shared by pages and queries.
import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit";
import { ENVIRONMENT_IDS, KEY_TYPE_IDS } from "@/lib/keys/key-types";
import { SCOPES } from "@/lib/scopes";
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

export const REQUEST_STATUSES = ["pending", "awaiting_second_approval", "changes_requested", "approved", "rejected", "withdrawn"] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

const DAY_MS = 86_400_000;

/**
 * How long a request has waited since it was submitted, in days: the queue's age filter
 * and the overview's age buckets share these ranges, so a bucket links to exactly its rows.
 * `min` inclusive, `max` exclusive (whole days); null is open-ended.
 */
export const AGE_RANGES = [
  { id: "0-1", min: 0, max: 1 },
  { id: "1-3", min: 1, max: 3 },
  { id: "3-7", min: 3, max: 7 },
  { id: "7-30", min: 7, max: 30 },
  { id: "30+", min: 30, max: null },
  { id: "1+", min: 1, max: null },
  { id: "3+", min: 3, max: null },
  { id: "7+", min: 7, max: null },
  { id: "0-30", min: 0, max: 30 },
] as const;
export type AgeRangeId = (typeof AGE_RANGES)[number]["id"];
/** The disjoint ranges, youngest first: the overview's age distribution. */
export const AGE_BUCKETS = ["0-1", "1-3", "3-7", "7-30", "30+"] as const satisfies readonly AgeRangeId[];
const AGE_IDS = AGE_RANGES.map((a) => a.id) as [AgeRangeId, ...AgeRangeId[]];

/** The createdAt window of an age range at `now`: older than min days, younger than max. */
export function ageWindow(id: AgeRangeId, now: Date): { lte: Date; gt?: Date } {
  const range = AGE_RANGES.find((a) => a.id === id)!;
  return { lte: new Date(now.getTime() - range.min * DAY_MS), ...(range.max === null ? {} : { gt: new Date(now.getTime() - range.max * DAY_MS) }) };
}

/** The message key of each age range (queue.age.*): keys cannot hold "+" or "-". */
const AGE_KEYS = { "0-1": "d0to1", "1-3": "d1to3", "3-7": "d3to7", "7-30": "d7to30", "30+": "over30", "1+": "over1", "3+": "over3", "7+": "over7", "0-30": "d0to30" } as const satisfies Record<AgeRangeId, string>;
export function ageKey<I extends AgeRangeId>(id: I): (typeof AGE_KEYS)[I] {
  return AGE_KEYS[id];
}

/** "Decided in the last N days": the overview's decision figures link to these. */
export const DECIDED_WITHIN = ["7", "30"] as const;

const SCOPE_IDS = SCOPES.map((s) => s.id) as [string, ...string[]];

const requestFiltersSchema = z.object({
  status: z.enum(REQUEST_STATUSES).optional().catch(undefined),
  org: uuid,
  type: z.enum(KEY_TYPE_IDS).optional().catch(undefined),
  env: z.enum(ENVIRONMENT_IDS).optional().catch(undefined),
  scope: z.enum(SCOPE_IDS).optional().catch(undefined),
  age: z.enum(AGE_IDS).optional().catch(undefined),
  decided: z.enum(DECIDED_WITHIN).optional().catch(undefined),
  page,
});
export type RequestFilters = z.output<typeof requestFiltersSchema>;

export const KEY_STATES = ["pending", "active", "expired", "revoked"] as const;

/** "Expires within the next N days" on the keys list: the overview's expiring-keys figure. */
export const EXPIRING_WITHIN = ["30"] as const;

const keyFiltersSchema = z.object({
  state: z.enum(KEY_STATES).optional().catch(undefined),
  env: z.enum(ENVIRONMENT_IDS).optional().catch(undefined),
  expiring: z.enum(EXPIRING_WITHIN).optional().catch(undefined),
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
