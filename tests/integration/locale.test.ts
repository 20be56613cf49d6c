// The language switcher's action, called directly: anyone may choose one of the three
// languages (kept in the browser's cookie), a signed-in user's choice is saved on the
// account, and anything else is refused without writing.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request")).nextHeaders());

const { actAs, cookieJar } = await import("../support/request");
const { db } = await import("@/lib/db");
const { setLocaleAction } = await import("@/lib/i18n/actions");
const { makePartner } = await import("../support/factories");

const savedLocale = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { locale: true } })).locale;

describe("setLocaleAction", () => {
  it("keeps a visitor's choice in the locale cookie only", async () => {
    await actAs(null);
    const form = new FormData();
    form.set("locale", "rw");
    expect(await setLocaleAction(form)).toEqual({ ok: true, data: null });
    expect(cookieJar.get("copa-locale")).toBe("rw");
  });

  it("saves a signed-in user's choice on their account, and on nobody else's", async () => {
    const [partner, other] = [await makePartner(), await makePartner()];
    await actAs(partner);
    expect(await setLocaleAction({ locale: "fr" })).toMatchObject({ ok: true });
    expect(await savedLocale(partner.id)).toBe("fr");
    expect(await savedLocale(other.id)).toBeNull();
    expect(cookieJar.get("copa-locale")).toBe("fr");
  });

  it("refuses a language the portal does not offer, changing nothing", async () => {
    const partner = await makePartner();
    await actAs(partner);
    for (const locale of ["de", "EN", "", null, ["fr"], { toString: () => "fr" }]) {
      const result = await setLocaleAction({ locale });
      expect(result).toMatchObject({ ok: false, fieldErrors: { locale: "Choose one of the portal's languages." } });
    }
    expect(await savedLocale(partner.id)).toBeNull();
    expect(cookieJar.has("copa-locale")).toBe(false);
  });
});
