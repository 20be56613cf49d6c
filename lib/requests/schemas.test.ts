import { describe, expect, it } from "vitest";
import { translateMessage } from "@/lib/i18n/translate-message";
import { translatorFor } from "@/lib/i18n/translator";
import { DEFAULT_KEY_POLICY } from "@/lib/keys/policy";
import { EXPIRY_CHOICES, accessRequestSchema, allowedExpiryChoices, approveRequestSchema, defaultExpiryChoice, expiryChoiceMessage, rejectRequestSchema, requestChangesSchema } from "./schemas";

const valid = {
  keyName: "Loan origination",
  keyType: "partner",
  environment: "sandbox",
  useCase: "We check cooperative membership before granting agricultural loans to members.",
  scopes: ["cooperatives:read", "members:read"],
  justifications: {},
};

const errorsOf = (input: unknown) => {
  const result = accessRequestSchema.safeParse(input);
  return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("accessRequestSchema", () => {
  it("accepts a read-only request and drops stray justifications", () => {
    const parsed = accessRequestSchema.parse({ ...valid, justifications: { "cooperatives:read": "not needed" } });
    expect(parsed.justifications).toEqual({});
  });

  it.each([
    [{ useCase: "too short" }, "useCase"],
    [{ scopes: [] }, "scopes"],
    [{ scopes: ["admin:all"] }, "scopes.0"],
    [{ keyType: "admin" }, "keyType"],
    [{ environment: "staging" }, "environment"],
    [{ keyName: "x" }, "keyName"],
    [{ keyName: "<script>" }, "keyName"],
  ])("refuses %j at %s", (patch, field) => {
    expect(Object.keys(errorsOf({ ...valid, ...patch }))).toContain(field);
  });

  it("asks a justification for each write scope, under that scope's name", () => {
    const errors = errorsOf({ ...valid, scopes: ["members:read", "members:write", "loans:write"], justifications: { "members:write": "short" } });
    // The message is a key the form translates; the scope is in the path (shown under its checkbox).
    expect(errors["justifications.members:write"]).toBe("requests.errors.justificationShort");
    expect(errors["justifications.loans:write"]).toBe("requests.errors.justificationShort");
    const ok = accessRequestSchema.parse({
      ...valid,
      scopes: ["members:write"],
      justifications: { "members:write": "  We register members who join at our branches.  " },
    });
    expect(ok.justifications).toEqual({ "members:write": "We register members who join at our branches." });
  });
});

describe("the key policy in the request schema", () => {
  it.each([
    ["mobile", ["members:read", "members:write"], /Mobile keys cannot hold members:write/],
    ["webhook", ["payments:write"], /Webhook keys cannot hold payments:write/],
    ["partner", ["webhooks:receive"], /Partner keys cannot hold webhooks:receive/],
  ])("refuses a %s key with %j under scopes", (keyType, scopes, message) => {
    const justifications = Object.fromEntries(scopes.map((s) => [s, "A justification long enough for the schema."]));
    // A message key with its values, worded at the edge in the reader's language.
    expect(translateMessage(translatorFor("en"), errorsOf({ ...valid, keyType, scopes, justifications }).scopes)).toMatch(message);
  });

  it.each([
    ["mobile", ["cooperatives:read", "members:read"]],
    ["webhook", ["webhooks:receive"]],
    ["system", ["cooperatives:write"]],
  ])("accepts a %s key with %j", (keyType, scopes) => {
    const justifications = Object.fromEntries(scopes.map((s) => [s, "A justification long enough for the schema."]));
    expect(accessRequestSchema.safeParse({ ...valid, keyType, scopes, justifications }).success).toBe(true);
  });
});

describe("expiry choices within the policy", () => {
  it.each([
    ["partner", "sandbox", ["never", "30", "90", "180", "365"], "never"],
    ["partner", "production", ["30", "90", "180", "365"], "365"],
    ["mobile", "production", ["30", "90"], "90"],
    ["mobile", "sandbox", ["30", "90", "180"], "180"],
    ["system", "production", ["30", "90", "180"], "180"],
  ] as const)("%s keys in %s offer %j, defaulting to %s", (type, env, ids, fallback) => {
    expect(allowedExpiryChoices(type, env).map((c) => c.id)).toEqual(ids);
    expect(defaultExpiryChoice(type, env)).toBe(fallback);
  });

  it("follows the stored policy: system production keys limited to 60 days offer 30 days and default to it", () => {
    const policy = { ...DEFAULT_KEY_POLICY, maxLifetimeDays: { ...DEFAULT_KEY_POLICY.maxLifetimeDays, system: { sandbox: null, production: 60 } } };
    expect(allowedExpiryChoices("system", "production", policy).map((c) => c.id)).toEqual(["30"]);
    expect(defaultExpiryChoice("system", "production", policy)).toBe("30");
    expect(defaultExpiryChoice("system", "sandbox", policy)).toBe("never");
  });
});

describe("decision schemas", () => {
  const requestId = "2f1c7a4e-3d1b-4c8e-9a55-0b6f1e2d3c4b";
  // Their messages are admin.errors.* keys; an admin reads them in their language.
  const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }, locale: "en" | "fr" = "en") =>
    Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), translateMessage(translatorFor(locale), i.message)]));

  it("approves with at least one granted scope and a known expiry", () => {
    expect(issues(approveRequestSchema.safeParse({ requestId, grantedScopes: [] }))).toEqual({ grantedScopes: "Choose at least one scope" });
    expect(issues(approveRequestSchema.safeParse({ requestId, grantedScopes: ["members:read"], expiry: "12" }))).toEqual({ expiry: "Choose an expiry" });
    expect(issues(approveRequestSchema.safeParse({ requestId, grantedScopes: ["members:read"], expiry: "12" }), "fr")).toEqual({ expiry: "Choisissez une expiration" });
    expect(issues(approveRequestSchema.safeParse({ requestId: "nope", grantedScopes: ["admin:all", "members:read", "members:read"] }))).toEqual({
      requestId: "Unknown request",
      "grantedScopes.0": "Unknown scope",
    });
    expect(issues(approveRequestSchema.safeParse({ requestId, grantedScopes: ["members:read", "members:read"] }))).toEqual({ grantedScopes: "A scope is listed twice" });
    expect(issues(approveRequestSchema.safeParse({ requestId, grantedScopes: ["members:read"], note: "x".repeat(1001) }))).toEqual({ note: "Use at most 1,000 characters" });
    // No expiry chosen: the service applies the key policy's maximum for the request.
    expect(approveRequestSchema.parse({ requestId, grantedScopes: ["members:read"] }).expiry).toBeUndefined();
  });
  it("rejects only with a reason", () => {
    expect(issues(rejectRequestSchema.safeParse({ requestId, reason: "no" }))).toEqual({ reason: "Give the partner a reason (at least 10 characters)" });
    expect(issues(rejectRequestSchema.safeParse({ requestId, reason: "no" }), "fr")).toEqual({ reason: "Donnez un motif au partenaire (au moins 10 caractères)" });
    expect(rejectRequestSchema.safeParse({ requestId, reason: "Production needs a signed data agreement first." }).success).toBe(true);
  });
  it("sends back for changes only with a message to the partner", () => {
    expect(issues(requestChangesSchema.safeParse({ requestId, message: "fix" }))).toEqual({ message: "Tell the partner what to change (at least 10 characters)" });
    expect(issues(requestChangesSchema.safeParse({ requestId, message: "x".repeat(2001) }))).toEqual({ message: "Use at most 2,000 characters" });
  });
});

describe("expiry choices in the reader's language", () => {
  it.each([
    ["en", ["No expiry", "30 days", "90 days", "180 days", "1 year"]],
    ["fr", ["Sans expiration", "30 jours", "90 jours", "180 jours", "1 an"]],
    ["rw", ["Nta gihe rurangirira", "iminsi 30", "iminsi 90", "iminsi 180", "umwaka 1"]],
  ] as const)("%s: %j", (locale, labels) => {
    expect(EXPIRY_CHOICES.map((c) => translateMessage(translatorFor(locale), expiryChoiceMessage(c)))).toEqual(labels);
  });
});
