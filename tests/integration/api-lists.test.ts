// Filters and paging of the list endpoints, on the seeded sandbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeApiStore } from "@/lib/api/store";
import { db } from "@/lib/db";
import { ALL_SCOPES, NOT_FOUND_BODY, call, issueKey, seeded } from "./api-support";

type Page = { count: number; next: string | null; previous: string | null; results: Record<string, unknown>[] };

let key: string;
let coopId: string;

beforeAll(async () => {
  coopId = (await seeded()).cooperative.id;
  key = (await issueKey(ALL_SCOPES, { limits: { hour: 100_000, day: 100_000 } })).secret;
});
afterAll(() => closeApiStore());

const list = async (path: string) => {
  const res = await call("GET", path, { key });
  return { ...res, page: res.json as Page };
};

describe("GET /cooperatives", () => {
  it("answers a NUL character in a filter with a 400 naming it, on every engine", async () => {
    const res = await call("GET", "/cooperatives?district=Huye%00x", { key });
    expect([res.status, res.text]).toEqual([400, '{"detail":"district: Null characters are not allowed."}']);
  });

  it("pages through every cooperative exactly once, oldest first, with DRF links", async () => {
    const total = await db.cooperative.count();
    expect(total).toBeGreaterThanOrEqual(60);
    const seen: string[] = [];
    let path: string | null = "/cooperatives?page_size=25";
    let pages = 0;
    while (path) {
      const { status, page } = await list(path);
      expect(status).toBe(200);
      expect(page.count).toBe(total);
      seen.push(...page.results.map((c) => c.id as string));
      if (pages === 0) expect(page.previous).toBeNull();
      path = page.next ? new URL(page.next).pathname.replace("/api/v1", "") + new URL(page.next).search : null;
      pages++;
    }
    expect(pages).toBe(Math.ceil(total / 25));
    expect(new Set(seen).size).toBe(total);
    const ordered = await db.cooperative.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    expect(seen).toEqual(ordered.map((c) => c.id));
  });

  it("links keep the filters, drop page=1 from previous, and stop at the last page", async () => {
    const { page } = await list("/cooperatives?province=Western&page_size=5&page=2");
    expect(page.previous).toBe("http://sandbox.test/api/v1/cooperatives?province=Western&page_size=5");
    expect(page.next).toBe(page.count > 10 ? "http://sandbox.test/api/v1/cooperatives?province=Western&page_size=5&page=3" : null);
  });

  it.each([
    ["province", "Northern"],
    ["district", "Huye"],
    ["activity", "Coffee"],
  ])("filters by %s exactly", async (field, value) => {
    const { page } = await list(`/cooperatives?${field}=${encodeURIComponent(value)}&page_size=100`);
    expect(page.count).toBe(await db.cooperative.count({ where: { [field]: value } }));
    expect(page.count).toBeGreaterThan(0);
    for (const c of page.results) expect(c[field]).toBe(value);
  });

  it("combines filters with AND, and an unmatched filter is an empty first page", async () => {
    const one = await db.cooperative.findFirstOrThrow();
    const { page } = await list(`/cooperatives?district=${one.district}&sector=${encodeURIComponent(one.sector)}&page_size=100`);
    expect(page.results.map((c) => c.id)).toContain(one.id);
    for (const c of page.results) expect([c.district, c.sector]).toEqual([one.district, one.sector]);
    const empty = await list("/cooperatives?district=Nowhere");
    expect(empty.status).toBe(200);
    expect(empty.page).toEqual({ count: 0, next: null, previous: null, results: [] });
  });

  it.each([
    ["page_size=101", "page_size: Ensure this value is less than or equal to 100."],
    ["page_size=0", "page_size: Ensure this value is greater than or equal to 1."],
    ["page=abc", "page: A valid integer is required."],
    ["page=-1", "page: Ensure this value is greater than or equal to 1."],
    ["province=Atlantis", 'province: "Atlantis" is not a valid choice. Choose one of: Kigali City, Northern, Southern, Eastern, Western.'],
    ["activity=Mining", 'activity: "Mining" is not a valid choice. Choose one of: Agriculture, Coffee, Tea, Horticulture, Dairy, Livestock, Fishing, Beekeeping, Handicrafts, Savings and credit, Transport.'],
  ])("400 for %s, naming the field", async (query, detail) => {
    const res = await list(`/cooperatives?${query}`);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ detail });
  });

  it("a page past the end is 404 Invalid page.", async () => {
    const res = await list("/cooperatives?page=1000");
    expect(res.status).toBe(404);
    expect(res.text).toBe('{"detail":"Invalid page."}');
  });

  it("page_size 100 is allowed and ignores unknown parameters", async () => {
    const { status, page } = await list("/cooperatives?page_size=100&colour=blue");
    expect(status).toBe(200);
    expect(page.results.length).toBe(Math.min(100, page.count));
  });
});

describe("GET /cooperatives/{id} and /members/{id}", () => {
  it("return the object with the published fields only", async () => {
    const res = await call("GET", `/cooperatives/${coopId}`, { key });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json as object).sort()).toEqual(["activity", "cell", "code", "created_at", "district", "id", "member_count", "name", "programme", "province", "sector"]);
    const row = await db.member.findFirstOrThrow({ where: { cooperativeId: coopId } });
    const m = await call("GET", `/members/${row.id}`, { key });
    expect(m.json).toMatchObject({ id: row.id, cooperative_id: coopId, national_id: expect.stringMatching(/^\d \d\dXX X XXXXXXX X \d\d$/) });
  });

  it.each(["00000000-0000-4000-8000-000000000000", "not-a-uuid", "1"])("404 Not found. for %s", async (id) => {
    for (const path of [`/cooperatives/${id}`, `/members/${id}`, `/cooperatives/${id}/members`]) {
      const res = await call("GET", path, { key });
      expect(res.status).toBe(404);
      expect(res.text).toBe(NOT_FOUND_BODY);
    }
  });
});

describe("members", () => {
  it("member_count of every seeded cooperative equals its active members", async () => {
    const coops = await db.cooperative.findMany({ select: { id: true, memberCount: true } });
    const active = await db.member.groupBy({ by: ["cooperativeId"], where: { status: "active" }, _count: { _all: true } });
    const byCoop = new Map(active.map((a) => [a.cooperativeId, a._count._all]));
    for (const c of coops) expect(c.memberCount).toBe(byCoop.get(c.id) ?? 0);
  });

  it("GET /cooperatives/{id}/members lists that cooperative's members, filtered", async () => {
    const all = await list(`/cooperatives/${coopId}/members?page_size=100`);
    expect(all.page.count).toBe(await db.member.count({ where: { cooperativeId: coopId } }));
    const active = await list(`/cooperatives/${coopId}/members?status=active&page_size=100`);
    expect(active.page.count).toBe(await db.member.count({ where: { cooperativeId: coopId, status: "active" } }));
    for (const m of active.page.results) expect(m).toMatchObject({ cooperative_id: coopId, status: "active" });
  });

  it("GET /members filters by cooperative, gender and status", async () => {
    const { page } = await list(`/members?cooperative=${coopId}&gender=female&status=active&page_size=100`);
    expect(page.count).toBe(await db.member.count({ where: { cooperativeId: coopId, gender: "female", status: "active" } }));
    for (const m of page.results) expect(m).toMatchObject({ cooperative_id: coopId, gender: "female", status: "active" });
    const bad = await list("/members?cooperative=42");
    expect(bad.json).toEqual({ detail: "cooperative: Must be a valid UUID." });
  });
});

describe("loans and payments", () => {
  it("filter by cooperative, member, status, loan and method", async () => {
    const loan = await db.loan.findFirstOrThrow({ where: { memberId: { not: null }, payments: { some: {} } } });
    const byCoop = await list(`/loans?cooperative=${loan.cooperativeId}&page_size=100`);
    expect(byCoop.page.count).toBe(await db.loan.count({ where: { cooperativeId: loan.cooperativeId } }));
    const byMember = await list(`/loans?member=${loan.memberId}&status=${loan.status}`);
    expect(byMember.page.results.map((l) => l.id)).toContain(loan.id);
    const byLoan = await list(`/payments?loan=${loan.id}&page_size=100`);
    expect(byLoan.page.count).toBe(await db.payment.count({ where: { loanId: loan.id } }));
    const cash = await list("/payments?method=cash&page_size=100");
    expect(cash.page.count).toBe(await db.payment.count({ where: { method: "cash" } }));
    for (const p of cash.page.results) expect(p.method).toBe("cash");
    expect((await list("/payments?method=cheque")).status).toBe(400);
  });
});
