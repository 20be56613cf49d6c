// Every message exists in every language, with the same placeholders and tags, and
// parses as ICU MessageFormat: a key in one language only, or a French message that
// forgot {email}, fails here before a user sees a raw key or a broken sentence.
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { LOCALES } from "./config";
import { MESSAGES } from "./messages";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/** The arguments and rich-text tags a message uses, e.g. ["arg:email", "tag:link"]. */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if (el.type === TYPE.argument || el.type === TYPE.number || el.type === TYPE.date || el.type === TYPE.time) found.add(`arg:${el.value}`);
      if (el.type === TYPE.plural || el.type === TYPE.select) {
        found.add(`arg:${el.value}`);
        for (const option of Object.values(el.options)) walk(option.value);
      }
      if (el.type === TYPE.tag) {
        found.add(`tag:${el.value}`);
        walk(el.children);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

const flat = Object.fromEntries(LOCALES.map((l) => [l, flatten(MESSAGES[l] as unknown as Tree)]));
const reference = flat.en;

describe("messages", () => {
  it("has the same keys in every language", () => {
    for (const locale of LOCALES) {
      const keys = [...flat[locale].keys()];
      expect({ locale, missing: [...reference.keys()].filter((k) => !flat[locale].has(k)) }).toEqual({ locale, missing: [] });
      expect({ locale, extra: keys.filter((k) => !reference.has(k)) }).toEqual({ locale, extra: [] });
    }
  });

  it("has no empty message", () => {
    for (const locale of LOCALES) {
      const empty = [...flat[locale]].filter(([, v]) => v.trim() === "").map(([k]) => k);
      expect({ locale, empty }).toEqual({ locale, empty: [] });
    }
  });

  it("uses the same placeholders and tags as English in every message, and each parses", () => {
    for (const locale of LOCALES) {
      for (const [key, english] of reference) {
        const translated = flat[locale].get(key);
        if (translated === undefined) continue;
        expect({ locale, key, placeholders: placeholders(translated) }).toEqual({ locale, key, placeholders: placeholders(english) });
      }
    }
  });
});
