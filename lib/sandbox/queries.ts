// The sandbox's reads, on the API store's raw read path (see lib/api/store/types.ts for
// why). A list is two indexed queries, the total and the page, ordered by creation time
// then id so pages are stable while rows are added. (A COUNT(*) OVER () window in one
// query looks cheaper but makes SQLite materialise and sort every row: measured 30 times
// slower on 2,000 cooperatives.) An unfiltered list's total is its table's row count,
// kept exact by triggers in SandboxTableCount: counting 2,000 rows on every request was
// a PostgreSQL list's largest cost (measured at five to ten times its page query).
import type { ApiStore } from "@/lib/api/store/types";
import {
  cooperativeJson,
  loanJson,
  memberJson,
  paymentJson,
  type CooperativeRow,
  type LoanRow,
  type MemberRow,
  type PaymentRow,
} from "./serialize";
import type { CooperativeJson, LoanJson, MemberJson, PaymentJson } from "./schemas";

export type PageRequest = { page: number; pageSize: number };
export type Page<T> = { count: number; results: T[] };

type Table = "Cooperative" | "Member" | "Loan" | "Payment";

const COLUMNS: Record<Table, string> = {
  Cooperative: `"id", "code", "name", "province", "district", "sector", "cell", "activity", "programme", "memberCount", "createdAt"`,
  Member: `"id", "cooperativeId", "firstName", "lastName", "gender", "phone", "nationalIdMasked", "joinedAt", "status", "createdAt"`,
  Loan: `"id", "cooperativeId", "memberId", "principal", "currency", "interestRate", "termMonths", "status", "purpose", "createdAt"`,
  Payment: `"id", "cooperativeId", "memberId", "loanId", "amount", "currency", "method", "reference", "paidAt", "createdAt"`,
};

/** Equality filters: column -> value; undefined values are left out. Column names are ours, never the caller's. */
type Filters = Record<string, string | undefined>;

// SQL texts are cached per (table, filter columns) so each shape is prepared once.
const listSql = new Map<string, { count: string; page: string; pageWithCount: string }>();

function listQueries(table: Table, columns: string[]) {
  const cacheKey = `${table}:${columns.join(",")}`;
  let sql = listSql.get(cacheKey);
  if (!sql) {
    const where = columns.length ? `WHERE ${columns.map((c) => `"${c}" = ?`).join(" AND ")}` : "";
    const count = columns.length ? `SELECT COUNT(*) AS "count" FROM "${table}" ${where}` : `SELECT "rows" AS "count" FROM "SandboxTableCount" WHERE "table" = '${table}'`;
    sql = {
      count,
      page: `SELECT ${COLUMNS[table]} FROM "${table}" ${where} ORDER BY "createdAt", "id" LIMIT ? OFFSET ?`,
      // The total as an uncorrelated scalar subquery (computed once) beside each row of the page.
      pageWithCount: `SELECT (${count}) AS "__count", ${COLUMNS[table]} FROM "${table}" ${where} ORDER BY "createdAt", "id" LIMIT ? OFFSET ?`,
    };
    listSql.set(cacheKey, sql);
  }
  return sql;
}

async function listRows<R>(store: ApiStore, table: Table, filters: Filters, page: PageRequest): Promise<{ count: number; rows: R[] }> {
  const entries = Object.entries(filters).filter((e): e is [string, string] => e[1] !== undefined);
  const sql = listQueries(table, entries.map(([c]) => c));
  const values = entries.map(([, v]) => v);
  const offset = (page.page - 1) * page.pageSize;
  if (store.dialect === "postgres") {
    // One round trip for the total and the page, both in the statement's one snapshot;
    // only a page past the end (no rows to carry the total) asks for the total alone.
    // SQLite, in-process, keeps the two statements: they cost microseconds there.
    const rows = await store.select<R & { __count: number }>(sql.pageWithCount, [...values, ...values, page.pageSize, offset]);
    if (rows.length > 0) return { count: Number(rows[0].__count), rows };
    const [{ count }] = await store.select<{ count: number }>(sql.count, values);
    return { count: Number(count), rows: [] };
  }
  const [{ count }] = await store.select<{ count: number }>(sql.count, values);
  // Past the end there is nothing to fetch; the caller answers "Invalid page."
  if (Number(count) <= offset) return { count: Number(count), rows: [] };
  const rows = await store.select<R>(sql.page, [...values, page.pageSize, offset]);
  return { count: Number(count), rows };
}

async function findById<R>(store: ApiStore, table: Table, id: string): Promise<R | null> {
  const [row] = await store.select<R>(`SELECT ${COLUMNS[table]} FROM "${table}" WHERE "id" = ?`, [id]);
  return row ?? null;
}

export async function listCooperatives(
  store: ApiStore,
  filters: { province?: string; district?: string; sector?: string; activity?: string },
  page: PageRequest,
): Promise<Page<CooperativeJson>> {
  const { count, rows } = await listRows<CooperativeRow>(store, "Cooperative", filters, page);
  return { count, results: rows.map(cooperativeJson) };
}

export async function getCooperative(store: ApiStore, id: string): Promise<CooperativeJson | null> {
  const row = await findById<CooperativeRow>(store, "Cooperative", id);
  return row ? cooperativeJson(row) : null;
}

export async function cooperativeExists(store: ApiStore, id: string): Promise<boolean> {
  const rows = await store.select<{ id: string }>(`SELECT "id" FROM "Cooperative" WHERE "id" = ?`, [id]);
  return rows.length > 0;
}

export async function listMembers(
  store: ApiStore,
  filters: { cooperative?: string; gender?: string; status?: string },
  page: PageRequest,
): Promise<Page<MemberJson>> {
  const { count, rows } = await listRows<MemberRow>(store, "Member", { cooperativeId: filters.cooperative, gender: filters.gender, status: filters.status }, page);
  return { count, results: rows.map(memberJson) };
}

export async function getMember(store: ApiStore, id: string): Promise<MemberJson | null> {
  const row = await findById<MemberRow>(store, "Member", id);
  return row ? memberJson(row) : null;
}

export async function listLoans(
  store: ApiStore,
  filters: { cooperative?: string; member?: string; status?: string },
  page: PageRequest,
): Promise<Page<LoanJson>> {
  const { count, rows } = await listRows<LoanRow>(store, "Loan", { cooperativeId: filters.cooperative, memberId: filters.member, status: filters.status }, page);
  return { count, results: rows.map(loanJson) };
}

export async function listPayments(
  store: ApiStore,
  filters: { cooperative?: string; member?: string; loan?: string; method?: string },
  page: PageRequest,
): Promise<Page<PaymentJson>> {
  const { count, rows } = await listRows<PaymentRow>(
    store,
    "Payment",
    { cooperativeId: filters.cooperative, memberId: filters.member, loanId: filters.loan, method: filters.method },
    page,
  );
  return { count, results: rows.map(paymentJson) };
}
