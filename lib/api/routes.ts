// THE route table of the COPA API (/api/v1): one entry per endpoint, with everything the
// service, the OpenAPI document and the docs need to know about it. Adding an endpoint
// is adding one entry here (and its scope to the catalogue in lib/scopes, which alone
// says which scope an endpoint needs; the app refuses to start if the two disagree, and
// tests/integration/api-routes.test.ts checks them both ways).
//
// Requests are parsed with the entry's own zod schemas, in Django REST Framework's
// wording (lib/api/validation.ts), and the OpenAPI document is generated from the same
// schemas (lib/api/openapi.ts), so the published reference is what the handlers enforce.
import type { z } from "zod";
import {
  cooperativeInputSchema,
  cooperativeListQuery,
  cooperativeMemberListQuery,
  cooperativeSchema,
  loanInputSchema,
  loanListQuery,
  loanSchema,
  memberCreateSchema,
  memberListQuery,
  memberSchema,
  memberUpdateSchema,
  paginatedSchema,
  paymentInputSchema,
  paymentListQuery,
  paymentSchema,
} from "@/lib/sandbox/schemas";
import { createCooperative, createLoan, createMember, createPayment, updateCooperative, updateMember } from "@/lib/sandbox/mutations";
import { cooperativeExists, getCooperative, getMember, listCooperatives, listLoans, listMembers, listPayments } from "@/lib/sandbox/queries";
import type { HttpMethod } from "@/lib/scopes/catalog";
import { notFound } from "./errors";
import { paginate } from "./pagination";
import type { ApiStore } from "./store/types";

/** The caller, as handlers see it. No hash, no secret. */
export type ApiPrincipal = {
  keyId: string;
  organizationId: string;
  organizationName: string;
  type: string;
  environment: string;
  scopes: string[];
};

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type EndpointContext<Q, B> = {
  /** The {id} path parameter, already checked to be a UUID ("" for paths without one). */
  id: string;
  query: Out<Q>;
  body: Out<B>;
  /** The URL the client addressed (pagination links are built from it). */
  url: URL;
  key: ApiPrincipal;
  store: ApiStore;
};

type EndpointSpec<Q extends z.ZodObject | undefined, B extends z.ZodType | undefined> = {
  method: Exclude<HttpMethod, "PATCH" | "DELETE">;
  /** Path under /api/v1 as the contract and the scope catalogue write it. */
  path: string;
  operationId: string;
  tag: "Cooperatives" | "Members" | "Loans" | "Payments";
  description: string;
  /** Description of the {id} path parameter, for paths that have one. */
  id?: string;
  query?: Q;
  body?: B;
  response: z.ZodType;
  status: 200 | 201;
  handle: (context: EndpointContext<Q, B>) => Promise<unknown>;
};

export type Endpoint = Omit<EndpointSpec<z.ZodObject | undefined, z.ZodType | undefined>, "handle"> & {
  handle: (context: EndpointContext<unknown, unknown>) => Promise<unknown>;
};

/** Types one entry's handler from its own schemas. */
function endpoint<Q extends z.ZodObject | undefined = undefined, B extends z.ZodType | undefined = undefined>(spec: EndpointSpec<Q, B>): Endpoint {
  return spec as unknown as Endpoint;
}

const cooperativeList = paginatedSchema(cooperativeSchema, "CooperativeList");
const memberList = paginatedSchema(memberSchema, "MemberList");
const loanList = paginatedSchema(loanSchema, "LoanList");
const paymentList = paginatedSchema(paymentSchema, "PaymentList");

/** A list query's paging half and its filters. */
function paging<T extends { page: number; page_size: number }>(query: T) {
  const { page, page_size: pageSize, ...filters } = query;
  return { request: { page, pageSize }, filters };
}

export const ENDPOINTS: readonly Endpoint[] = [
  endpoint({
    method: "GET",
    path: "/cooperatives",
    operationId: "listCooperatives",
    tag: "Cooperatives",
    description: "Cooperatives, oldest registration first. Filters are exact matches and combine with AND.",
    query: cooperativeListQuery,
    response: cooperativeList,
    status: 200,
    handle: async ({ query, url, store }) => {
      const { request, filters } = paging(query);
      return paginate(url, request, await listCooperatives(store, filters, request));
    },
  }),
  endpoint({
    method: "GET",
    path: "/cooperatives/{id}",
    operationId: "getCooperative",
    tag: "Cooperatives",
    description: "One cooperative by id.",
    id: "UUID of the cooperative.",
    response: cooperativeSchema,
    status: 200,
    handle: async ({ id, store }) => (await getCooperative(store, id)) ?? Promise.reject(notFound()),
  }),
  endpoint({
    method: "POST",
    path: "/cooperatives",
    operationId: "createCooperative",
    tag: "Cooperatives",
    description: "Registers a cooperative. The district must lie in the province; the code must be unused. member_count starts at 0.",
    body: cooperativeInputSchema,
    response: cooperativeSchema,
    status: 201,
    handle: async ({ body }) => createCooperative(body),
  }),
  endpoint({
    method: "PUT",
    path: "/cooperatives/{id}",
    operationId: "updateCooperative",
    tag: "Cooperatives",
    description: "Replaces a cooperative's writable fields (send all of them). Read-only fields in the body are ignored.",
    id: "UUID of the cooperative.",
    body: cooperativeInputSchema,
    response: cooperativeSchema,
    status: 200,
    handle: async ({ id, body }) => updateCooperative(id, body),
  }),
  endpoint({
    method: "GET",
    path: "/members",
    operationId: "listMembers",
    tag: "Members",
    description: "Members of all cooperatives, oldest first. Filters combine with AND.",
    query: memberListQuery,
    response: memberList,
    status: 200,
    handle: async ({ query, url, store }) => {
      const { request, filters } = paging(query);
      return paginate(url, request, await listMembers(store, filters, request));
    },
  }),
  endpoint({
    method: "GET",
    path: "/members/{id}",
    operationId: "getMember",
    tag: "Members",
    description: "One member by id.",
    id: "UUID of the member.",
    response: memberSchema,
    status: 200,
    handle: async ({ id, store }) => (await getMember(store, id)) ?? Promise.reject(notFound()),
  }),
  endpoint({
    method: "GET",
    path: "/cooperatives/{id}/members",
    operationId: "listCooperativeMembers",
    tag: "Members",
    description: "The members of one cooperative, oldest first. 404 when the cooperative does not exist.",
    id: "UUID of the cooperative.",
    query: cooperativeMemberListQuery,
    response: memberList,
    status: 200,
    handle: async ({ id, query, url, store }) => {
      if (!(await cooperativeExists(store, id))) throw notFound();
      const { request, filters } = paging(query);
      return paginate(url, request, await listMembers(store, { ...filters, cooperative: id }, request));
    },
  }),
  endpoint({
    method: "POST",
    path: "/members",
    operationId: "createMember",
    tag: "Members",
    description: "Adds a member to a cooperative. An active member raises the cooperative's member_count. The national id is stored masked.",
    body: memberCreateSchema,
    response: memberSchema,
    status: 201,
    handle: async ({ body }) => createMember(body),
  }),
  endpoint({
    method: "PUT",
    path: "/members/{id}",
    operationId: "updateMember",
    tag: "Members",
    description:
      "Replaces a member's writable fields. Changing status or cooperative_id moves the member_count of the cooperatives concerned. Leave national_id out to keep the stored one.",
    id: "UUID of the member.",
    body: memberUpdateSchema,
    response: memberSchema,
    status: 200,
    handle: async ({ id, body }) => updateMember(id, body),
  }),
  endpoint({
    method: "GET",
    path: "/loans",
    operationId: "listLoans",
    tag: "Loans",
    description: "Loans, oldest first. Announced for production; served by the sandbox today.",
    query: loanListQuery,
    response: loanList,
    status: 200,
    handle: async ({ query, url, store }) => {
      const { request, filters } = paging(query);
      return paginate(url, request, await listLoans(store, filters, request));
    },
  }),
  endpoint({
    method: "POST",
    path: "/loans",
    operationId: "createLoan",
    tag: "Loans",
    description: "Records a loan of a cooperative, to one of its members or to the cooperative itself.",
    body: loanInputSchema,
    response: loanSchema,
    status: 201,
    handle: async ({ body }) => createLoan(body),
  }),
  endpoint({
    method: "GET",
    path: "/payments",
    operationId: "listPayments",
    tag: "Payments",
    description: "Payments, oldest first. Announced for production; served by the sandbox today.",
    query: paymentListQuery,
    response: paymentList,
    status: 200,
    handle: async ({ query, url, store }) => {
      const { request, filters } = paging(query);
      return paginate(url, request, await listPayments(store, filters, request));
    },
  }),
  endpoint({
    method: "POST",
    path: "/payments",
    operationId: "createPayment",
    tag: "Payments",
    description: "Records a payment to a cooperative, optionally by a member and against one of the cooperative's loans.",
    body: paymentInputSchema,
    response: paymentSchema,
    status: 201,
    handle: async ({ body }) => createPayment(body),
  }),
];

/** "GET /cooperatives/{id}", the form the scope catalogue uses. */
export const endpointKey = (e: Pick<Endpoint, "method" | "path">) => `${e.method} ${e.path}`;
