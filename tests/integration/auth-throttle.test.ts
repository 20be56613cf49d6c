// Sign-in throttling (lib/auth/sign-in, lib/auth/throttle): refused attempts compute no
// password hash (argon2 verifications are counted), delays grow, and an attacker cannot
// lock the real user's known-good account+IP pair out. A controlled clock (`now`) replaces
// waiting; nothing here measures time.
import { describe, expect, it, vi } from "vitest";
import { authenticate, type SignInOutcome } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { makePartner } from "../support/factories";

const calls = vi.hoisted(() => ({ verify: 0 }));
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...original,
    verifyPassword: async (hash: string, password: string) => {
      calls.verify++;
      return original.verifyPassword(hash, password);
    },
  };
});

const PASSWORD = "correct horse battery"; // tests/support/factories
const T0 = new Date("2026-12-02T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const reasonOf = (outcome: SignInOutcome) => (outcome.ok ? "ok" : outcome.reason);
const signInAt = (email: string, password: string, ip: string | null, seconds: number) => authenticate({ email, password }, { ip, userAgent: "vitest", now: at(seconds) });

describe("sign-in throttle", () => {
  it("lets a few failures through, then refuses with growing delays before any hash is computed", async () => {
    const { email } = await makePartner();
    const ip = "198.51.100.7";
    const before = calls.verify;
    for (let i = 0; i < 5; i++) expect(await signInAt(email, `wrong guess ${i}`, ip, i)).toEqual({ ok: false, reason: "invalid" });
    // The sixth goes ahead (and starts a 30 s delay); the next ones inside it are refused.
    expect(await signInAt(email, "wrong guess 5", ip, 5)).toEqual({ ok: false, reason: "invalid" });
    expect(calls.verify - before).toBe(6);
    const refused = await signInAt(email, PASSWORD, ip, 10);
    expect(refused).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 25 });
    for (let i = 0; i < 20; i++) expect(reasonOf(await signInAt(email, "hammer", ip, 11 + i))).toBe("throttled");
    expect(calls.verify - before).toBe(6);
    // After the delay one more guess is heard, and the next delay is twice as long.
    expect(await signInAt(email, "wrong again", ip, 36)).toEqual({ ok: false, reason: "invalid" });
    expect(await signInAt(email, "wrong again", ip, 37)).toEqual({ ok: false, reason: "throttled", retryAfterSeconds: 59 });
    expect(calls.verify - before).toBe(7);
    // Refused attempts never extended the delay: after it, the right password works.
    expect((await signInAt(email, PASSWORD, ip, 96)).ok).toBe(true);
  });

  it("audits each failed sign-in with the address and the reason, not the refused ones", async () => {
    const { email, id } = await makePartner();
    await signInAt(email, "not it", "198.51.100.8", 0);
    await signInAt("nobody-at-all@bank.test", "not it", "198.51.100.8", 0);
    const events = await db.auditEvent.findMany({ where: { action: "auth.sign_in_failed", ip: "198.51.100.8" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => [e.targetId, JSON.parse(e.metadata).reason])).toEqual([
      [id, "wrong_password"],
      [null, "unknown_account"],
    ]);
    expect(events.every((e) => !e.metadata.includes("not it"))).toBe(true);
  });

  it("an attacker hammering from other addresses does not lock the real user's known pair out", async () => {
    const { email } = await makePartner();
    const home = "203.0.113.5";
    expect((await signInAt(email, PASSWORD, home, 0)).ok).toBe(true); // a known-good pair from now on

    // Many addresses, many guesses each, over an hour: the account itself ends up delayed.
    let refusedForAttacker = 0;
    for (let t = 1; t < 3600; t += 20) {
      const attacker = `192.0.2.${(t % 200) + 1}`;
      const outcome = await signInAt(email, `guess ${t}`, attacker, t);
      if (reasonOf(outcome) === "throttled") refusedForAttacker++;
    }
    expect(refusedForAttacker).toBeGreaterThan(0);
    const attackerNow = await signInAt(email, "one more", "192.0.2.250", 3600);
    expect(reasonOf(attackerNow)).toBe("throttled");

    // The real user at home is not even slowed down.
    const before = calls.verify;
    expect((await signInAt(email, PASSWORD, home, 3600)).ok).toBe(true);
    expect(calls.verify - before).toBe(1);

    // From a new network the account's delay applies, but it is capped at a minute.
    const elsewhere = await signInAt(email, PASSWORD, "198.51.100.99", 3600);
    expect(elsewhere).toMatchObject({ ok: false, reason: "throttled" });
    expect((elsewhere as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await signInAt(email, PASSWORD, "198.51.100.99", 3660)).ok).toBe(true);
  });

  it("still throttles per account when the client address is unknown (no trusted proxy)", async () => {
    const { email } = await makePartner();
    const before = calls.verify;
    for (let i = 0; i < 11; i++) expect(reasonOf(await signInAt(email, `guess ${i}`, null, i))).toBe("invalid");
    const refused = await signInAt(email, PASSWORD, null, 12);
    expect(refused).toMatchObject({ ok: false, reason: "throttled" });
    expect(calls.verify - before).toBe(11);
    // The account-only delay is short: the real user is in a minute later at the latest.
    expect((await signInAt(email, PASSWORD, null, 12 + 60)).ok).toBe(true);
  });

  it("throttles an unknown address exactly like a real one (no enumeration through the throttle)", async () => {
    const { email } = await makePartner();
    const unknown = `ghost-${Date.now()}@bank.test`;
    const trace = async (address: string) => {
      const out: string[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await signInAt(address, "wrong guess", "198.51.100.50", i);
        out.push(!r.ok && r.reason === "throttled" ? `throttled:${r.retryAfterSeconds}` : reasonOf(r));
      }
      return out;
    };
    expect(await trace(unknown)).toEqual(await trace(email));
  });

  it("counts parallel guesses before hashing, so a burst cannot slip past the limit", async () => {
    const { email } = await makePartner();
    const before = calls.verify;
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => signInAt(email, `burst ${i}`, "198.51.100.60", 0)));
    // Five free attempts and the one that starts the delay; all the others refused unhashed.
    expect(outcomes.filter((o) => reasonOf(o) === "invalid")).toHaveLength(6);
    expect(calls.verify - before).toBe(6);
  });
});
