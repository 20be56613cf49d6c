import { describe, expect, it } from "vitest";
import { countryName, countryOptions, isCountryCode } from "./countries";

describe("countries", () => {
  it("lists the 249 ISO 3166-1 countries once, Rwanda first", () => {
    const { region, others } = countryOptions();
    const all = [...region, ...others].map((c) => c.code);
    expect(all).toHaveLength(249);
    expect(new Set(all).size).toBe(249);
    expect(all.every((c) => /^[A-Z]{2}$/.test(c))).toBe(true);
    expect(region[0]).toEqual({ code: "RW", name: "Rwanda" });
  });

  it.each([["rw", true], ["KE", true], ["UK", false], ["EU", false], ["", false]])("isCountryCode(%s) = %s", (code, ok) => {
    expect(isCountryCode(code)).toBe(ok);
  });

  it("names a code", () => {
    expect(countryName("TZ")).toBe("Tanzania");
    expect(countryName("tz", "fr")).toBe("Tanzanie");
  });

  it("names in English what Kinyarwanda's data does not name, never as a bare code", () => {
    expect(countryName("TZ", "rw")).toBe("Tanzania");
    const { region, others } = countryOptions("rw");
    expect([...region, ...others].filter((c) => c.name === c.code)).toEqual([]);
  });
});
