// The account area's messages are keys (schemas, services, step-up): each must exist in the
// catalogue, or a reader would see "auth.errors.…" instead of a sentence. And a form's
// errors read in every language, numbers included.
import { readFileSync } from "node:fs";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { translateFieldErrors, translateMessage, type AnyTranslator } from "@/lib/i18n/translate-message";
import { createOrganizationSchema } from "@/lib/organizations/schemas";
import { fieldErrorsOf } from "./actions";
import { signUpSchema } from "./schemas";
import { throttled } from "@/lib/accounts/service";

const SOURCES = [
  "lib/auth/schemas.ts",
  "lib/auth/password-strength.ts",
  "lib/auth/step-up.ts",
  "lib/auth/step-up-actions.ts",
  "lib/auth/sessions.ts",
  "lib/auth/two-factor/schemas.ts",
  "lib/auth/two-factor/service.ts",
  "lib/accounts/service.ts",
  "lib/accounts/recovery.ts",
  "lib/organizations/schemas.ts",
  "lib/organizations/service.ts",
  "lib/organizations/invitations.ts",
  "app/(partner)/onboarding/actions.ts",
];

const translator = (locale: (typeof LOCALES)[number]) => createTranslator({ locale, messages: MESSAGES[locale] }) as unknown as AnyTranslator;

describe("the account area's message keys", () => {
  const keys = SOURCES.flatMap((file) => [...readFileSync(file, "utf8").matchAll(/"((?:auth|account|ui)\.[a-zA-Z]+\.[a-zA-Z0-9_.]+)"/g)].map((m) => m[1]));

  it("are all in the catalogue", () => {
    expect(keys.length).toBeGreaterThan(40);
    const t = translator("en");
    expect(keys.filter((key) => !t.has(key))).toEqual([]);
  });

  it("read as sentences in every language: a failed sign-up and onboarding form", async () => {
    const signUp = await signUpSchema.safeParseAsync({ name: "A", email: "not an address", password: "short" });
    const org = await createOrganizationSchema.safeParseAsync({ legalName: "", kind: "bank", country: "XX", website: "nope", contactEmail: "x" });
    const errors = { ...fieldErrorsOf(signUp.error!), ...fieldErrorsOf(org.error!) };
    const en = translateFieldErrors(translator("en"), errors)!;
    expect(en).toMatchObject({ name: "Enter your full name", email: "Enter a valid e-mail address", password: "Use at least 12 characters", website: "Enter a full address starting with https://" });
    for (const locale of ["fr", "rw"] as const) {
      const translated = translateFieldErrors(translator(locale), errors)!;
      for (const [field, message] of Object.entries(translated)) {
        expect({ field, message }).not.toMatchObject({ message: expect.stringMatching(/^(auth|account)\./) });
        expect({ field, message }).not.toEqual({ field, message: en[field] });
      }
      expect(translated.password).toContain("12");
    }
    expect(translateFieldErrors(translator("fr"), errors)!.email).toBe("Saisissez une adresse e-mail valide");
  });

  it("word the throttle's wait, on the field too, in the reader's language", () => {
    const error = throttled(61, "currentPassword");
    const say = (locale: (typeof LOCALES)[number]) => ({
      error: translateMessage(translator(locale), error.message, error.values),
      field: translateFieldErrors(translator(locale), error.fieldErrors, error.values)!.currentPassword,
    });
    expect(say("en")).toEqual({ error: "Too many attempts; try again in 2 minutes.", field: "Too many attempts; try again in 2 minutes." });
    expect(say("fr").field).toBe("Trop de tentatives ; réessayez dans 2 minutes.");
    expect(say("rw").field).toBe("Wagerageje inshuro nyinshi; ongera ugerageze mu minota 2.");
  });
});
