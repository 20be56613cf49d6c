import { describe, expect, it } from "vitest";
import { applyFieldErrors, fieldsNamed } from "./field-errors";

type Values = { email: string; role: string; justifications: Record<string, string> };

function recorder() {
  const calls: [string, string, boolean | undefined][] = [];
  const setError = ((path: string, error: { message?: string }, options?: { shouldFocus?: boolean }) => {
    calls.push([path, error.message ?? "", options?.shouldFocus]);
  }) as Parameters<typeof applyFieldErrors<Values>>[0];
  return { calls, setError };
}

describe("applyFieldErrors", () => {
  it("places each known field's message, focusing only the first, and says it placed one", () => {
    const { calls, setError } = recorder();
    const placed = applyFieldErrors<Values>(setError, { unknown: "x", email: "Taken.", role: "Pick one." }, fieldsNamed<Values>("email", "role"));
    expect(placed).toBe(true);
    expect(calls).toEqual([
      ["email", "Taken.", true],
      ["role", "Pick one.", false],
    ]);
  });

  it("maps keys through the form's own paths", () => {
    const { calls, setError } = recorder();
    const pathOf = (key: string) => (key.startsWith("justifications.") ? (key as `justifications.${string}`) : null);
    applyFieldErrors<Values>(setError, { "justifications.members:write": "Say why." }, pathOf);
    expect(calls).toEqual([["justifications.members:write", "Say why.", true]]);
  });

  it("reports nothing placed when no key names a field (the caller shows the general error)", () => {
    const { calls, setError } = recorder();
    expect(applyFieldErrors<Values>(setError, undefined, fieldsNamed<Values>("email"))).toBe(false);
    expect(applyFieldErrors<Values>(setError, { organization: "Suspended." }, fieldsNamed<Values>("email"))).toBe(false);
    expect(calls).toEqual([]);
  });
});
