// Scope changes on a live key (issue 11, part 2): removals apply at once, additions go
// through review; on approval the same key (same secret) answers with its new scopes on
// the very next API call. Permissions through the server actions called directly as the
// wrong user and organisation; two admins deciding at once give one outcome.
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
const { actAs, cookieJar } = await import("../support/request");

const { decideScopeChangeAction } = await import("@/app/(admin)/admin/keys/[id]/actions");
const { requestScopeChangeAction, withdrawScopeChangeAction } = await import("@/app/(partner)/keys/actions");
const { closeApiStore } = await import("@/lib/api/store");
const { db } = await import("@/lib/db");
const { scopeChangeDecisionSchema, scopeChangeRequestSchema } = await import("@/lib/keys/schemas");
const { decideScopeChange, getKeyHistory, requestScopeChange } = await import("@/lib/keys/scope-changes");
const { revokeKey } = await import("@/lib/keys/service");
const { makeAdmin, makePartner } = await import("../support/factories");
const { refusal } = await import("../support/english");
const { call, issueKey, seeded } = await import("./api-support");

afterEach(() => cookieJar.clear());
afterAll(() => closeApiStore());

const REASON = "Our loan officers now also check members' repayment history.";

async function liveKey(scopes: string[] = ["cooperatives:read", "members:read"]) {
  await seeded();
  const key = await issueKey(scopes);
  const developer = await makePartner("developer", { organizationId: key.organizationId });
  return { ...key, developer };
}

const keyScopes = async (keyId: string) => (await db.apiKey.findUniqueOrThrow({ where: { id: keyId }, select: { scopes: true } })).scopes;
const ask = (keyId: string, add: string[], remove: string[] = []) => scopeChangeRequestSchema.parse({ keyId, add, remove, reason: REASON });
const approve = (changeId: string) => scopeChangeDecisionSchema.parse({ changeId, decision: "approve" });

describe("scope changes on a live key", () => {
  it("adds a scope after review: same secret, the next API call is allowed", async () => {
    const { secret, keyId, developer } = await liveKey();
    const hashBefore = (await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).hash;
    expect((await call("GET", "/loans/", { key: secret })).status).toBe(403);

    await actAs(developer);
    const asked = await requestScopeChangeAction({ keyId, add: ["loans:read"], remove: [], reason: REASON });
    expect(asked).toMatchObject({ ok: true, data: { status: "pending" } });
    // Waiting for review: nothing changed yet.
    expect((await call("GET", "/loans/", { key: secret })).status).toBe(403);

    const admin = await makeAdmin();
    await actAs(admin);
    const changeId = asked.ok ? asked.data.changeId : "";
    expect(await decideScopeChangeAction({ changeId, decision: "approve" })).toEqual({ ok: true, data: { outcome: "decided" } });
    expect(await keyScopes(keyId)).toBe("cooperatives:read members:read loans:read");
    expect((await call("GET", "/loans/", { key: secret })).status).toBe(200);
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: keyId } })).hash).toBe(hashBefore);

    const history = await getKeyHistory(keyId, "partner");
    expect(history.map((h) => h.action)).toEqual(["key.scopes_changed", "key.scope_change_approved", "key.scope_change_requested", "key.issued", "key.issued"]);
    expect(history[1].by).toBe("COPA");
    expect((await getKeyHistory(keyId, "admin"))[1].by).toBe(admin.email);
  });

  it("removes a scope at once: the next call is refused, nothing waits for review", async () => {
    const { secret, keyId, developer } = await liveKey();
    expect((await call("GET", "/members/", { key: secret })).status).toBe(200);
    const result = await requestScopeChange(ask(keyId, [], ["members:read"]), developer, null);
    expect(result.status).toBe("applied");
    expect(await keyScopes(keyId)).toBe("cooperatives:read");
    expect((await call("GET", "/members/", { key: secret })).status).toBe(403);
    expect((await call("GET", "/cooperatives/", { key: secret })).status).toBe(200);
    expect(await db.scopeChange.count({ where: { keyId, status: "pending" } })).toBe(0);
  });

  it("a rejected addition leaves the key as it was; the removal asked with it stays applied", async () => {
    const { keyId, developer } = await liveKey();
    const { changeId } = await requestScopeChange(ask(keyId, ["loans:read"], ["members:read"]), developer, null);
    expect(await keyScopes(keyId)).toBe("cooperatives:read");
    const admin = await makeAdmin();
    expect(scopeChangeDecisionSchema.safeParse({ changeId, decision: "reject", note: "short" }).success).toBe(false);
    await decideScopeChange(scopeChangeDecisionSchema.parse({ changeId, decision: "reject", note: "Loans data needs a production agreement." }), admin, null);
    expect(await keyScopes(keyId)).toBe("cooperatives:read");
    expect((await db.scopeChange.findUniqueOrThrow({ where: { id: changeId } })).status).toBe("rejected");
  });

  it("refuses what the key policy forbids, scopes already held or not held, and removing every scope", async () => {
    await seeded();
    const webhook = await issueKey(["webhooks:receive"], { keyType: "webhook" });
    const owner = await makePartner("developer", { organizationId: webhook.organizationId });
    await expect(refusal(requestScopeChange(ask(webhook.keyId, ["payments:write"]), owner, null))).resolves.toMatchObject({ code: "invalid", message: expect.stringMatching(/Webhook keys cannot hold payments:write/) });
    await expect(refusal(requestScopeChange(ask(webhook.keyId, ["webhooks:receive"]), owner, null))).resolves.toMatchObject({ code: "invalid", message: expect.stringMatching(/already holds/) });
    await expect(refusal(requestScopeChange(ask(webhook.keyId, [], ["members:read"]), owner, null))).resolves.toMatchObject({ code: "invalid", message: expect.stringMatching(/does not hold/) });
    await expect(refusal(requestScopeChange(ask(webhook.keyId, [], ["webhooks:receive"]), owner, null))).resolves.toMatchObject({ code: "invalid", message: expect.stringMatching(/keeps at least one scope/) });
    expect(await db.scopeChange.count({ where: { keyId: webhook.keyId } })).toBe(0);
  });

  it("one pending addition per key; a revoked key cannot change", async () => {
    const { keyId, developer } = await liveKey();
    await requestScopeChange(ask(keyId, ["loans:read"]), developer, null);
    await expect(requestScopeChange(ask(keyId, ["payments:read"]), developer, null)).rejects.toMatchObject({ code: "conflict" });
    await revokeKey({ keyId, confirmName: "Integration test key", reason: "" } as never, developer, { organizationId: developer.membership.organizationId }, null);
    await expect(requestScopeChange(ask(keyId, [], ["members:read"]), developer, null)).rejects.toMatchObject({ code: "conflict", message: /revoked/ });
  });

  it("an approval of a change whose key was revoked meanwhile fails and changes nothing", async () => {
    const { keyId, developer } = await liveKey();
    const { changeId } = await requestScopeChange(ask(keyId, ["loans:read"]), developer, null);
    await db.apiKey.update({ where: { id: keyId }, data: { status: "revoked", revokedAt: new Date() } });
    await expect(decideScopeChange(approve(changeId), await makeAdmin(), null)).rejects.toMatchObject({ code: "conflict", message: /revoked/ });
    expect((await db.scopeChange.findUniqueOrThrow({ where: { id: changeId } })).status).toBe("pending");
    expect(await keyScopes(keyId)).toBe("cooperatives:read members:read");
  });
});

describe("who may do what", () => {
  it("another organisation's owner, a viewer and an admin cannot ask; a partner cannot decide", async () => {
    const { keyId, developer } = await liveKey();
    const stranger = await makePartner();
    await actAs(stranger);
    expect(await requestScopeChangeAction({ keyId, add: [], remove: ["members:read"], reason: REASON })).toEqual({ ok: false, error: "Not found.", code: "not_found" });
    const viewer = await makePartner("viewer", { organizationId: developer.membership.organizationId });
    await actAs(viewer);
    expect(await requestScopeChangeAction({ keyId, add: [], remove: ["members:read"], reason: REASON })).toMatchObject({ ok: false, error: /viewer/ });
    await actAs(await makeAdmin());
    expect(await requestScopeChangeAction({ keyId, add: [], remove: ["members:read"], reason: REASON })).toMatchObject({ ok: false });
    expect(await keyScopes(keyId)).toBe("cooperatives:read members:read");

    const { changeId } = await requestScopeChange(ask(keyId, ["loans:read"]), developer, null);
    await actAs(developer);
    expect(await decideScopeChangeAction({ changeId, decision: "approve" })).toEqual({ ok: false, error: "Not found." });
    await actAs(stranger);
    expect(await withdrawScopeChangeAction({ changeId })).toMatchObject({ ok: false, code: "not_found" });
    expect((await db.scopeChange.findUniqueOrThrow({ where: { id: changeId } })).status).toBe("pending");
    expect(await keyScopes(keyId)).toBe("cooperatives:read members:read");
  });
});

describe("races: one outcome", () => {
  it("two admins deciding the same scope change at once (and the partner withdrawing): one wins", async () => {
    const { keyId, developer } = await liveKey();
    const { changeId } = await requestScopeChange(ask(keyId, ["loans:read"]), developer, null);
    const [a, b] = [await makeAdmin(), await makeAdmin()];
    const results = await Promise.allSettled([
      decideScopeChange(approve(changeId), a, null),
      decideScopeChange(scopeChangeDecisionSchema.parse({ changeId, decision: "reject", note: "Not for this integration." }), b, null),
      decideScopeChange(approve(changeId), b, null),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "conflict" });
    const status = (await db.scopeChange.findUniqueOrThrow({ where: { id: changeId } })).status;
    expect(await keyScopes(keyId)).toBe(status === "approved" ? "cooperatives:read members:read loans:read" : "cooperatives:read members:read");
    const decisions = await db.auditEvent.count({ where: { targetId: keyId, action: { in: ["key.scope_change_approved", "key.scope_change_rejected"] } } });
    expect(decisions).toBe(1);
  });
});

describe("two-person rule on scope changes", () => {
  it("adding a write scope to a production key needs a second, different admin", async () => {
    const key = await issueKey(["cooperatives:read"], { environment: "production" });
    const developer = await makePartner("developer", { organizationId: key.organizationId });
    const { changeId } = await requestScopeChange(scopeChangeRequestSchema.parse({ keyId: key.keyId, add: ["payments:write"], remove: [], reason: REASON }), developer, null);
    const [first, second] = [await makeAdmin(), await makeAdmin()];
    expect(await decideScopeChange(approve(changeId), first, null)).toMatchObject({ awaitingSecondApproval: true });
    expect(await keyScopes(key.keyId)).toBe("cooperatives:read");
    await actAs(first);
    expect(await decideScopeChangeAction({ changeId, decision: "approve" })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await keyScopes(key.keyId)).toBe("cooperatives:read");
    await actAs(second);
    expect(await decideScopeChangeAction({ changeId, decision: "approve" })).toEqual({ ok: true, data: { outcome: "decided" } });
    expect(await keyScopes(key.keyId)).toBe("cooperatives:read payments:write");
    const actions = (await getKeyHistory(key.keyId, "admin")).map((h) => [h.action, h.by]);
    // The approval and the change it applies are written in one transaction and may share a
    // millisecond, so their order between themselves is not fixed; both come after the first
    // admin's approval.
    expect(new Set(actions.slice(0, 2).map(String))).toEqual(new Set([["key.scopes_changed", second.email], ["key.scope_change_approved", second.email]].map(String)));
    expect(actions[2]).toEqual(["key.scope_change_first_approval", first.email]);
  });
});
