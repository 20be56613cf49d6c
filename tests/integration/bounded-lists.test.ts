// Every list a page shows is one page of rows plus a count (lib/paging), in a stable
// order, scoped to the caller's organisation; the organisation filter searches on demand,
// at most 20 at a time, through an action only an admin can call.
import { randomBytes, randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The action wrapper reads the session cookie and the client IP through next/headers.
vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
const { actAs } = await import("../support/request");

const { searchOrganizationsAction } = await import("@/lib/admin/actions");
const { ORGANIZATION_SEARCH_LIMIT, getOrganizationHistory, listAuditEvents, searchOrganizations } = await import("@/lib/admin/queries");
const { db } = await import("@/lib/db");
const { listOrganizationKeys, countKeysAwaitingReveal } = await import("@/lib/keys/service");
const { PAGE_SIZE } = await import("@/lib/paging");
const { listOldestPendingRequests, listOrganizationRequests } = await import("@/lib/requests/service");
const { listOrganizationMembers } = await import("@/lib/organizations/members");
const { makeAdmin, makePartner } = await import("../support/factories");

const tag = () => randomBytes(4).toString("hex");


/** `n` keys in the organisation, several sharing a timestamp so only the id breaks ties. */
async function addKeys(organizationId: string, n: number) {
  const base = Date.now() - 86_400_000;
  await db.apiKey.createMany({
    data: Array.from({ length: n }, (_, i) => ({
      id: randomUUID(),
      organizationId,
      name: `Key ${i}`,
      type: "partner",
      environment: "sandbox",
      scopes: "cooperatives:read",
      status: i % 7 === 0 ? "pending" : "active",
      createdAt: new Date(base + Math.floor(i / 3) * 1000),
    })),
  });
}

describe("partner lists page on the server", () => {
  it("pages an organisation's keys: 50 a page, stable order, nothing lost or repeated, a count", async () => {
    const partner = await makePartner();
    const other = await makePartner();
    const org = partner.membership.organizationId;
    await addKeys(org, 120);
    await addKeys(other.membership.organizationId, 5);

    const pages = await Promise.all([1, 2, 3, 4].map((p) => listOrganizationKeys(org, p)));
    expect(pages.map((p) => p.rows.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 20, 0]);
    expect(pages.every((p) => p.total === 120 && p.pageCount === 3)).toBe(true);
    const ids = pages.flatMap((p) => p.rows.map((k) => k.id));
    expect(new Set(ids).size).toBe(120);
    // Newest first, and the same order on every call.
    const times = ids.map((id) => pages.flatMap((p) => p.rows).find((k) => k.id === id)!.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await listOrganizationKeys(org, 2)).rows.map((k) => k.id)).toEqual(pages[1].rows.map((k) => k.id));
    // Tenant-scoped, hash-free.
    expect(ids.length).toBe(120);
    expect(JSON.stringify(pages)).not.toMatch(/"hash"/);
    expect(await countKeysAwaitingReveal(org)).toBe(Math.ceil(120 / 7));
  });

  it("pages an organisation's requests and team the same way", async () => {
    const partner = await makePartner();
    const org = partner.membership.organizationId;
    const now = Date.now();
    await db.accessRequest.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        organizationId: org,
        requesterId: partner.id,
        keyName: `Request ${i}`,
        keyType: "partner",
        environment: "sandbox",
        useCase: "Checking membership before loans.",
        requestedScopes: "cooperatives:read",
        createdAt: new Date(now - i * 60_000),
      })),
    });
    const [first, second] = await Promise.all([listOrganizationRequests(org, 1), listOrganizationRequests(org, 2)]);
    expect([first.rows.length, second.rows.length, first.total]).toEqual([50, 5, 55]);
    expect(first.rows[0].keyName).toBe("Request 0");
    expect(second.rows.at(-1)!.keyName).toBe("Request 54");

    const team = await listOrganizationMembers(org, 1);
    expect([team.rows.length, team.total]).toEqual([1, 1]);
  });
});

describe("admin overview and detail pages", () => {
  it("lists only the few requests waiting longest, oldest first", async () => {
    const partner = await makePartner();
    const t = tag();
    const long = Date.UTC(2001, 0, 1);
    await db.accessRequest.createMany({
      data: Array.from({ length: 8 }, (_, i) => ({
        organizationId: partner.membership.organizationId,
        requesterId: partner.id,
        keyName: `Old ${t} ${i}`,
        keyType: "partner",
        environment: "sandbox",
        useCase: "Checking membership before loans.",
        requestedScopes: "cooperatives:read",
        // Older than anything another test file writes into this database.
        createdAt: new Date(long - i * 86_400_000),
      })),
    });
    const oldest = await listOldestPendingRequests(5);
    expect(oldest.map((r) => r.keyName)).toEqual([7, 6, 5, 4, 3].map((i) => `Old ${t} ${i}`));
  });

  it("shows an organisation's newest 10 keys with the totals", async () => {
    const partner = await makePartner();
    const org = partner.membership.organizationId;
    await addKeys(org, 30);
    const history = await getOrganizationHistory(org);
    expect(history.keys).toHaveLength(10);
    expect(history.keyCount).toBe(30);
    expect(history.activeKeyCount).toBe(30 - Math.ceil(30 / 7));
    expect(history.members).toBe(1);
  });
});

describe("audit log keyset paging", () => {
  it("walks events that share a timestamp forwards and back, losing and repeating none", async () => {
    const partner = await makePartner();
    const org = partner.membership.organizationId;
    const at = new Date(Date.UTC(2020, 5, 1));
    await db.auditEvent.createMany({ data: Array.from({ length: 7 }, () => ({ id: randomUUID(), action: "user.signed_in", organizationId: org, createdAt: at })) });
    const filters = { org, action: "user.signed_in" as const };
    const p1 = await listAuditEvents(filters, 3);
    const p2 = await listAuditEvents({ ...filters, after: p1.olderCursor! }, 3);
    const p3 = await listAuditEvents({ ...filters, after: p2.olderCursor! }, 3);
    const ids = [p1, p2, p3].flatMap((p) => p.events.map((e) => e.id));
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(7);
    expect(p3.olderCursor).toBeNull();
    const back = await listAuditEvents({ ...filters, before: p3.newerCursor! }, 3);
    expect(back.events.map((e) => e.id)).toEqual(p2.events.map((e) => e.id));
  });
});

describe("organisation search for the filter", () => {
  it("finds names ignoring the usual casings, alphabetically, at most 20", async () => {
    // Letters only: the numbered suffixes below must not also occur inside the tag.
    const t = tag().replace(/[0-9]/g, (d) => "ghijklmnop"[Number(d)]);
    await db.organization.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({ legalName: `Umurenge SACCO ${t} ${String(i).padStart(2, "0")}`, kind: "microfinance", contactEmail: `api-${i}@sacco.test` })),
    });
    for (const term of [`SACCO ${t}`, `sacco ${t}`, `Sacco ${t}`, `umurenge sacco ${t}`]) {
      const found = await searchOrganizations(term);
      expect(found, term).toHaveLength(ORGANIZATION_SEARCH_LIMIT);
      expect(found[0].legalName).toBe(`Umurenge SACCO ${t} 00`);
    }
    expect(await searchOrganizations(`${t} 24`)).toEqual([expect.objectContaining({ legalName: `Umurenge SACCO ${t} 24`, suspended: false })]);
    expect(await searchOrganizations(`no such ${t}`)).toEqual([]);
    expect((await searchOrganizations("")).length).toBeLessThanOrEqual(ORGANIZATION_SEARCH_LIMIT);
  });
});

describe("searchOrganizationsAction", () => {
  beforeEach(() => actAs(null));

  it("answers an admin with at most 20 matches", async () => {
    const admin = await makeAdmin();
    const t = tag();
    await db.organization.create({ data: { legalName: `Inkingi Bank ${t}`, kind: "bank", contactEmail: "api@inkingi.test" } });
    await actAs(admin);
    const result = await searchOrganizationsAction({ query: `inkingi bank ${t}` });
    expect(result).toEqual({ ok: true, data: [expect.objectContaining({ legalName: `Inkingi Bank ${t}` })] });
  });

  it("refuses a partner and a signed-out caller, without searching", async () => {
    const partner = await makePartner();
    await db.organization.create({ data: { legalName: `Secret Partner ${tag()}`, kind: "bank", contactEmail: "api@secret.test" } });
    await actAs(partner);
    expect(await searchOrganizationsAction({ query: "Secret" })).toEqual({ ok: false, error: "Not found." });
    await actAs(null);
    expect(await searchOrganizationsAction({ query: "Secret" })).toEqual({ ok: false, error: "Your session has ended. Please sign in again." });
  });

  it("refuses an admin who was demoted since signing in", async () => {
    const admin = await makeAdmin();
    await actAs(admin);
    await db.user.update({ where: { id: admin.id }, data: { role: "partner" } });
    expect(await searchOrganizationsAction({ query: "" })).toEqual({ ok: false, error: "Not found." });
  });

  it("validates the query", async () => {
    const admin = await makeAdmin();
    await actAs(admin);
    const result = await searchOrganizationsAction({ query: "x".repeat(101) });
    expect(result.ok).toBe(false);
  });
});
