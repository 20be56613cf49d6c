import { describe, expect, it } from "vitest";
import { caseVariants, containsAnyCase } from "./index";

describe("caseVariants", () => {
  it.each([
    ["bank", ["bank", "BANK", "Bank"]],
    ["BANK", ["BANK", "bank", "Bank"]],
    ["umwalimu sacco", ["umwalimu sacco", "UMWALIMU SACCO", "Umwalimu Sacco", "Umwalimu sacco"]],
    ["Bank of Kigali", ["Bank of Kigali", "bank of kigali", "BANK OF KIGALI", "Bank Of Kigali", "Bank of kigali"]],
    ["42", ["42"]],
    ["école", ["école", "ÉCOLE", "École"]],
  ])("%j is tried as %j", (term, variants) => {
    expect(caseVariants(term)).toEqual(variants);
  });
});

describe("containsAnyCase", () => {
  it("ORs one contains per casing on the named field", () => {
    expect(containsAnyCase("legalName", "ab")).toEqual({ OR: [{ legalName: { contains: "ab" } }, { legalName: { contains: "AB" } }, { legalName: { contains: "Ab" } }] });
  });
});
