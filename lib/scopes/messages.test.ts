// The scopes namespace speaks for the catalogue: its English is the catalogue's own text
// (which the OpenAPI document quotes), every scope has its words in every language, and a
// page that did not load the namespace falls back to the catalogue, never to a raw key.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { SCOPES, type Scope, type ScopeEndpoint } from "./catalog";
import { endpointMessageKey, scopeMessageKey, scopeText } from "./messages";

describe("scope messages", () => {
  it.each(SCOPES.map((s) => [s.id, s] as const))("%s: the English messages are the catalogue's text", (_id, scope) => {
    const t = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "scopes" });
    expect(scopeText(t, scope)).toEqual({ title: scope.title, description: scope.description });
  });

  it("every scope has a title and a description in every language, and French and Kinyarwanda are translated", () => {
    for (const locale of LOCALES) {
      const catalog = MESSAGES[locale].scopes.catalog as Record<string, { title: string; description: string }>;
      expect(Object.keys(catalog).sort()).toEqual(SCOPES.map((s) => scopeMessageKey(s.id)).sort());
      if (locale === "en") continue;
      for (const scope of SCOPES) {
        const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "scopes" });
        const text = scopeText(t, scope);
        expect(text.title, `${locale} ${scope.id}`).not.toBe(scope.title);
        expect(text.description, `${locale} ${scope.id}`).not.toBe(scope.description);
      }
    }
  });

  it("every endpoint's summary is the catalogue's in English, and exists in every language", () => {
    const endpoints: ScopeEndpoint[] = (SCOPES as readonly Scope[]).flatMap((s) => s.endpoints);
    for (const locale of LOCALES) {
      const messages = MESSAGES[locale].scopes.endpoints as Record<string, string>;
      expect(Object.keys(messages).sort(), locale).toEqual(endpoints.map((e) => endpointMessageKey(`${e.method} ${e.path}`)).sort());
      if (locale === "en") for (const e of endpoints) expect(messages[endpointMessageKey(`${e.method} ${e.path}`)]).toBe(e.summary);
    }
  });

  it("falls back to the catalogue's English where the namespace is not loaded", () => {
    const t = createTranslator({ locale: "fr", messages: { common: MESSAGES.fr.common }, onError: () => {} });
    const scope = SCOPES[0];
    expect(scopeText(t, scope)).toEqual({ title: scope.title, description: scope.description });
  });

  it("keys a scope by its id with the colon made an underscore (next-intl keys allow no colon)", () => {
    expect(scopeMessageKey("members:write")).toBe("members_write");
  });
});
