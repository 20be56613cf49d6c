// The docs' key-type texts follow the key policy and the key types' own descriptions: the
// English messages say exactly what lib/keys says, and each type reads in every language.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/config";
import { MESSAGES } from "@/lib/i18n/messages";
import { KEY_TYPES } from "@/lib/keys/key-types";
import { describeKeyTypePolicy } from "@/lib/keys/policy";
import { keyTypePolicyText } from "./key-types";

const translator = (locale: (typeof LOCALES)[number]) => createTranslator({ locale, messages: MESSAGES[locale], namespace: "docs" });

describe("key types in the docs", () => {
  it.each(KEY_TYPES.map((k) => [k.id, k] as const))("%s: the English says what lib/keys says", (id, keyType) => {
    const t = translator("en");
    expect(keyTypePolicyText(t, id)).toBe(describeKeyTypePolicy(id));
    expect(t(`keyTypes.${id}.label`)).toBe(keyType.label);
    expect(t(`keyTypes.${id}.description`)).toBe(keyType.description);
  });

  it.each(LOCALES.filter((l) => l !== "en"))("%s: every type's policy is translated", (locale) => {
    const t = translator(locale);
    for (const { id } of KEY_TYPES) {
      const text = keyTypePolicyText(t, id);
      expect(text).not.toContain("⟦");
      expect(text).not.toBe(describeKeyTypePolicy(id));
    }
  });
});
