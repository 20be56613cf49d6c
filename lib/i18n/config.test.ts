import { describe, expect, it } from "vitest";
import { isLocale, negotiateLocale } from "./config";

describe("negotiateLocale", () => {
  it("takes the first language the portal speaks, in the browser's order", () => {
    expect(negotiateLocale("fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(negotiateLocale("de-DE,de;q=0.9,rw;q=0.5,en;q=0.4")).toBe("rw");
    expect(negotiateLocale("en-GB")).toBe("en");
  });

  it("orders by q-value, not by position", () => {
    expect(negotiateLocale("en;q=0.5, fr;q=0.8")).toBe("fr");
    expect(negotiateLocale("en;q=0.5, rw")).toBe("rw");
  });

  it("treats q=0 as a refusal and the ISO 639-2 code kin as Kinyarwanda", () => {
    expect(negotiateLocale("fr;q=0, en")).toBe("en");
    expect(negotiateLocale("kin-RW")).toBe("rw");
  });

  it("answers null when nothing matches or the header is missing or garbage", () => {
    expect(negotiateLocale("de, es;q=0.8")).toBeNull();
    expect(negotiateLocale("")).toBeNull();
    expect(negotiateLocale(null)).toBeNull();
    expect(negotiateLocale(";;;,,q=abc")).toBeNull();
    expect(negotiateLocale("*")).toBeNull();
  });

  it("knows exactly its three locales", () => {
    expect(["rw", "en", "fr"].every(isLocale)).toBe(true);
    expect(isLocale("de")).toBe(false);
    expect(isLocale("EN")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });
});
