// The sandbox seed: idempotent, deterministic, safe when two starts race, and internally
// consistent (geography, member counts, loans and payments tied to their cooperative).
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DISTRICTS, PROVINCES, provinceOfDistrict } from "@/lib/sandbox/geography";
import { RWANDA_MOBILE_PATTERN } from "@/lib/sandbox/schemas";
import { generateSandbox, seedSandbox } from "@/lib/sandbox/seed";

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("seedSandbox", () => {
  it("seeds once even when two starts race, then does nothing", async () => {
    const results = await Promise.all([seedSandbox(db), seedSandbox(db)]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const created = results.find((r) => r.created)!;
    expect(created.cooperatives).toBeGreaterThanOrEqual(60);
    expect(await db.cooperative.count()).toBe(created.cooperatives);
    expect(await db.member.count()).toBe(created.members);
    expect(await seedSandbox(db)).toEqual({ created: false, cooperatives: created.cooperatives, members: created.members });
  });

  it("covers all five provinces and thirty districts with real sectors, and SBX codes", async () => {
    const coops = await db.cooperative.findMany();
    expect(new Set(coops.map((c) => c.province))).toEqual(new Set(PROVINCES));
    expect(new Set(coops.map((c) => c.district)).size).toBe(30);
    for (const c of coops) {
      expect(c.code).toMatch(/^SBX\d{3,}$/);
      expect(provinceOfDistrict(c.district)).toBe(c.province);
      expect(DISTRICTS[c.province as (typeof PROVINCES)[number]][c.district]).toContain(c.sector);
      expect(c.name).toMatch(/^Koperative /);
      expect([null, "NAEB", "RAB"]).toContain(c.programme);
    }
  });

  it("keeps member_count equal to active members, 5 to 40 members each, fictional contact data", async () => {
    const coops = await db.cooperative.findMany({ include: { members: true } });
    for (const c of coops) {
      expect(c.members.length).toBeGreaterThanOrEqual(5);
      expect(c.members.length).toBeLessThanOrEqual(40);
      expect(c.memberCount).toBe(c.members.filter((m) => m.status === "active").length);
      for (const m of c.members) {
        expect(m.phone).toMatch(RWANDA_MOBILE_PATTERN);
        expect(m.nationalIdMasked).toMatch(/^1 (19|20)XX X XXXXXXX X \d\d$/);
        expect(["female", "male"]).toContain(m.gender);
      }
    }
  });

  it("ties every loan and payment to its cooperative and its members", async () => {
    const loans = await db.loan.findMany({ include: { member: true } });
    const payments = await db.payment.findMany({ include: { member: true, loan: true } });
    expect(loans.length).toBeGreaterThan(0);
    expect(payments.length).toBeGreaterThan(0);
    for (const l of loans) if (l.member) expect(l.member.cooperativeId).toBe(l.cooperativeId);
    for (const p of payments) {
      if (p.member) expect(p.member.cooperativeId).toBe(p.cooperativeId);
      if (p.loan) expect(p.loan.cooperativeId).toBe(p.cooperativeId);
    }
  });
});

describe("generateSandbox", () => {
  it("is deterministic, with version-4 ids, and scales", () => {
    expect(JSON.stringify(generateSandbox())).toBe(JSON.stringify(generateSandbox()));
    expect(JSON.stringify(generateSandbox({ seed: 1 }))).not.toBe(JSON.stringify(generateSandbox({ seed: 2 })));
    const big = generateSandbox({ cooperatives: 2000 });
    expect(big.cooperatives).toHaveLength(2000);
    expect(new Set(big.cooperatives.map((c) => c.code)).size).toBe(2000);
    expect(big.cooperatives[1999].code).toBe("SBX2000");
    for (const row of [...big.cooperatives.slice(0, 50), ...big.members.slice(0, 200)]) expect(row.id).toMatch(V4);
    expect(new Set(big.members.map((m) => m.id)).size).toBe(big.members.length);
  });
});
