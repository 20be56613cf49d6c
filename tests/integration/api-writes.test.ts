// Writes: validation names the field, rows persist, member_count stays equal to the active
// members, and a failure leaves nothing half-written.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeApiStore } from "@/lib/api/store";
import { db } from "@/lib/db";
import { ALL_SCOPES, call, issueKey, seeded } from "./api-support";

let key: string;

const code = () => `W-${randomBytes(4).toString("hex").toUpperCase()}`;
const coopBody = (overrides: Record<string, unknown> = {}) => ({
  code: code(),
  name: "Koperative y'Abarobyi Test",
  province: "Western",
  district: "Karongi",
  sector: "Bwishyura",
  cell: "Kibuye",
  activity: "Fishing",
  ...overrides,
});
const memberBody = (cooperativeId: string, overrides: Record<string, unknown> = {}) => ({
  cooperative_id: cooperativeId,
  first_name: "Jean",
  last_name: "Habimana",
  gender: "male",
  phone: "+250 788 123 456",
  national_id: "1 1985 8 0012345 1 23",
  joined_at: "2020-01-15",
  ...overrides,
});

const post = (path: string, body: unknown) => call("POST", path, { key, body });
const put = (path: string, id: string, body: unknown) => call("PUT", path, { key, body });

async function newCooperative(overrides: Record<string, unknown> = {}) {
  const res = await post("/cooperatives", coopBody(overrides));
  expect(res.status, res.text).toBe(201);
  return res.json as { id: string; member_count: number; code: string };
}

async function activeCount(cooperativeId: string) {
  return (await db.cooperative.findUniqueOrThrow({ where: { id: cooperativeId } })).memberCount;
}

beforeAll(async () => {
  await seeded();
  key = (await issueKey(ALL_SCOPES, { limits: { hour: 100_000, day: 100_000 } })).secret;
});
afterAll(() => closeApiStore());

describe("POST and PUT /cooperatives", () => {
  it("creates, persists and returns the object; member_count starts at 0", async () => {
    const created = await newCooperative({ programme: "RAB" });
    expect(created).toMatchObject({ member_count: 0, programme: "RAB", province: "Western", district: "Karongi" });
    const read = await call("GET", `/cooperatives/${created.id}`, { key });
    expect(read.json).toEqual(created);
  });

  it("PUT replaces the writable fields and ignores read-only ones", async () => {
    const created = await newCooperative();
    const res = await put(`/cooperatives/${created.id}`, created.id, { ...coopBody({ name: "Renamed", province: "Eastern", district: "Kirehe" }), code: created.code, member_count: 999, id: "x" });
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({ id: created.id, name: "Renamed", province: "Eastern", district: "Kirehe", member_count: 0, programme: null });
  });

  it("400 naming the field, and nothing written", async () => {
    const before = await db.cooperative.count();
    const taken = await newCooperative();
    const cases: [unknown, string | RegExp][] = [
      [{}, "code: This field is required.; name: This field is required.; province: This field is required.; district: This field is required.; sector: This field is required.; cell: This field is required.; activity: This field is required."],
      [coopBody({ code: taken.code }), "code: A cooperative with this code already exists."],
      [coopBody({ code: "x" }), "code: Use 3 to 20 upper-case letters, digits or hyphens, e.g. COOP001."],
      [coopBody({ district: "Gasabo" }), "district: Gasabo is in the Kigali City province, not Western."],
      [coopBody({ district: "Springfield" }), "district: Not a district of Rwanda."],
      [coopBody({ name: "" }), "name: This field may not be blank."],
      [coopBody({ name: "x".repeat(121) }), "name: Ensure this field has no more than 120 characters."],
      [coopBody({ activity: 7 }), 'activity: "7" is not a valid choice. Choose one of: Agriculture, Coffee, Tea, Horticulture, Dairy, Livestock, Fishing, Beekeeping, Handicrafts, Savings and credit, Transport.'],
      [coopBody({ province: null }), "province: This field may not be null."],
      // The parser's own wording varies with the Node.js version.
      ["{not json", /^JSON parse error - .+/],
      ["[1, 2]", "Invalid data. Expected a JSON object, but got array."],
      ["null", "Invalid data. Expected a JSON object, but got null."],
      ["x".repeat(70 * 1024), "Request body is too large (at most 64 KB)."],
    ];
    for (const [body, detail] of cases) {
      const res = await post("/cooperatives", body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      const received = (res.json as { detail: string }).detail;
      if (typeof detail === "string") expect(received).toBe(detail);
      else expect(received).toMatch(detail);
    }
    expect(await db.cooperative.count()).toBe(before + 1);
  });

  it("PUT to an unknown id is 404; to a taken code is 400", async () => {
    const missing = "00000000-0000-4000-8000-000000000001";
    expect((await put(`/cooperatives/${missing}`, missing, coopBody())).status).toBe(404);
    const a = await newCooperative();
    const b = await newCooperative();
    const res = await put(`/cooperatives/${b.id}`, b.id, coopBody({ code: a.code }));
    expect(res.json).toEqual({ detail: "code: A cooperative with this code already exists." });
  });
});

describe("POST and PUT /members keep member_count equal to active members", () => {
  it("stores the national id masked, normalises the phone and counts the member", async () => {
    const coop = await newCooperative();
    const res = await post("/members", memberBody(coop.id));
    expect(res.status, res.text).toBe(201);
    const created = res.json as { id: string; national_id: string; phone: string; status: string };
    expect(created).toMatchObject({ national_id: "1 19XX X XXXXXXX X 23", phone: "+250788123456", status: "active", joined_at: "2020-01-15" });
    const row = await db.member.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain("0012345");
    expect(await activeCount(coop.id)).toBe(1);
    await post("/members", memberBody(coop.id, { status: "inactive" }));
    expect(await activeCount(coop.id)).toBe(1);
  });

  it("status changes and moves between cooperatives adjust both counts", async () => {
    const a = await newCooperative();
    const b = await newCooperative();
    const m = (await post("/members", memberBody(a.id))).json as { id: string };
    await post("/members", memberBody(a.id));
    expect([await activeCount(a.id), await activeCount(b.id)]).toEqual([2, 0]);

    const deactivate = await put(`/members/${m.id}`, m.id, memberBody(a.id, { status: "inactive", national_id: undefined }));
    expect(deactivate.status, deactivate.text).toBe(200);
    expect(deactivate.json).toMatchObject({ status: "inactive", national_id: "1 19XX X XXXXXXX X 23" });
    expect(await activeCount(a.id)).toBe(1);

    await put(`/members/${m.id}`, m.id, memberBody(b.id, { status: "active" }));
    expect([await activeCount(a.id), await activeCount(b.id)]).toEqual([1, 1]);
    await put(`/members/${m.id}`, m.id, memberBody(a.id, { status: "active" }));
    expect([await activeCount(a.id), await activeCount(b.id)]).toEqual([2, 0]);
  });

  it("a failed move leaves both cooperatives and the member untouched", async () => {
    const a = await newCooperative();
    const m = (await post("/members", memberBody(a.id))).json as { id: string };
    const nowhere = "ffffffff-ffff-4fff-bfff-ffffffffffff";
    const res = await put(`/members/${m.id}`, m.id, memberBody(nowhere));
    expect(res.json).toEqual({ detail: "cooperative_id: No cooperative has this id." });
    expect(await activeCount(a.id)).toBe(1);
    expect((await db.member.findUniqueOrThrow({ where: { id: m.id } })).cooperativeId).toBe(a.id);
  });

  it("stays exact under concurrent writes", async () => {
    const coop = await newCooperative();
    const created = await Promise.all(Array.from({ length: 8 }, () => post("/members", memberBody(coop.id))));
    const ids = created.map((r) => (r.json as { id: string }).id);
    await Promise.all(ids.flatMap((id, i) => [
      put(`/members/${id}`, id, memberBody(coop.id, { status: "inactive" })),
      put(`/members/${id}`, id, memberBody(coop.id, { status: i % 2 ? "active" : "inactive" })),
    ]));
    const active = await db.member.count({ where: { cooperativeId: coop.id, status: "active" } });
    expect(await activeCount(coop.id)).toBe(active);
  });

  it.each([
    [{ cooperative_id: "00000000-0000-4000-8000-000000000000" }, "cooperative_id: No cooperative has this id."],
    [{ phone: "0788123456" }, "phone: Use a Rwandan mobile number like +250788123456."],
    [{ national_id: "12345" }, "national_id: Use the 16 digits of a Rwandan national ID (spaces allowed)."],
    [{ joined_at: "2999-01-01" }, "joined_at: Cannot be in the future."],
    [{ joined_at: "15/01/2020" }, "joined_at: Date has wrong format. Use one of these formats instead: YYYY-MM-DD."],
    [{ gender: "other" }, 'gender: "other" is not a valid choice. Choose one of: female, male.'],
  ])("400 for %o", async (overrides, detail) => {
    const coop = await newCooperative();
    const before = await db.member.count();
    const res = await post("/members", memberBody(coop.id, overrides));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ detail });
    expect(await db.member.count()).toBe(before);
    expect(await activeCount(coop.id)).toBe(0);
  });
});

describe("POST /loans and /payments", () => {
  it("create rows tied to the cooperative, and refuse members and loans of another one", async () => {
    const a = await newCooperative();
    const b = await newCooperative();
    const ma = (await post("/members", memberBody(a.id))).json as { id: string };
    const loan = await post("/loans", { cooperative_id: a.id, member_id: ma.id, principal: 300000, interest_rate: 14.5, term_months: 18, purpose: "Boat repairs" });
    expect(loan.status, loan.text).toBe(201);
    expect(loan.json).toMatchObject({ currency: "RWF", status: "requested", interest_rate: 14.5, member_id: ma.id });
    const loanId = (loan.json as { id: string }).id;

    expect((await post("/loans", { cooperative_id: b.id, member_id: ma.id, principal: 1, interest_rate: 1, term_months: 1 })).json).toEqual({
      detail: "member_id: This member does not belong to the cooperative.",
    });
    expect((await post("/loans", { cooperative_id: a.id, principal: 1.5, interest_rate: 1, term_months: 0 })).json).toEqual({
      detail: "principal: A valid integer is required.; term_months: Ensure this value is greater than or equal to 1.",
    });

    const payment = await post("/payments", { cooperative_id: a.id, member_id: ma.id, loan_id: loanId, amount: 20000, method: "mobile_money", reference: "MM-XYZ", paid_at: "2025-03-01T10:00:00+02:00" });
    expect(payment.status, payment.text).toBe(201);
    expect(payment.json).toMatchObject({ paid_at: "2025-03-01T08:00:00.000Z", loan_id: loanId });
    expect((await post("/payments", { cooperative_id: b.id, loan_id: loanId, amount: 1, method: "cash", reference: "r", paid_at: "2025-03-01T10:00:00Z" })).json).toEqual({
      detail: "loan_id: This loan does not belong to the cooperative.",
    });
    expect((await post("/payments", { cooperative_id: a.id, amount: 1, method: "cash", reference: "r", paid_at: "yesterday" })).json).toEqual({
      detail: "paid_at: Datetime has wrong format. Use ISO 8601, e.g. 2025-01-31T09:30:00Z.",
    });
    const listed = await call("GET", `/payments?loan=${loanId}`, { key });
    expect((listed.json as { count: number }).count).toBe(1);
  });
});

describe("an unfiltered list's count (kept by triggers, not counted per request)", () => {
  const listCount = async (path: string) => ((await call("GET", `${path}?page_size=1`, { key })).json as { count: number }).count;
  const counts = async () => ({
    cooperatives: await listCount("/cooperatives"),
    members: await listCount("/members"),
    loans: await listCount("/loans"),
    payments: await listCount("/payments"),
  });
  const actual = async () => ({
    cooperatives: await db.cooperative.count(),
    members: await db.member.count(),
    loans: await db.loan.count(),
    payments: await db.payment.count(),
  });

  it("equals the rows after writes through the API, concurrent ones, and deletes with their cascades", async () => {
    expect(await counts()).toEqual(await actual());
    const before = await actual();

    const coop = await newCooperative();
    const member = (await post("/members", memberBody(coop.id))).json as { id: string };
    const loan = (await post("/loans", { cooperative_id: coop.id, member_id: member.id, principal: 1000, interest_rate: 10, term_months: 6 })).json as { id: string };
    const paid = await post("/payments", { cooperative_id: coop.id, member_id: member.id, loan_id: loan.id, amount: 100, method: "cash", reference: "C-1", paid_at: "2025-03-01T10:00:00Z" });
    expect(paid.status, paid.text).toBe(201);
    // Eight cooperatives at once, and a refused write that must count nothing.
    const many = await Promise.all(Array.from({ length: 8 }, () => post("/cooperatives", coopBody())));
    expect(many.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect((await post("/cooperatives", coopBody({ code: coop.code }))).status).toBe(400);

    expect(await counts()).toEqual({ cooperatives: before.cooperatives + 9, members: before.members + 1, loans: before.loans + 1, payments: before.payments + 1 });
    expect(await counts()).toEqual(await actual());

    // Deleting the cooperative removes its member, loan and payment by cascade.
    await db.cooperative.delete({ where: { id: coop.id } });
    expect(await counts()).toEqual({ cooperatives: before.cooperatives + 8, members: before.members, loans: before.loans, payments: before.payments });
    expect(await counts()).toEqual(await actual());
  });
});
