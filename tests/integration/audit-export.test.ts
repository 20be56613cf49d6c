// The audit log as CSV: the admin export (every event, the page's filters) and an owner's
// export of their organisation's activity, both route handlers called as the browser
// would call them, as each kind of caller; and the stream itself, read lazily in batches
// over 50,000 events.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());

const { actAs } = await import("../support/request");
const { db } = await import("@/lib/db");
const { recordAudit } = await import("@/lib/audit");
const { auditCsvStream, csvField } = await import("@/lib/audit/export");
const { makeAdmin, makePartner } = await import("../support/factories");
const adminExport = await import("@/app/(admin)/admin/audit/export/route");
const activityExport = await import("@/app/(partner)/activity/export/route");

const get = (path: string) => adminExport.GET(new Request(`http://localhost${path}`));
const lines = (csv: string) => csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");

async function event(input: Parameters<typeof recordAudit>[1]) {
  await db.$transaction((tx) => recordAudit(tx, input));
}

describe("GET /admin/audit/export", () => {
  it("refuses anyone but an admin with two-factor, and says nothing to partners", async () => {
    await actAs(null);
    expect((await get("/admin/audit/export")).status).toBe(401);
    await actAs(await makePartner());
    const partner = await get("/admin/audit/export");
    expect(partner.status).toBe(404);
    expect(await partner.json()).toEqual({ detail: "Not found." });
    await actAs(await makeAdmin({ twoFactor: false }));
    expect((await get("/admin/audit/export")).status).toBe(403);
  });

  it("streams the filtered events as CSV, newest first, and audits the export", async () => {
    const admin = await makeAdmin();
    const partner = await makePartner();
    const org = partner.membership.organizationId;
    await event({ action: "key.revoked", actor: partner, organizationId: org, target: { type: "key", id: "11111111-1111-4111-8111-111111111111" }, metadata: { reason: "=HYPERLINK(\"x\")" }, ip: "198.51.100.7" });
    await event({ action: "key.rotated", actor: partner, organizationId: org });
    await actAs(admin);
    const response = await get(`/admin/audit/export?org=${org}&action=key.revoked`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="copa-audit-\d{8}T\d{4}Z\.csv"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const [header, ...rows] = lines(await response.text());
    expect(header).toBe("time_utc,action,actor_email,actor_id,organization_id,organization_name,target_type,target_id,ip,metadata");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain(`,key.revoked,${partner.email},${partner.id},${org},`);
    expect(rows[0]).toContain(",198.51.100.7,");
    // The metadata is JSON in one quoted field; its formula-like value stays text.
    expect(rows[0]).toMatch(/,"\{""reason"":""=HYPERLINK\(\\""x\\""\)""\}"$/);
    const audited = await db.auditEvent.findFirst({ where: { action: "audit.exported", actorId: admin.id } });
    expect(JSON.parse(audited!.metadata)).toMatchObject({ scope: "all", org, action: "key.revoked" });
  });
});

describe("GET /activity/export", () => {
  it("is for the organisation's owners only", async () => {
    const owner = await makePartner();
    await actAs(null);
    expect((await activityExport.GET()).status).toBe(401);
    for (const role of ["developer", "viewer"] as const) {
      await actAs(await makePartner(role, owner.membership));
      expect((await activityExport.GET()).status).toBe(403);
    }
    await actAs(await makeAdmin());
    expect((await activityExport.GET()).status).toBe(404);
  });

  it("holds only the organisation's own request, key and team events, with COPA's staff unnamed", async () => {
    const owner = await makePartner();
    const other = await makePartner();
    const admin = await makeAdmin();
    const org = owner.membership.organizationId;
    await event({ action: "request.approved", actor: admin, organizationId: org, ip: "203.0.113.50", target: { type: "request", id: "22222222-2222-4222-8222-222222222222" } });
    await event({ action: "member.added", actor: owner, organizationId: org, ip: "198.51.100.8" });
    await event({ action: "user.signed_in", actor: owner, organizationId: org, ip: "198.51.100.8" });
    await event({ action: "key.revoked", actor: other, organizationId: other.membership.organizationId });
    await actAs(owner);
    const response = await activityExport.GET();
    expect(response.status).toBe(200);
    const text = await response.text();
    const [, ...rows] = lines(text);
    expect(rows.map((r) => r.split(",")[1])).toEqual(expect.arrayContaining(["request.approved", "member.added"]));
    expect(rows.every((r) => r.includes(`,${org},`))).toBe(true);
    expect(text).not.toContain("user.signed_in");
    expect(text).not.toContain(other.membership.organizationId);
    const approved = rows.find((r) => r.includes("request.approved"))!;
    expect(approved).toContain(",COPA staff,,");
    expect(text).not.toContain(admin.email);
    expect(text).not.toContain("203.0.113.50");
    expect(rows.find((r) => r.includes("member.added"))).toContain(`,${owner.email},${owner.id},`);
  });
});

describe("auditCsvStream", () => {
  it("reads 50,000 events one batch at a time, only as the reader asks", { timeout: 120_000 }, async () => {
    const { membership } = await makePartner();
    // Written by the database itself in one statement (a few hundred ms; createMany takes
    // tens of seconds for 50,000 rows). Pairs of events share a second, so the keyset must
    // neither lose nor repeat tie-mates; dates in the form Prisma stores on each engine.
    const org = membership.organizationId;
    if (process.env.TEST_DB_ENGINE === "postgres") {
      await db.$executeRawUnsafe(
        `INSERT INTO "AuditEvent" ("id", "action", "organizationId", "metadata", "createdAt")
         SELECT gen_random_uuid()::text, 'key.rotated', $1, '{"n":' || i || '}', TIMESTAMP '2026-01-01 00:00:00' + (i / 2) * INTERVAL '1 second'
         FROM generate_series(0, 49999) AS i`,
        org,
      );
    } else {
      await db.$executeRawUnsafe(
        `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49999)
         INSERT INTO "AuditEvent" ("id", "action", "organizationId", "metadata", "createdAt")
         SELECT lower(hex(randomblob(16))), 'key.rotated', ?, '{"n":' || i || '}', strftime('%Y-%m-%dT%H:%M:%S', '2026-01-01 00:00:00', '+' || (i / 2) || ' seconds') || '.000+00:00'
         FROM n`,
        org,
      );
    }
    const batches: number[] = [];
    const reader = auditCsvStream({ organizationId: membership.organizationId, action: "key.rotated" }, { batchSize: 1_000, onBatch: (n) => batches.push(n) }).getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    const header = await reader.read();
    expect(decoder.decode(header.value)).toMatch(/^\uFEFFtime_utc,/);
    expect(batches).toEqual([]);
    const first = await reader.read();
    expect(batches).toEqual([1_000]);
    const seen = new Set<number>();
    let newest = Infinity;
    const take = (chunk: Uint8Array) => {
      for (const line of decoder.decode(chunk).trimEnd().split("\r\n")) {
        const time = Date.parse(line.slice(0, 24));
        expect(time).toBeLessThanOrEqual(newest);
        newest = time;
        seen.add(Number(/""n"":(\d+)/.exec(line)![1]));
      }
    };
    take(first.value!);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) take(chunk.value);
    expect(seen.size).toBe(50_000);
    // Fifty full batches, then the empty read that ends the stream.
    expect(batches).toEqual([...Array.from({ length: 50 }, () => 1_000), 0]);
  });
});

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=1+2", "'=1+2"],
    ["+250788000000", "'+250788000000"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["=a,b", `"'=a,b"`],
  ])("%j becomes %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("leaves absent values empty", () => {
    expect(csvField(null)).toBe("");
    expect(csvField(undefined)).toBe("");
  });
});
