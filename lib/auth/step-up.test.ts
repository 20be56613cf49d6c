import { describe, expect, it } from "vitest";
import { STEP_UP_MAX_AGE_MS, isFresh, readStepUp, signStepUp } from "./step-up";

const secret = "unit-test-secret-0123456789";
const binding = { uid: "user-1", authAt: 1_700_000_000_000 };
const now = 1_700_000_900_000;

describe("step-up cookie", () => {
  const cookie = signStepUp(binding, now - 1000, secret);

  it("proves the time of the check for the session it was made for", () => {
    expect(readStepUp(cookie, binding, secret)).toBe(now - 1000);
  });

  it.each([
    ["missing", undefined, binding, secret],
    ["signed with another secret", signStepUp(binding, now, "another-secret-0123456789"), binding, secret],
    ["with its time moved forward", cookie.replace(`.${now - 1000}.`, `.${now + 100_000}.`), binding, secret],
    ["for another user", cookie, { ...binding, uid: "user-2" }, secret],
    ["from another sign-in of the same user", cookie, { ...binding, authAt: binding.authAt + 1 }, secret],
    ["malformed", "garbage", binding, secret],
  ])("is refused when %s", (_what, value, b, s) => {
    expect(readStepUp(value, b, s)).toBeNull();
  });
});

describe("isFresh", () => {
  it.each([
    ["a sign-in just now", [now - 1000, null], true],
    ["a sign-in 11 minutes ago and nothing since", [now - 11 * 60_000, null], false],
    ["an old sign-in but a step-up 2 minutes ago", [now - 60 * 60_000, now - 2 * 60_000], true],
    ["exactly the limit", [now - STEP_UP_MAX_AGE_MS, null], true],
    ["no check at all", [null, null], false],
    ["a check far in the future", [now + 10 * 60_000, null], false],
  ] as const)("%s → %s", (_what, checks, expected) => {
    expect(isFresh([...checks], now)).toBe(expected);
  });

  it("honours a shorter window", () => {
    expect(isFresh([now - 2 * 60_000], now, 60_000)).toBe(false);
  });
});
