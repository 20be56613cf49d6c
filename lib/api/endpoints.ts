// What each /api/v1 endpoint accepts and returns. The scope an endpoint needs is NOT
// here: it comes from the catalogue (lib/scopes ENDPOINT_SCOPES), and a test fails if
// this table and the catalogue name different endpoints. The key-auth wrapper parses
// requests with these schemas and the OpenAPI document is generated from them, so the
// published reference is what the handlers enforce.
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

export type EndpointDefinition = {
  operationId: string;
  tag: "Cooperatives" | "Members" | "Loans" | "Payments";
  description: string;
  /** Description of the {id} path parameter, for paths that have one. */
  id?: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  status: 200 | 201;
};

const cooperativeList = paginatedSchema(cooperativeSchema, "CooperativeList");
const memberList = paginatedSchema(memberSchema, "MemberList");
const loanList = paginatedSchema(loanSchema, "LoanList");
const paymentList = paginatedSchema(paymentSchema, "PaymentList");

export const ENDPOINTS = {
  "GET /cooperatives": {
    operationId: "listCooperatives",
    tag: "Cooperatives",
    description: "Cooperatives, oldest registration first. Filters are exact matches and combine with AND.",
    query: cooperativeListQuery,
    response: cooperativeList,
    status: 200,
  },
  "GET /cooperatives/{id}": {
    operationId: "getCooperative",
    tag: "Cooperatives",
    description: "One cooperative by id.",
    id: "UUID of the cooperative.",
    response: cooperativeSchema,
    status: 200,
  },
  "POST /cooperatives": {
    operationId: "createCooperative",
    tag: "Cooperatives",
    description: "Registers a cooperative. The district must lie in the province; the code must be unused. member_count starts at 0.",
    body: cooperativeInputSchema,
    response: cooperativeSchema,
    status: 201,
  },
  "PUT /cooperatives/{id}": {
    operationId: "updateCooperative",
    tag: "Cooperatives",
    description: "Replaces a cooperative's writable fields (send all of them). Read-only fields in the body are ignored.",
    id: "UUID of the cooperative.",
    body: cooperativeInputSchema,
    response: cooperativeSchema,
    status: 200,
  },
  "GET /members": {
    operationId: "listMembers",
    tag: "Members",
    description: "Members of all cooperatives, oldest first. Filters combine with AND.",
    query: memberListQuery,
    response: memberList,
    status: 200,
  },
  "GET /members/{id}": {
    operationId: "getMember",
    tag: "Members",
    description: "One member by id.",
    id: "UUID of the member.",
    response: memberSchema,
    status: 200,
  },
  "GET /cooperatives/{id}/members": {
    operationId: "listCooperativeMembers",
    tag: "Members",
    description: "The members of one cooperative, oldest first. 404 when the cooperative does not exist.",
    id: "UUID of the cooperative.",
    query: cooperativeMemberListQuery,
    response: memberList,
    status: 200,
  },
  "POST /members": {
    operationId: "createMember",
    tag: "Members",
    description: "Adds a member to a cooperative. An active member raises the cooperative's member_count. The national id is stored masked.",
    body: memberCreateSchema,
    response: memberSchema,
    status: 201,
  },
  "PUT /members/{id}": {
    operationId: "updateMember",
    tag: "Members",
    description:
      "Replaces a member's writable fields. Changing status or cooperative_id moves the member_count of the cooperatives concerned. Leave national_id out to keep the stored one.",
    id: "UUID of the member.",
    body: memberUpdateSchema,
    response: memberSchema,
    status: 200,
  },
  "GET /loans": {
    operationId: "listLoans",
    tag: "Loans",
    description: "Loans, oldest first. Announced for production; served by the sandbox today.",
    query: loanListQuery,
    response: loanList,
    status: 200,
  },
  "POST /loans": {
    operationId: "createLoan",
    tag: "Loans",
    description: "Records a loan of a cooperative, to one of its members or to the cooperative itself.",
    body: loanInputSchema,
    response: loanSchema,
    status: 201,
  },
  "GET /payments": {
    operationId: "listPayments",
    tag: "Payments",
    description: "Payments, oldest first. Announced for production; served by the sandbox today.",
    query: paymentListQuery,
    response: paymentList,
    status: 200,
  },
  "POST /payments": {
    operationId: "createPayment",
    tag: "Payments",
    description: "Records a payment to a cooperative, optionally by a member and against one of the cooperative's loans.",
    body: paymentInputSchema,
    response: paymentSchema,
    status: 201,
  },
} as const satisfies Record<string, EndpointDefinition>;

export type ApiEndpoint = keyof typeof ENDPOINTS;

export function isApiEndpoint(value: string): value is ApiEndpoint {
  return Object.hasOwn(ENDPOINTS, value);
}
