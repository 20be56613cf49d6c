// Server-side sessions (lib/auth/sessions) and neutral answers, through the real server
// actions: the request's cookie jar and headers are the only things faked, so each action
// runs its real wrapper (session check from the database, zod, error mapping). Actions are
// also called directly as the wrong user. The clock is controlled with fake Dates.
import { encode } from "next-auth/jwt";
import { afterEach, describe, expect, it, vi } from "vitest";
import { endSessionAction, signOutEverywhereAction } from "@/app/(partner)/account/actions";
import { signUpAction } from "@/app/(auth)/sign-up/actions";
import { inviteMemberAction } from "@/app/(partner)/team/actions";
import { getAuthOptions } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";
import { endSessionById, listActiveSessions, loadLiveSession } from "@/lib/auth/sessions";
import { authenticate } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { makeAdmin, makePartner } from "../support/factories";

const request = vi.hoisted(() => ({ cookies: new Map<string, string>(), headers: new Headers() }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => void request.cookies.set(name, value),
  }),
  headers: async () => request.headers,
}));
// getCurrentUser is wrapped in React's cache(), which only caches inside a render; outside
// one it simply calls through, so every action call below re-reads the database.

const PASSWORD = "correct horse battery";
const COOKIE = "next-auth.session-token";

async function signInAs(email: string, password = PASSWORD, userAgent = "vitest") {
  const outcome = await authenticate({ email, password }, { ip: null, userAgent });
  if (!outcome.ok) throw new Error(`sign-in failed: ${outcome.reason}`);
  return outcome.sessionId;
}

/** This "browser" now sends the cookie of session `sid` (exactly what next-auth would set). */
async function useSession(sid: string | null) {
  request.cookies.clear();
  if (sid) request.cookies.set(COOKIE, await encode({ token: { sid }, secret: process.env.NEXTAUTH_SECRET! }));
}

afterEach(() => {
  vi.useRealTimers();
  request.cookies.clear();
});

describe("sessions", () => {
  it("a signed-out session's cookie gets nothing, here and from next-auth's jwt callback", async () => {
    const partner = await makePartner();
    const sid = await signInAs(partner.email);
    await useSession(sid);
    expect((await getCurrentUser())?.id).toBe(partner.id);
    const jwt = getAuthOptions().callbacks!.jwt!;
    await expect(jwt({ token: { sid } } as never)).resolves.toEqual({ sid });

    await endSessionById(sid, "signed_out");
    expect(await getCurrentUser()).toBeNull();
    // /api/auth/session runs the jwt callback: an ended session is refused, not extended.
    await expect(jwt({ token: { sid } } as never)).rejects.toThrow("session ended");
    expect(await db.auditEvent.count({ where: { action: "user.signed_out", targetId: sid } })).toBe(1);
  });

  it("ends after 2 hours idle, activity keeps it alive, and it never outlives 12 hours (8 for admins)", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const t0 = new Date("2026-12-02T08:00:00Z");
    vi.setSystemTime(t0);
    const partner = await makePartner();
    const sid = await signInAs(partner.email);
    await useSession(sid);
    const hours = (h: number) => vi.setSystemTime(new Date(t0.getTime() + h * 3600_000));

    // Active every 100 minutes: alive all day long ...
    for (let h = 1.6; h < 12; h += 1.6) {
      hours(h);
      expect((await getCurrentUser())?.id, `at ${h} h`).toBe(partner.id);
    }
    // ... until the absolute lifetime.
    hours(12.01);
    expect(await getCurrentUser()).toBeNull();

    // Idle: two hours without a request end it.
    hours(0);
    const idle = await signInAs(partner.email);
    await useSession(idle);
    hours(1.99);
    expect((await getCurrentUser())?.id).toBe(partner.id);
    hours(1.99 + 2.01);
    expect(await getCurrentUser()).toBeNull();

    // Admins: 8 hours, however active.
    hours(0);
    // Signed in with the password alone (two-factor is another test's subject).
    const admin = await makeAdmin({ twoFactor: false });
    await db.user.update({ where: { id: admin.id }, data: { passwordHash: (await db.user.findUniqueOrThrow({ where: { id: partner.id } })).passwordHash } });
    const adminSid = await signInAs(admin.email);
    for (let h = 1.5; h <= 7.5; h += 1.5) expect(await loadLiveSession(adminSid, new Date(t0.getTime() + h * 3600_000))).not.toBeNull();
    expect(await loadLiveSession(adminSid, new Date(t0.getTime() + 8.01 * 3600_000))).toBeNull();
  });

  it("refreshes lastSeenAt at most once a minute", async () => {
    const partner = await makePartner();
    const sid = await signInAs(partner.email);
    const seen = async () => (await db.session.findUniqueOrThrow({ where: { id: sid } })).lastSeenAt.getTime();
    const start = await seen();
    await loadLiveSession(sid, new Date(start + 30_000));
    expect(await seen()).toBe(start);
    await loadLiveSession(sid, new Date(start + 61_000));
    expect(await seen()).toBe(start + 61_000);
  });

  it("ending one session from the account page ends only that one", async () => {
    const partner = await makePartner();
    const [laptop, phone, tablet] = [await signInAs(partner.email, PASSWORD, "laptop"), await signInAs(partner.email, PASSWORD, "phone"), await signInAs(partner.email, PASSWORD, "tablet")];
    await useSession(laptop);
    expect(await endSessionAction({ sessionId: phone })).toEqual({ ok: true, data: { endedCurrent: false } });
    expect(await loadLiveSession(phone)).toBeNull();
    expect(await loadLiveSession(laptop)).not.toBeNull();
    expect(await loadLiveSession(tablet)).not.toBeNull();
    expect((await listActiveSessions(partner.id, laptop)).map((s) => [s.userAgent, s.isCurrent]).sort()).toEqual([
      ["laptop", true],
      ["tablet", false],
    ]);
  });

  it("refuses to end another user's session, as if it did not exist (called directly as the wrong user)", async () => {
    const victim = await makePartner();
    const attacker = await makePartner();
    const victimSid = await signInAs(victim.email);
    await useSession(await signInAs(attacker.email));
    const result = await endSessionAction({ sessionId: victimSid });
    const unknown = await endSessionAction({ sessionId: "00000000-0000-4000-8000-000000000000" });
    expect(result).toMatchObject({ ok: false, error: "This session has already ended." });
    expect(unknown).toEqual(result);
    expect(await loadLiveSession(victimSid)).not.toBeNull();

    // Signed out, or with an ended session: no action runs at all.
    await useSession(null);
    expect(await endSessionAction({ sessionId: victimSid })).toEqual({ ok: false, error: "Your session has ended. Please sign in again." });
    expect(await signOutEverywhereAction({})).toEqual({ ok: false, error: "Your session has ended. Please sign in again." });
    expect(await loadLiveSession(victimSid)).not.toBeNull();
  });

  it("sign out everywhere ends every session row of the caller, and no one else's", async () => {
    const partner = await makePartner();
    const other = await makePartner();
    const [a, b] = [await signInAs(partner.email), await signInAs(partner.email)];
    const bystander = await signInAs(other.email);
    await useSession(a);
    expect((await signOutEverywhereAction({})).ok).toBe(true);
    expect(await loadLiveSession(a)).toBeNull();
    expect(await loadLiveSession(b)).toBeNull();
    expect(await loadLiveSession(bystander)).not.toBeNull();
  });
});

describe("no account enumeration", () => {
  it("sign-up answers the same for a taken address and a free one", async () => {
    const existing = await makePartner();
    const taken = await signUpAction({ name: "Someone Else", email: existing.email, password: "umuganda-ikawa-7-inyange" });
    const free = await signUpAction({ name: "Someone New", email: `new-${Date.now()}@bank.test`, password: "umuganda-ikawa-7-inyange" });
    expect(taken).toEqual(free);
    expect(taken).toEqual({ ok: true, data: null });
    // The taken address is audited, and its account untouched.
    const refused = await db.auditEvent.findFirst({ where: { action: "auth.sign_up_refused" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(refused!.metadata)).toEqual({ email: existing.email, reason: "email_taken" });
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
  });

  it("sign-up is throttled per address like sign-in", async () => {
    const email = `spam-${Date.now()}@bank.test`;
    const results = [];
    for (let i = 0; i < 8; i++) results.push(await signUpAction({ name: "Spam Bot", email, password: "umuganda-ikawa-7-inyange" }));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many attempts; try again in \d+ minutes?\.$/) });
  });

  it("the invitation form answers the same for an admin's e-mail, an unknown one and a member of another organisation", async () => {
    const owner = await makePartner("owner");
    const admin = await makeAdmin();
    const inOtherOrg = await makePartner("owner");
    await useSession(await signInAs(owner.email));
    const forAdmin = await inviteMemberAction({ email: admin.email, role: "developer" });
    const forUnknown = await inviteMemberAction({ email: `nobody-${Date.now()}@bank.test`, role: "developer" });
    const forOtherOrg = await inviteMemberAction({ email: inOtherOrg.email, role: "developer" });
    expect(forAdmin).toEqual(forUnknown);
    expect(forOtherOrg).toEqual(forUnknown);
    expect(forUnknown).toEqual({ ok: true, data: null });
    // An invitation is not a membership: nobody joins without accepting.
    expect(await db.membership.count({ where: { userId: { in: [admin.id, inOtherOrg.id] }, organizationId: owner.membership.organizationId } })).toBe(0);
  });

  it("only owners invite (called directly as a developer)", async () => {
    const owner = await makePartner("owner");
    const developer = await makePartner("developer", { organizationId: owner.membership.organizationId });
    await useSession(await signInAs(developer.email));
    const email = `newcomer-${Date.now()}@bank.test`;
    expect(await inviteMemberAction({ email, role: "owner" })).toMatchObject({ ok: false, error: expect.stringContaining("cannot do this") });
    expect(await db.invitation.count({ where: { email } })).toBe(0);
    expect(await db.mailMessage.count({ where: { to: email } })).toBe(0);
  });
});
