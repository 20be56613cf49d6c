// Leaked-key reports (issue 12, item 6): GitHub's secret scanning posts signed matches to
// /api/leaks/github; an admin can report by hand. A reported key is revoked or quarantined
// (the admin's policy), its owners are told, the report is idempotent and audited, and
// the answer never reveals whether a string was a key of ours.
import { generateKeyPairSync, sign } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
const { actAs, cookieJar } = await import("../support/request");
const { db } = await import("@/lib/db");
const { releaseQuarantineAction, reportLeakAction, updateLeakSettingsAction } = await import("@/lib/leaks/actions");
const { updateLeakSettings } = await import("@/lib/leaks/service");
const { makeAdmin, makePartner } = await import("../support/factories");
const { call, issueKey, INSUFFICIENT_SCOPE_BODY, INVALID_KEY_BODY, UNKNOWN_KEY } = await import("./api-support");

const github = generateKeyPairSync("ec", { namedCurve: "P-256" });
const GITHUB_DOCUMENT = JSON.stringify({ public_keys: [{ key_identifier: "gh-key-1", key: github.publicKey.export({ type: "spki", format: "pem" }).toString(), is_current: true }] });

/** GitHub's documented payload, signed over its exact bytes. */
function alert(tokens: string[], url = "https://github.com/octocat/Hello-World/blob/12345600b9cbe38a219f39a9941c9319b600c002/foo/bar.txt") {
  const body = JSON.stringify(tokens.map((token) => ({ token, type: "copa_api_key", url, source: "content" })));
  const signature = sign("sha256", Buffer.from(body), { key: github.privateKey, dsaEncoding: "der" }).toString("base64");
  return { body, headers: { "Github-Public-Key-Identifier": "gh-key-1", "Github-Public-Key-Signature": signature } };
}
const post = (a: { body: string; headers: Record<string, string> }) => call("POST", "/api/leaks/github", { key: null, body: a.body, headers: a.headers });

async function settings(action: "revoke" | "quarantine") {
  await updateLeakSettings({ action, githubKeys: GITHUB_DOCUMENT }, await makeAdmin(), null);
}
const countOf = async (keyId: string) => ({
  audit: await db.auditEvent.count({ where: { targetId: keyId } }),
  notices: await db.notification.count({ where: { kind: "key_leaked", link: `/keys/${keyId}` } }),
  reports: await db.leakReport.count({ where: { apiKeyId: keyId } }),
});

beforeEach(() => settings("revoke"));
afterEach(() => cookieJar.clear());

describe("GitHub's secret scanning", () => {
  it("a signed report revokes the key: the next call is refused, the owners are told, and it is audited", async () => {
    const key = await issueKey(["cooperatives:read"]);
    expect((await call("GET", "/cooperatives", { key: key.secret })).status).toBe(200);

    const res = await post(alert([key.secret]));
    expect(res.status).toBe(200);
    expect(res.json).toEqual([]);

    const refused = await call("GET", "/cooperatives", { key: key.secret });
    expect([refused.status, refused.text]).toEqual([401, INVALID_KEY_BODY]);
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: key.keyId } })).toMatchObject({ status: "revoked" });
    const actions = (await db.auditEvent.findMany({ where: { targetId: key.keyId }, select: { action: true, metadata: true } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["key.leak_reported", "key.revoked"]));
    const owner = await db.membership.findFirstOrThrow({ where: { organizationId: key.organizationId, role: "owner" } });
    expect(await db.notification.findFirst({ where: { userId: owner.userId, kind: "key_leaked" } })).toMatchObject({ link: `/keys/${key.keyId}` });
    // The full key is in no report, audit event or notification.
    const stored = JSON.stringify([await db.leakReport.findMany(), await db.auditEvent.findMany({ where: { targetId: key.keyId } }), await db.notification.findMany({ where: { userId: owner.userId } })]);
    expect(stored).not.toContain(key.secret);
  });

  it("is idempotent: the same report again changes nothing and tells no one", async () => {
    const key = await issueKey(["cooperatives:read"]);
    await post(alert([key.secret]));
    const before = await countOf(key.keyId);
    expect(before).toMatchObject({ notices: 1, reports: 1 });
    const again = await post(alert([key.secret]));
    expect([again.status, again.json]).toEqual([200, []]);
    expect(await countOf(key.keyId)).toEqual(before);
  });

  it("answers unknown, malformed and other companies' tokens exactly like ours, and stores nothing for them", async () => {
    const key = await issueKey(["cooperatives:read"]);
    const ours = await post(alert([key.secret]));
    const reportsBefore = await db.leakReport.count();
    const others = await post(alert([UNKNOWN_KEY, "sk_copa_partner_short", "ghp_016ab8e5c7a1e2b9f0d3a7c4e6b8d1f3a5c7"]));
    expect([others.status, others.text, others.headers.get("content-type")]).toEqual([ours.status, ours.text, ours.headers.get("content-type")]);
    expect(await db.leakReport.count()).toBe(reportsBefore);
  });

  it("refuses a tampered body, a wrong or missing signature and an unknown key id, acting on nothing", async () => {
    const key = await issueKey(["cooperatives:read"]);
    const good = alert([key.secret]);
    const tampered = [
      { body: good.body.replace("content", "commit"), headers: good.headers },
      { body: good.body, headers: { ...good.headers, "Github-Public-Key-Signature": alert([UNKNOWN_KEY]).headers["Github-Public-Key-Signature"] } },
      { body: good.body, headers: { ...good.headers, "Github-Public-Key-Identifier": "gh-key-2" } },
      { body: good.body, headers: {} },
    ];
    for (const attempt of tampered) {
      const res = await post(attempt);
      expect([res.status, res.json]).toEqual([401, { detail: "Invalid signature." }]);
    }
    expect(await countOf(key.keyId)).toMatchObject({ reports: 0, notices: 0 });
    expect((await call("GET", "/cooperatives", { key: key.secret })).status).toBe(200);
  });

  it("answers 400 to a signed body that is not a list of matches", async () => {
    for (const body of ["{not json", JSON.stringify({ token: "x" })]) {
      const headers = { "Github-Public-Key-Identifier": "gh-key-1", "Github-Public-Key-Signature": sign("sha256", Buffer.from(body), { key: github.privateKey, dsaEncoding: "der" }).toString("base64") };
      expect((await post({ body, headers })).status).toBe(400);
    }
  });
});

describe("quarantine", () => {
  it("withdraws the write scopes at once, keeps reads, and an admin can give them back once", async () => {
    await settings("quarantine");
    const key = await issueKey(["cooperatives:read", "cooperatives:write"]);
    await post(alert([key.secret]));

    expect((await call("GET", "/cooperatives", { key: key.secret })).status).toBe(200);
    const write = await call("POST", "/cooperatives", { key: key.secret, body: {} });
    expect([write.status, write.text]).toEqual([403, INSUFFICIENT_SCOPE_BODY]);
    const report = await db.leakReport.findFirstOrThrow({ where: { apiKeyId: key.keyId } });
    expect(report).toMatchObject({ outcome: "quarantined", withdrawnScopes: '["cooperatives:write"]', releasedAt: null });

    const admin = await makeAdmin();
    await actAs(admin);
    expect(await releaseQuarantineAction({ reportId: report.id })).toEqual({ ok: true, data: undefined });
    expect((await call("POST", "/cooperatives", { key: key.secret, body: {} })).status).toBe(400);
    expect(await releaseQuarantineAction({ reportId: report.id })).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("an admin's report and settings", () => {
  it("an admin reports a key by hand; a partner cannot, even for their own organisation's key", async () => {
    const key = await issueKey(["cooperatives:read"]);
    const owner = await db.membership.findFirstOrThrow({ where: { organizationId: key.organizationId, role: "owner" } });
    await actAs({ id: owner.userId });
    expect(await reportLeakAction({ key: key.secret, location: "a pastebin" })).toMatchObject({ ok: false, error: "Not found." });
    expect(await countOf(key.keyId)).toMatchObject({ reports: 0 });

    await actAs(await makeAdmin());
    expect(await reportLeakAction({ key: key.secret, location: "a pastebin" })).toEqual({ ok: true, data: { recorded: 1 } });
    expect(await db.leakReport.findFirstOrThrow({ where: { apiKeyId: key.keyId } })).toMatchObject({ source: "admin", location: "a pastebin", outcome: "revoked" });
    // Not a key of ours: the same kind of answer, nothing recorded.
    expect(await reportLeakAction({ key: UNKNOWN_KEY, location: "" })).toEqual({ ok: true, data: { recorded: 0 } });
  });

  it("changing the policy or GitHub's keys needs an admin with a recent sign-in, checks the keys, and is audited", async () => {
    await actAs(await makePartner());
    expect(await updateLeakSettingsAction({ action: "quarantine", githubKeys: GITHUB_DOCUMENT })).toMatchObject({ ok: false, error: "Not found." });

    const admin = await makeAdmin();
    await actAs(admin, new Date(Date.now() - 60 * 60_000));
    expect(await updateLeakSettingsAction({ action: "quarantine", githubKeys: GITHUB_DOCUMENT })).toMatchObject({ ok: false, code: "step_up_required" });

    await actAs(admin);
    expect(await updateLeakSettingsAction({ action: "quarantine", githubKeys: "[{\"id\":\"x\",\"pem\":\"nope\"}]" })).toMatchObject({ ok: false, fieldErrors: { githubKeys: expect.stringMatching(/public key/i) } });
    expect(await updateLeakSettingsAction({ action: "quarantine", githubKeys: GITHUB_DOCUMENT })).toEqual({ ok: true, data: undefined });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "leak_settings.changed", actorId: admin.id } });
    expect(JSON.parse(event.metadata)).toMatchObject({ actionBefore: "revoke", action: "quarantine", keys: ["gh-key-1"] });
  });
});
