// Each documented error's explanations come from the messages named by its row id, in every
// language: a row added to lib/docs/errors.ts without its words (or with a cause or fix the
// messages lack) fails here, not as a raw key on the errors page.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { DOCS_ERRORS, ERROR_TEXT_VALUES } from "./errors";

const keysOf = (e: (typeof DOCS_ERRORS)[number]) => [
  `errorRows.${e.id}.when`,
  ...e.causes.map((c) => `errorRows.${e.id}.causes.${c}`),
  ...e.fix.map((f) => `errorRows.${e.id}.fix.${f}`),
  ...(e.otherBodies ?? []).map((o) => `errorRows.${e.id}.otherBodies.${o.id}`),
];

describe("documented errors' explanations", () => {
  it("give every row a distinct id", () => {
    const ids = DOCS_ERRORS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(LOCALES)("%s: every row's when, causes, fixes and other bodies exist and read without a gap", (locale) => {
    const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "docs" }) as unknown as {
      has(key: string): boolean;
      (key: string, values?: Record<string, string | number>): string;
    };
    for (const e of DOCS_ERRORS) {
      for (const key of keysOf(e)) {
        expect(t.has(key), `${locale} ${key}`).toBe(true);
        const text = t(key, ERROR_TEXT_VALUES);
        expect(text, `${locale} ${key}`).not.toMatch(/[{}]{2}|⟦/);
      }
    }
  });

  it("lists no message a row does not use (a removed cause leaves no orphan)", () => {
    const rows = MESSAGES.en.docs.errorRows as Record<string, { causes: object; fix: object; otherBodies?: object }>;
    expect(Object.keys(rows).sort()).toEqual(DOCS_ERRORS.map((e) => e.id).sort());
    for (const e of DOCS_ERRORS) {
      expect(Object.keys(rows[e.id].causes)).toEqual(e.causes);
      expect(Object.keys(rows[e.id].fix)).toEqual(e.fix);
      expect(Object.keys(rows[e.id].otherBodies ?? {})).toEqual((e.otherBodies ?? []).map((o) => o.id));
    }
  });

  it("quote the header forms and the page size in the reader's text", () => {
    const fr = createTranslator({ locale: "fr", messages: MESSAGES.fr, namespace: "docs" });
    expect(fr("errorRows.invalidKey.fix.checkHeader", ERROR_TEXT_VALUES)).toContain("Authorization: Bearer <key>");
    expect(fr("errorRows.badRequest.causes.parameter", ERROR_TEXT_VALUES)).toContain(`page_size`);
    expect(fr("errorRows.invalidKey.causes.malformed", ERROR_TEXT_VALUES)).toContain("sk_copa_{type}_");
  });
});
