// Issue 12, items 1 and 2: per-key activity recorded by the API's hot path (calls per
// hour, client addresses, the last use of each scope), the rotation view and ending a
// grace period early, and the report of unused keys and scopes after a controlled clock.
// Real API calls through the app (tests/integration/api-support.ts), on both engines.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const { MESSAGES } = await import("@/lib/i18n/messages");
  return { getTranslations: async () => createTranslator({ locale: "en", messages: MESSAGES.en }) };
});
const { actAs, cookieJar } = await import("../support/request");

const { endGracePeriodAction, narrowKeyToUsedScopesAction } = await import("@/app/(partner)/keys/actions");
const { createApiApp } = await import("@/lib/api/app");
const { closeApiStore, getApiStore } = await import("@/lib/api/store");
const { db } = await import("@/lib/db");
const { getRotationActivity, ROTATION_HOURS } = await import("@/lib/keys/activity");
const { rotateKey } = await import("@/lib/keys/service");
const { getKeyScopeUsage, listUnusedKeys } = await import("@/lib/keys/unused");
const { makePartner } = await import("../support/factories");
const { call: callApi, issueKey, seeded } = await import("./api-support");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const INVALID = '{"detail":"Invalid API key"}';

beforeAll(() => seeded());
afterEach(() => cookieJar.clear());
afterAll(() => closeApiStore());

/** An API call, once its activity is written (PostgreSQL gathers it for up to ACTIVITY_FLUSH_MS). */
async function call(...args: Parameters<typeof callApi>) {
  const result = await callApi(...args);
  await getApiStore().flushActivity();
  return result;
}

/** An app whose clock the test moves. */
function clockedApp(start: number) {
  let now = start;
  const app = createApiApp({ now: () => new Date(now) });
  return { app, set: (ms: number) => (now = ms) };
}

async function liveKey(scopes: string[]) {
  const key = await issueKey(scopes);
  const developer = await makePartner("developer", { organizationId: key.organizationId });
  return { ...key, developer };
}

describe("activity recording", () => {
  it("counts every call per hour and client address, and the last admitted use of each scope", async () => {
    const { secret, keyId } = await liveKey(["cooperatives:read", "members:read"]);
    const t0 = Math.floor(Date.now() / HOUR) * HOUR - 3 * HOUR + 10 * 60_000;
    const { app, set } = clockedApp(t0);
    // One turn of four calls (one batched write), then one more from another address.
    const first = await Promise.all(Array.from({ length: 4 }, () => call("GET", "/cooperatives", { key: secret, app, ip: "203.0.113.7" })));
    expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect((await call("GET", "/cooperatives", { key: secret, app, ip: "198.51.100.9" })).status).toBe(200);
    // Refused for its scope: a call of the key from its address, but no use of a scope.
    expect((await call("POST", "/cooperatives", { key: secret, app, ip: "203.0.113.7", body: {} })).status).toBe(403);
    set(t0 + HOUR);
    expect((await call("GET", "/cooperatives", { key: secret, app, ip: "203.0.113.7" })).status).toBe(200);

    const hours = await db.keyCallHour.findMany({ where: { keyId }, orderBy: { hour: "asc" } });
    expect(hours.map((h) => [h.hour.getTime(), h.count])).toEqual([
      [t0 - 10 * 60_000, 6],
      [t0 - 10 * 60_000 + HOUR, 1],
    ]);
    const ips = await db.keyClientIp.findMany({ where: { keyId }, orderBy: { ip: "asc" } });
    expect(ips.map((i) => [i.ip, i.count, i.lastSeenAt.getTime()])).toEqual([
      ["198.51.100.9", 1, t0],
      ["203.0.113.7", 6, t0 + HOUR],
    ]);
    const uses = await db.keyScopeUse.findMany({ where: { keyId } });
    expect(uses.map((u) => [u.scope, u.lastUsedAt.getTime()])).toEqual([["cooperatives:read", t0 + HOUR]]);
  });

  it("prunes hourly counts after 7 days and addresses after 30 days", async () => {
    const { secret, keyId } = await liveKey(["cooperatives:read"]);
    const t0 = Date.now() - 40 * DAY;
    await db.apiKey.update({ where: { id: keyId }, data: { createdAt: new Date(t0 - DAY), expiresAt: null } });
    const { app, set } = clockedApp(t0);
    await call("GET", "/cooperatives", { key: secret, app, ip: "192.0.2.1" });
    set(t0 + 8 * DAY);
    await call("GET", "/cooperatives", { key: secret, app, ip: "192.0.2.2" });
    const hours = await db.keyCallHour.findMany({ where: { keyId } });
    expect(hours.map((h) => h.count)).toEqual([1]);
    expect(hours[0].hour.getTime()).toBeGreaterThan(t0 + 7 * DAY);
    expect((await db.keyClientIp.findMany({ where: { keyId } })).map((i) => i.ip).sort()).toEqual(["192.0.2.1", "192.0.2.2"]);
    set(t0 + 31 * DAY);
    await call("GET", "/cooperatives", { key: secret, app, ip: "192.0.2.2" });
    expect((await db.keyClientIp.findMany({ where: { keyId } })).map((i) => i.ip)).toEqual(["192.0.2.2"]);
  });
});

describe("rotation grace period", () => {
  it("both keys' pages see the old key's calls per hour and its addresses; the wrong users cannot end it, a developer can (audited), and the old key then gets 401", async () => {
    const { secret: oldSecret, keyId: oldId, organizationId, developer } = await liveKey(["cooperatives:read"]);
    const rotated = await rotateKey(oldId, "7d", developer, null);
    expect((await call("GET", "/cooperatives", { key: oldSecret, ip: "203.0.113.50" })).status).toBe(200);
    expect((await call("GET", "/cooperatives", { key: oldSecret, ip: "203.0.113.51" })).status).toBe(200);
    expect((await call("GET", "/cooperatives", { key: rotated.secret, ip: "203.0.113.99" })).status).toBe(200);

    for (const id of [oldId, rotated.keyId]) {
      const view = (await getRotationActivity(organizationId, id))!;
      expect(view.oldKey.id).toBe(oldId);
      expect(view.hours).toHaveLength(ROTATION_HOURS);
      expect(view.hours[0].count).toBe(2);
      expect(view.callsLastHour).toBe(2);
      // Most recent first; the new key's address is not the old key's.
      expect(view.ips.map((i) => i.ip)).toEqual(["203.0.113.51", "203.0.113.50"]);
    }
    // Another organisation sees nothing of it.
    const outsider = await makePartner();
    expect(await getRotationActivity(outsider.membership.organizationId, oldId)).toBeNull();

    await actAs(await makePartner("viewer", { organizationId }));
    expect(await endGracePeriodAction({ keyId: rotated.keyId })).toMatchObject({ ok: false, error: /viewer/ });
    await actAs(outsider);
    expect(await endGracePeriodAction({ keyId: rotated.keyId })).toMatchObject({ ok: false, code: "not_found" });
    // A stale sign-in must step up first, as for revoke.
    await actAs(developer, new Date(Date.now() - 2 * DAY));
    expect(await endGracePeriodAction({ keyId: rotated.keyId })).toMatchObject({ ok: false });
    expect((await call("GET", "/cooperatives", { key: oldSecret })).status).toBe(200);

    await actAs(developer);
    expect(await endGracePeriodAction({ keyId: rotated.keyId })).toMatchObject({ ok: true, data: { oldKeyId: oldId } });
    const refused = await call("GET", "/cooperatives", { key: oldSecret });
    expect(refused.status).toBe(401);
    expect(refused.text).toBe(INVALID);
    expect((await call("GET", "/cooperatives", { key: rotated.secret })).status).toBe(200);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: oldId, action: "key.grace_ended" } });
    expect(audit.actorId).toBe(developer.id);
    expect(JSON.parse(audit.metadata)).toMatchObject({ newKeyId: rotated.keyId, callsLastHour: 3 });
    // Over: no view, and a second end is refused.
    expect(await getRotationActivity(organizationId, rotated.keyId)).toBeNull();
    expect(await endGracePeriodAction({ keyId: rotated.keyId })).toMatchObject({ ok: false, code: "conflict" });
  });
});

describe("unused keys and scopes", () => {
  it("after a controlled clock, reports the unused key and the unused scope, per organisation and for admins, and narrows to the used scopes", async () => {
    const used = await liveKey(["cooperatives:read", "members:read"]);
    const idle = await issueKey(["cooperatives:read"]);
    const busy = await issueKey(["cooperatives:read"]);
    // Keys never expire here, so only the clock decides.
    await db.apiKey.updateMany({ where: { id: { in: [used.keyId, idle.keyId, busy.keyId] } }, data: { expiresAt: null } });
    const later = Date.now() + 100 * DAY;
    const { app } = clockedApp(later);
    expect((await call("GET", "/cooperatives", { key: used.secret, app })).status).toBe(200);
    expect((await call("GET", "/cooperatives", { key: busy.secret, app })).status).toBe(200);

    // Today nothing is old enough to report.
    expect((await listUnusedKeys(used.organizationId)).total).toBe(0);
    const report = await listUnusedKeys(used.organizationId, 1, new Date(later));
    expect(report.rows.map((r) => [r.id, r.unused, r.usedScopes, r.unusedScopes])).toEqual([[used.keyId, false, ["cooperatives:read"], ["members:read"]]]);
    expect((await getKeyScopeUsage(used.organizationId, used.keyId, ["cooperatives:read", "members:read"], new Date(later))).map((u) => [u.scope, u.in30, u.in90])).toEqual([
      ["cooperatives:read", true, true],
      ["members:read", false, false],
    ]);
    // The admin report covers every organisation: the idle key (never used) is there, the busy one is not.
    const admin: string[] = [];
    for (let page = 1; ; page++) {
      const p = await listUnusedKeys(null, page, new Date(later));
      admin.push(...p.rows.map((r) => r.id));
      if (page >= p.pageCount) break;
    }
    expect(admin).toEqual(expect.arrayContaining([used.keyId, idle.keyId]));
    expect(admin).not.toContain(busy.keyId);
    const idleRow = (await listUnusedKeys(idle.organizationId, 1, new Date(later))).rows[0];
    expect(idleRow).toMatchObject({ id: idle.keyId, unused: true, usedScopes: [], unusedScopes: ["cooperatives:read"] });

    // Narrowing: the wrong user is refused; the developer's removal applies at once, audited.
    await actAs(await makePartner("viewer", { organizationId: used.organizationId }));
    expect(await narrowKeyToUsedScopesAction({ keyId: used.keyId })).toMatchObject({ ok: false, error: /viewer/ });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(later);
    try {
      await actAs(used.developer);
      expect(await narrowKeyToUsedScopesAction({ keyId: used.keyId })).toMatchObject({ ok: true, data: { status: "applied" } });
    } finally {
      vi.useRealTimers();
    }
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: used.keyId } })).scopes).toBe("cooperatives:read");
    expect(await db.auditEvent.count({ where: { targetId: used.keyId, action: "key.scopes_changed" } })).toBe(1);
    expect((await call("GET", "/members", { key: used.secret, app })).status).toBe(403);
    expect((await listUnusedKeys(used.organizationId, 1, new Date(later))).total).toBe(0);
  });
});
