// Database rows -> the API's JSON objects. Rows come either from Prisma (Date values) or
// from the raw read path (SQLite hands back ISO text, PostgreSQL Date objects), so every
// date goes through toDate(). The mapping is explicit: a column is published only when it
// is listed here.
import type { CooperativeJson, LoanJson, MemberJson, PaymentJson } from "./schemas";

type DateLike = Date | string | number;

export function toDate(value: DateLike): Date {
  return value instanceof Date ? value : new Date(value);
}

// SQLite rows carry Prisma's UTC text ("2025-01-31T09:30:00.000+00:00"); rewriting the
// suffix is exact and spares a Date round trip per field on the hot path.
const PRISMA_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/;
const iso = (value: DateLike) => (typeof value === "string" && PRISMA_UTC.test(value) ? `${value.slice(0, 23)}Z` : toDate(value).toISOString());
const day = (value: DateLike) => iso(value).slice(0, 10);

export type CooperativeRow = {
  id: string;
  code: string;
  name: string;
  province: string;
  district: string;
  sector: string;
  cell: string;
  activity: string;
  programme: string | null;
  memberCount: number;
  createdAt: DateLike;
};

export function cooperativeJson(row: CooperativeRow): CooperativeJson {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    province: row.province as CooperativeJson["province"],
    district: row.district,
    sector: row.sector,
    cell: row.cell,
    activity: row.activity as CooperativeJson["activity"],
    programme: row.programme,
    member_count: Number(row.memberCount),
    created_at: iso(row.createdAt),
  };
}

export type MemberRow = {
  id: string;
  cooperativeId: string;
  firstName: string;
  lastName: string;
  gender: string;
  phone: string;
  nationalIdMasked: string;
  joinedAt: DateLike;
  status: string;
  createdAt: DateLike;
};

export function memberJson(row: MemberRow): MemberJson {
  return {
    id: row.id,
    cooperative_id: row.cooperativeId,
    first_name: row.firstName,
    last_name: row.lastName,
    gender: row.gender as MemberJson["gender"],
    phone: row.phone,
    national_id: row.nationalIdMasked,
    joined_at: day(row.joinedAt),
    status: row.status as MemberJson["status"],
    created_at: iso(row.createdAt),
  };
}

export type LoanRow = {
  id: string;
  cooperativeId: string;
  memberId: string | null;
  principal: number;
  currency: string;
  interestRate: number;
  termMonths: number;
  status: string;
  purpose: string | null;
  createdAt: DateLike;
};

export function loanJson(row: LoanRow): LoanJson {
  return {
    id: row.id,
    cooperative_id: row.cooperativeId,
    member_id: row.memberId,
    principal: Number(row.principal),
    currency: "RWF",
    interest_rate: Number(row.interestRate),
    term_months: Number(row.termMonths),
    status: row.status as LoanJson["status"],
    purpose: row.purpose,
    created_at: iso(row.createdAt),
  };
}

export type PaymentRow = {
  id: string;
  cooperativeId: string;
  memberId: string | null;
  loanId: string | null;
  amount: number;
  currency: string;
  method: string;
  reference: string;
  paidAt: DateLike;
  createdAt: DateLike;
};

export function paymentJson(row: PaymentRow): PaymentJson {
  return {
    id: row.id,
    cooperative_id: row.cooperativeId,
    member_id: row.memberId,
    loan_id: row.loanId,
    amount: Number(row.amount),
    currency: "RWF",
    method: row.method as PaymentJson["method"],
    reference: row.reference,
    paid_at: iso(row.paidAt),
    created_at: iso(row.createdAt),
  };
}

/**
 * A national ID as the sandbox stores it: the 16 digits grouped as printed on the card
 * (1 YYYY G NNNNNNN F CC), with everything but the century of birth and the two check
 * digits hidden, e.g. "1 19XX X XXXXXXX X 47". The full number is never stored.
 */
export function maskNationalId(digits: string): string {
  const clean = digits.replace(/\s/g, "");
  if (!/^\d{16}$/.test(clean)) throw new Error("maskNationalId: expected 16 digits");
  return `${clean[0]} ${clean.slice(1, 3)}XX X XXXXXXX X ${clean.slice(14)}`;
}
