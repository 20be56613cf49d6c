// The partner's keys and requests lists at scale: server paging with counts, a search by
// name or mask, and filters by status, type and environment, all from the URL (so a
// filtered page can be bookmarked, shared and reloaded). Parsed leniently like the admin
// lists: a stale or hand-edited URL means "no filter", never an error page. Every query
// is scoped to the caller's organisation in its where clause.
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { paged, pageWindow, parsePage } from "@/lib/paging";
import { REQUEST_STATUSES } from "@/lib/admin/filters";
import { requestListSelect } from "@/lib/requests/service";
import { containsAnyCase } from "@/lib/search";
import { ENVIRONMENT_IDS, KEY_TYPE_IDS } from "./key-types";
import { keyPublicSelect } from "./service";
import { keyStateWhere } from "./where";

type SearchParams = Record<string, string | string[] | undefined>;

export const KEY_LIST_STATES = ["active", "pending", "expired", "revoked"] as const;
export { REQUEST_STATUSES };

const first = (value: string | string[] | undefined) => {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  return v ? v : undefined;
};
const page = z.string().optional().transform((v) => parsePage(v));
const q = z.string().max(100).optional().catch(undefined);
const type = z.enum(KEY_TYPE_IDS).optional().catch(undefined);
const env = z.enum(ENVIRONMENT_IDS).optional().catch(undefined);

const keyListFiltersSchema = z.object({ q, status: z.enum(KEY_LIST_STATES).optional().catch(undefined), type, env, page });
const requestListFiltersSchema = z.object({ q, status: z.enum(REQUEST_STATUSES).optional().catch(undefined), type, env, page });

export type KeyListFilters = z.output<typeof keyListFiltersSchema>;
export type RequestListFilters = z.output<typeof requestListFiltersSchema>;

const flat = (params: SearchParams) => Object.fromEntries(Object.entries(params).map(([k, v]) => [k, first(v)]));
export const parseKeyListFilters = (params: SearchParams): KeyListFilters => keyListFiltersSchema.parse(flat(params));
export const parseRequestListFilters = (params: SearchParams): RequestListFilters => requestListFiltersSchema.parse(flat(params));

/** Whether any filter narrows the list (an empty filtered list is not "no keys yet"). */
export const isFiltered = (f: { q?: string; status?: string; type?: string; env?: string }) => Boolean(f.q || f.status || f.type || f.env);

/** The part of a searched mask that can match a stored one (after the bullets, lower-case). */
const keyMaskTail = (term: string) => term.trim().toLowerCase().replace(/^.*•+/, "");

/**
 * A key matches a search by its name (every word, any usual casing) or by its mask: the
 * visible tail "a1b2" or the whole "sk_copa_partner_••••a1b2" (masks are lower-case).
 */
function keySearch(term: string): Prisma.ApiKeyWhereInput {
  const tail = keyMaskTail(term);
  return { OR: [containsAnyCase("name", term), ...(tail ? [{ mask: { contains: tail } }] : [])] };
}

/** One page of an organisation's keys matching `filters`, newest first, with the total. */
export async function listOrganizationKeysFiltered(organizationId: string, filters: KeyListFilters, now = new Date()) {
  const where: Prisma.ApiKeyWhereInput = {
    AND: [
      { organizationId },
      filters.status ? keyStateWhere(filters.status, now) : {},
      filters.type ? { type: filters.type } : {},
      filters.env ? { environment: filters.env } : {},
      filters.q ? keySearch(filters.q) : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.apiKey.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: keyPublicSelect, ...pageWindow(filters.page) }),
    db.apiKey.count({ where }),
  ]);
  return paged(rows, total, filters.page);
}

/** A request is found by its key's name, or by the mask of the key it was issued. */
function requestSearch(term: string): Prisma.AccessRequestWhereInput {
  const tail = keyMaskTail(term);
  return { OR: [containsAnyCase("keyName", term), ...(tail ? [{ key: { mask: { contains: tail } } }] : [])] };
}

/** One page of an organisation's access requests matching `filters`, newest first. */
export async function listOrganizationRequestsFiltered(organizationId: string, filters: RequestListFilters) {
  const where: Prisma.AccessRequestWhereInput = {
    AND: [
      { organizationId },
      filters.status ? { status: filters.status } : {},
      filters.type ? { keyType: filters.type } : {},
      filters.env ? { environment: filters.env } : {},
      // A request is found by its key's name, or by the mask of the key it was issued.
      filters.q ? requestSearch(filters.q) : {},
    ],
  };
  const [rows, total] = await Promise.all([
    db.accessRequest.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: requestListSelect, ...pageWindow(filters.page) }),
    db.accessRequest.count({ where }),
  ]);
  return paged(rows, total, filters.page);
}
