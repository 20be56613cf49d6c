import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "./messages";
import { isMessageKey, MESSAGE_SEPARATOR, messageWithValues, translateFieldErrors, translateMessage, type AnyTranslator } from "./translate-message";

const translator = (locale: "en" | "fr" | "rw") => createTranslator({ locale, messages: MESSAGES[locale] }) as unknown as AnyTranslator;

describe("translateMessage", () => {
  it("translates a key of the catalogue into the reader's language, with its values", () => {
    expect(translateMessage(translator("fr"), "ui.actions.roleCannot", { role: "lecteur" })).toBe(
      "Votre rôle (lecteur) ne permet pas cette action. Demandez à un propriétaire de votre organisation.",
    );
    expect(translateMessage(translator("en"), "ui.actions.sessionEnded")).toBe("Your session has ended. Please sign in again.");
  });

  it("leaves sentences and unknown keys as they are", () => {
    expect(translateMessage(translator("fr"), "Already taken.")).toBe("Already taken.");
    expect(translateMessage(translator("fr"), "ui.actions.noSuchMessage")).toBe("ui.actions.noSuchMessage");
    expect(isMessageKey("e.g. this")).toBe(false);
    expect(isMessageKey("requests.errors.duplicate")).toBe(true);
  });

  it("translates each field error", () => {
    expect(translateFieldErrors(translator("rw"), { form: "ui.actions.correctFields", name: "Too long." })).toEqual({
      form: "Kosora ibice byagaragajwe.",
      name: "Too long.",
    });
  });
});

describe("messages that carry their own values", () => {
  it("translates a key with values after it, numbers as numbers (plurals apply)", () => {
    const message = messageWithValues("keys.status.expiring", { unit: "day", count: 3 });
    expect(message).toBe("keys.status.expiring?unit=day&count=3");
    expect(translateMessage(translator("fr"), message)).toBe("Expire dans 3 jours");
    expect(translateMessage(translator("en"), messageWithValues("keys.status.expiring", { unit: "day", count: 1 }))).toBe("Expiring in 1 day");
  });

  it("translates each of several joined messages, and leaves an unknown key with values as it is", () => {
    const joined = [messageWithValues("keys.status.expiring", { unit: "hour", count: 2 }), "ui.actions.sessionEnded"].join(MESSAGE_SEPARATOR);
    expect(translateMessage(translator("en"), joined)).toBe("Expiring in 2 hours Your session has ended. Please sign in again.");
    expect(translateMessage(translator("en"), "ui.nothing.here?x=1")).toBe("ui.nothing.here?x=1");
    expect(translateMessage(translator("en"), "Why? Because.")).toBe("Why? Because.");
  });
});
