import { describe, expect, it } from "vitest";
import { COMMON_PASSWORD_MESSAGE, PREDICTABLE_PASSWORD_MESSAGE, passwordWeakness } from "./password-strength";
import { changePasswordSchema, passwordSchema } from "./schemas";

// Every refused one is at least 12 characters: the length rule alone would let it through.
const REFUSED: [string, string][] = [
  ["password1234", COMMON_PASSWORD_MESSAGE],
  ["Password123!", COMMON_PASSWORD_MESSAGE],
  ["P@ssw0rd2024!", COMMON_PASSWORD_MESSAGE],
  ["iloveyou1234", COMMON_PASSWORD_MESSAGE],
  ["letmein12345", COMMON_PASSWORD_MESSAGE],
  ["qwertyuiop123", COMMON_PASSWORD_MESSAGE],
  ["sunshine2024", COMMON_PASSWORD_MESSAGE],
  ["aaaaaaaaaaaa", PREDICTABLE_PASSWORD_MESSAGE],
  ["abcdefghijkl", PREDICTABLE_PASSWORD_MESSAGE],
];

const ACCEPTED = ["correct horse battery", "e2e-admin-password-0001", "Tr0ub4dor&3xx", "umuganda-ikawa-7-inyange", "pw-3f9c2a1b-long-enough"];

describe("passwordWeakness", () => {
  it.each(REFUSED)("refuses %s", async (password, message) => {
    expect(await passwordWeakness(password)).toBe(message);
  });
  it.each(ACCEPTED)("accepts %s", async (password) => {
    expect(await passwordWeakness(password)).toBeNull();
  });
});

describe("passwordSchema", () => {
  const firstMessage = async (password: string) => {
    const parsed = await passwordSchema.safeParseAsync(password);
    return parsed.success ? null : parsed.error.issues.map((i) => i.message);
  };

  it("keeps the length rules, one message each", async () => {
    expect(await firstMessage("short")).toEqual(["auth.errors.passwordTooShort"]);
    expect(await firstMessage("x".repeat(201))).toEqual(["auth.errors.passwordTooLong"]);
  });

  it("refuses a breached password that passes the length rules", async () => {
    expect(await firstMessage("password1234")).toEqual([COMMON_PASSWORD_MESSAGE]);
    expect(await firstMessage("correct horse battery")).toBeNull();
  });
});

describe("changePasswordSchema", () => {
  const errors = async (input: Record<string, string>) => {
    const parsed = await changePasswordSchema.safeParseAsync(input);
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
  };

  it("puts each problem on its field", async () => {
    expect(await errors({ currentPassword: "", newPassword: "password1234", confirmPassword: "password1234" })).toEqual({
      currentPassword: "auth.errors.currentPasswordRequired",
      newPassword: COMMON_PASSWORD_MESSAGE,
    });
    expect(await errors({ currentPassword: "old one", newPassword: "correct horse battery", confirmPassword: "correct horse batery" })).toEqual({
      confirmPassword: "auth.errors.passwordMismatch",
    });
    expect(await errors({ currentPassword: "correct horse battery", newPassword: "correct horse battery", confirmPassword: "correct horse battery" })).toEqual({
      newPassword: "auth.errors.passwordUnchanged",
    });
    expect(await errors({ currentPassword: "old one", newPassword: "correct horse battery", confirmPassword: "correct horse battery" })).toEqual({});
  });
});
