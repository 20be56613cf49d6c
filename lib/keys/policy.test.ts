import { describe, expect, it } from "vitest";
import { ServiceError } from "@/lib/errors";
import { translateFieldErrors, translateMessage } from "@/lib/i18n/translate-message";
import { translatorFor } from "@/lib/i18n/translator";
import { EXPIRY_CHOICES } from "@/lib/requests/schemas";
import { SCOPES } from "@/lib/scopes/catalog";
import { ENVIRONMENT_IDS, KEY_TYPE_IDS } from "./key-types";
import {
  DEFAULT_KEY_POLICY,
  KEY_POLICY,
  allowedScopes,
  assertKeyPolicy,
  capExpiry,
  describeKeyTypePolicy,
  describeLifetime,
  keyPolicyViolations,
  lifetimeMessage,
  lifetimeViolation,
  maxLifetimeDays,
  organizationViolation,
  scopeViolation,
} from "./policy";

// The refusals are message keys with their values; the reader sees them translated (lib/i18n/translate-message).
const english = (message: string | null) => (message === null ? null : translateMessage(translatorFor("en"), message));
const french = (message: string | null) => (message === null ? null : translateMessage(translatorFor("fr"), message));
const kinyarwanda = (message: string | null) => (message === null ? null : translateMessage(translatorFor("rw"), message));

const DATA_SCOPES = SCOPES.filter((s) => s.resource !== "webhooks").map((s) => s.id);

describe("the policy and the scope catalogue agree", () => {
  // Fails when someone lists a key type on a scope the type's ceiling forbids (say,
  // "mobile" on members:write): the catalogue would then advertise what enforcement refuses.
  it.each(SCOPES.flatMap((scope) => scope.keyTypes.map((type) => [scope.id, type, scope.access] as const)))(
    "%s lists %s, whose ceiling allows %s",
    (_scope, type, access) => {
      expect(KEY_POLICY[type].access as readonly string[]).toContain(access);
    },
  );

  it("every key type may hold at least one scope", () => {
    for (const type of KEY_TYPE_IDS) expect(allowedScopes(type).length).toBeGreaterThan(0);
  });

  it("every maximum lifetime is one of the expiry choices, so the approval form can offer it", () => {
    const choices = EXPIRY_CHOICES.map((c) => c.days);
    for (const type of KEY_TYPE_IDS) for (const env of ENVIRONMENT_IDS) expect(choices).toContain(maxLifetimeDays(type, env));
  });
});

describe("allowed scopes per key type", () => {
  it.each([
    ["partner", DATA_SCOPES],
    ["webhook", ["webhooks:receive"]],
    ["mobile", ["cooperatives:read", "members:read"]],
    ["system", DATA_SCOPES],
  ] as const)("%s keys hold exactly %j", (type, expected) => {
    expect(allowedScopes(type)).toEqual(expected);
  });

  it.each([
    ["webhook", ["payments:write"], /Webhook keys cannot hold payments:write/],
    ["webhook", ["webhooks:receive", "members:read"], /cannot hold members:read\./],
    ["mobile", ["members:read", "members:write"], /Mobile keys cannot hold members:write\. Mobile keys are read-only/],
    ["mobile", ["loans:read"], /cannot hold loans:read/],
    ["partner", ["webhooks:receive"], /Partner keys cannot hold webhooks:receive/],
    ["system", ["webhooks:receive", "cooperatives:read"], /System keys cannot hold webhooks:receive\./],
  ] as const)("%s with %j is refused", (type, scopes, message) => {
    expect(english(scopeViolation(type, scopes))).toMatch(message);
  });

  it.each([
    ["webhook", ["webhooks:receive"]],
    ["mobile", ["cooperatives:read", "members:read"]],
    ["partner", DATA_SCOPES],
    ["system", ["cooperatives:write"]],
  ] as const)("%s with %j is allowed", (type, scopes) => {
    expect(scopeViolation(type, scopes)).toBeNull();
  });
});

describe("maximum lifetime per type and environment", () => {
  it.each([
    ["partner", "sandbox", null],
    ["partner", "production", 365],
    ["webhook", "sandbox", null],
    ["webhook", "production", 365],
    ["mobile", "sandbox", 180],
    ["mobile", "production", 90],
    ["system", "sandbox", null],
    ["system", "production", 180],
  ] as const)("%s keys in %s: at most %s days", (type, env, max) => {
    expect(maxLifetimeDays(type, env)).toBe(max);
  });

  it.each([
    ["partner", "production", null, /at most 1 year/],
    ["partner", "production", 366, /at most 1 year/],
    ["mobile", "production", 180, /Mobile keys in production expire after at most 90 days/],
    ["mobile", "sandbox", null, /at most 180 days/],
    ["system", "production", 365, /at most 180 days/],
  ] as const)("%s in %s living %s days is refused", (type, env, days, message) => {
    expect(english(lifetimeViolation(type, env, days))).toMatch(message);
  });

  it.each([
    ["partner", "sandbox", null],
    ["partner", "production", 365],
    ["mobile", "production", 90],
    ["mobile", "production", 30],
    ["system", "production", 180],
  ] as const)("%s in %s living %s days is allowed", (type, env, days) => {
    expect(lifetimeViolation(type, env, days)).toBeNull();
  });

  it("caps an expiry at now + maximum, keeps a shorter one, and leaves unlimited types alone", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    const in10 = new Date("2026-12-11T00:00:00Z");
    expect(capExpiry("mobile", "production", null, now)).toEqual(new Date("2027-03-01T00:00:00Z"));
    expect(capExpiry("mobile", "production", new Date("2028-01-01T00:00:00Z"), now)).toEqual(new Date("2027-03-01T00:00:00Z"));
    expect(capExpiry("mobile", "production", in10, now)).toEqual(in10);
    expect(capExpiry("partner", "sandbox", null, now)).toBeNull();
  });

  it.each([
    [null, "no limit"],
    [365, "1 year"],
    [730, "2 years"],
    [90, "90 days"],
    [1, "1 day"],
  ] as const)("describes %s as %s, and the reader's message says the same in English", (days, text) => {
    expect(describeLifetime(days)).toBe(text);
    expect(english(lifetimeMessage(days))).toBe(text);
  });

  it.each([
    [null, "sans limite", "nta gihe ntarengwa"],
    [365, "1 an", "umwaka 1"],
    [730, "2 ans", "imyaka 2"],
    [90, "90 jours", "iminsi 90"],
    [1, "1 jour", "umunsi 1"],
  ] as const)("words %s in French (%s) and Kinyarwanda (%s)", (days, fr, rw) => {
    expect(french(lifetimeMessage(days))).toBe(fr);
    expect(kinyarwanda(lifetimeMessage(days))).toBe(rw);
  });
});

describe("system keys and COPA-run organisations", () => {
  it.each([
    ["system", false, /only to organisations run by COPA.*COPA-run/],
    ["system", true, null],
    ["partner", false, null],
    ["mobile", false, null],
    ["webhook", false, null],
  ] as const)("%s key for a COPA-run=%s organisation: %s", (type, copaRun, expected) => {
    const result = organizationViolation(type, { copaRun });
    if (expected === null) expect(result).toBeNull();
    else expect(english(result)).toMatch(expected);
  });
});

describe("the combined check", () => {
  it("names every violation under its field, and the caller's field names", () => {
    const input = { type: "system", environment: "production", scopes: ["webhooks:receive"], organization: { copaRun: false }, lifetimeDays: null } as const;
    expect(keyPolicyViolations(input).map((v) => v.field)).toEqual(["keyType", "scopes", "expiry"]);
    try {
      assertKeyPolicy(input, { scopes: "grantedScopes" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as ServiceError).code).toBe("invalid");
      expect(Object.keys((error as ServiceError).fieldErrors ?? {})).toEqual(["keyType", "grantedScopes", "expiry"]);
    }
  });

  it("ignores the lifetime when it is not being decided", () => {
    expect(keyPolicyViolations({ type: "mobile", environment: "production", scopes: ["members:read"], organization: { copaRun: false } })).toEqual([]);
    expect(() => assertKeyPolicy({ type: "partner", environment: "production", scopes: ["members:read"], organization: { copaRun: false }, lifetimeDays: 365 })).not.toThrow();
  });
});

describe("the form's one-line summary per key type", () => {
  it.each([
    ["partner", "Read and write scopes; production keys expire within 1 year."],
    ["webhook", "Holds only webhooks:receive; production keys expire within 1 year."],
    ["mobile", "Read-only scopes; expires within 180 days (90 days in production)."],
    ["system", "Read and write scopes; production keys expire within 180 days; COPA-run organisations only."],
  ] as const)("%s: %s", (type, text) => {
    expect(describeKeyTypePolicy(type)).toBe(text);
  });
});

describe("the refusals in the reader's language", () => {
  it("words a scope the type can never hold in French, with the type's reason and what it may hold", () => {
    expect(french(scopeViolation("mobile", ["members:read", "members:write"]))).toBe(
      "Les clés mobiles ne peuvent pas détenir members:write. Les clés mobiles sont en lecture seule : le serveur d'une application lit des données pour ses utilisateurs et ne modifie jamais les données de COPA. Autorisées : cooperatives:read, members:read.",
    );
    expect(english(scopeViolation("mobile", ["members:write"]))).toBe(
      "Mobile keys cannot hold members:write. Mobile keys are read-only: an app's back end reads data for its users and never changes COPA records. Allowed: cooperatives:read, members:read.",
    );
  });

  it("words a scope COPA's current policy withholds, and a policy that allows nothing at present", () => {
    const none = { ...DEFAULT_KEY_POLICY, scopes: { ...DEFAULT_KEY_POLICY.scopes, mobile: [] } };
    expect(english(scopeViolation("mobile", ["members:read"], none))).toBe("COPA's key policy does not allow mobile keys to hold members:read at present. Allowed: none at present.");
    expect(french(scopeViolation("mobile", ["members:read"], none))).toBe(
      "La politique des clés de COPA n'autorise pas actuellement les clés mobiles à détenir members:read. Autorisées : aucune pour l'instant.",
    );
  });

  it("words lifetimes in years or days, in each language", () => {
    expect(english(lifetimeViolation("partner", "production", null))).toBe("Partner keys in production expire after at most 1 year; choose 1 year or less.");
    expect(french(lifetimeViolation("mobile", "production", 180))).toBe("Les clés mobiles en production expirent au plus tard après 90 jours ; choisissez 90 jours ou moins.");
    expect(french(lifetimeViolation("mobile", "sandbox", null))).toMatch(/en bac à sable expirent au plus tard après 180 jours/);
    expect(kinyarwanda(lifetimeViolation("mobile", "production", 180))).toMatch(/iminsi 90/);
  });

  it("words the COPA-run rule in French", () => {
    expect(french(organizationViolation("system", { copaRun: false }))).toMatch(/^Les clés système ne sont délivrées qu'aux organisations gérées par COPA/);
  });

  it("translates every violation of the combined check, in the message and under each field", () => {
    const input = { type: "system", environment: "production", scopes: ["webhooks:receive"], organization: { copaRun: false }, lifetimeDays: null } as const;
    const error = (() => {
      try {
        assertKeyPolicy(input, { scopes: "grantedScopes" });
      } catch (e) {
        return e as ServiceError;
      }
      throw new Error("not refused");
    })();
    const fr = translatorFor("fr");
    const message = translateMessage(fr, error.message, error.values);
    expect(message).toMatch(/^Les clés système ne sont délivrées qu'aux organisations gérées par COPA.* Les clés système ne peuvent pas détenir webhooks:receive\..* Les clés système en production expirent au plus tard après 180 jours/);
    const fields = translateFieldErrors(fr, error.fieldErrors, error.values) ?? {};
    expect(fields.grantedScopes).toMatch(/^Les clés système ne peuvent pas détenir webhooks:receive\./);
    expect(fields.expiry).toBe("Les clés système en production expirent au plus tard après 180 jours ; choisissez 180 jours ou moins.");
    // Nothing is left as a key in any language.
    for (const locale of ["en", "fr", "rw"] as const) {
      const t = translatorFor(locale);
      expect(translateMessage(t, error.message)).not.toMatch(/keys\.policy/);
      for (const text of Object.values(translateFieldErrors(t, error.fieldErrors) ?? {})) expect(text).not.toMatch(/keys\.policy|\?type=/);
    }
  });
});
