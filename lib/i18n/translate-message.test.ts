import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "./messages";
import { isMessageKey, translateFieldErrors, translateMessage, type AnyTranslator } from "./translate-message";

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
