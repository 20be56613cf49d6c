import { describe, expect, it } from "vitest";
import { THROTTLE_POLICIES, delaySeconds, parseThrottledCode, throttledCode, throttledMessage } from "./throttle-policy";

const pair = THROTTLE_POLICIES.sign_in.rules.pair;
const account = THROTTLE_POLICIES.sign_in.rules.account;

describe("delaySeconds", () => {
  it.each([
    [pair, 1, 0],
    [pair, 5, 0],
    [pair, 6, 30],
    [pair, 7, 60],
    [pair, 8, 120],
    [pair, 12, 900],
    [pair, 1000, 900],
    [account, 10, 0],
    [account, 11, 15],
    [account, 12, 30],
    [account, 13, 60],
    [account, 500, 60],
  ])("rule %#: attempt %i waits %i s", (rule, count, seconds) => {
    expect(delaySeconds(rule, count)).toBe(seconds);
  });

  it("never lets the per-account delay become a lock-out", () => {
    for (const policy of Object.values(THROTTLE_POLICIES)) expect(policy.rules.account.capSeconds).toBeLessThanOrEqual(60);
  });
});

describe("throttled codes and messages", () => {
  it.each([
    [1, "Too many attempts; try again in 1 minute."],
    [60, "Too many attempts; try again in 1 minute."],
    [61, "Too many attempts; try again in 2 minutes."],
    [900, "Too many attempts; try again in 15 minutes."],
  ])("%i s reads %s", (seconds, message) => {
    expect(throttledMessage(seconds)).toBe(message);
  });

  it.each([
    [throttledCode(29.2), 30],
    ["throttled:0", null],
    ["throttled:abc", null],
    ["CredentialsSignin", null],
    [null, null],
  ])("parses %s", (code, seconds) => {
    expect(parseThrottledCode(code)).toBe(seconds);
  });
});
