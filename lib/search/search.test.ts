import { describe, expect, it } from "vitest";
import { caseVariants, containsAnyCase, MAX_SEARCH_WORDS, searchWords } from "./index";

describe("caseVariants", () => {
  it.each([
    ["bank", ["bank", "BANK", "Bank"]],
    ["BANK", ["BANK", "bank", "Bank"]],
    ["SACCO", ["SACCO", "sacco", "Sacco"]],
    ["a1b2", ["a1b2", "A1B2", "A1b2"]],
    ["42", ["42"]],
    ["école", ["école", "ÉCOLE", "École"]],
    ["CoopBank", ["CoopBank", "coopbank", "COOPBANK", "Coopbank"]],
  ])("%j is tried as %j", (word, variants) => {
    expect(caseVariants(word)).toEqual(variants);
  });
});

describe("searchWords", () => {
  it.each([
    ["", []],
    ["   ", []],
    ["umurenge  sacco ", ["umurenge", "sacco"]],
    ["a b c d e f g h", ["a", "b", "c", "d", "e", "f"]],
  ])("%j splits into %j", (term, words) => {
    expect(searchWords(term)).toEqual(words);
    expect(searchWords(term).length).toBeLessThanOrEqual(MAX_SEARCH_WORDS);
  });
});

describe("containsAnyCase", () => {
  it("needs every word, each in any of its casings, on the named field", () => {
    expect(containsAnyCase("legalName", "ab 7")).toEqual({
      AND: [{ OR: [{ legalName: { contains: "ab" } }, { legalName: { contains: "AB" } }, { legalName: { contains: "Ab" } }] }, { OR: [{ legalName: { contains: "7" } }] }],
    });
  });
});
