import { describe, expect, it } from "vitest";
import { translateMessage } from "@/lib/i18n/translate-message";
import { translatorFor } from "@/lib/i18n/translator";
import { keyIdSchema, revokeKeySchema, rotateKeySchema } from "./schemas";

describe("key schemas' messages", () => {
  it("refuse an id that is not a key's in the reader's language", () => {
    for (const schema of [keyIdSchema, rotateKeySchema, revokeKeySchema]) {
      const result = schema.safeParse({ keyId: "not-a-key", grace: "1h", confirmName: "x" });
      expect(result.success).toBe(false);
      const message = result.error!.issues.find((i) => i.path[0] === "keyId")!.message;
      expect(translateMessage(translatorFor("en"), message)).toBe("Unknown key");
      expect(translateMessage(translatorFor("fr"), message)).toBe("Clé inconnue");
    }
  });
});
