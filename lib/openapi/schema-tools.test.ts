import { describe, expect, it } from "vitest";
import { constraints, exampleBody, exampleFor, resolve, typeLabel, type JsonSchema } from "./schema-tools";

const components: Record<string, JsonSchema> = {
  Thing: { type: "object", properties: { id: { type: "string", format: "uuid" }, n: { type: "integer", minimum: 2 }, tag: { type: "string", enum: ["x", "y"] } }, required: ["id"] },
};

describe("schema tools", () => {
  it("labels types, nullables, arrays and references", () => {
    expect(typeLabel({ type: "string", format: "uuid" })).toBe("string (uuid)");
    expect(typeLabel({ type: ["string", "null"] })).toBe("string or null");
    expect(typeLabel({ anyOf: [{ type: "string" }, { type: "null" }] })).toBe("string or null");
    expect(typeLabel({ type: "array", items: { $ref: "#/components/schemas/Thing" } })).toBe("array of Thing");
  });
  it("describes constraints in words", () => {
    expect(constraints({ type: "integer", minimum: 1, maximum: 100, default: 20 })).toEqual(["1 to 100", "default 20"]);
    expect(constraints({ type: "string", maxLength: 60 })).toEqual(["up to 60 characters"]);
  });
  it("builds examples from formats, enums and minimums, and bodies from required fields", () => {
    expect(resolve({ $ref: "#/components/schemas/Thing" }, components)).toBe(components.Thing);
    expect(exampleFor({ $ref: "#/components/schemas/Thing" }, components)).toEqual({ id: "3fa85f64-5717-4562-b3fc-2c963f66afa6", n: 2, tag: "x" });
    expect(exampleBody({ $ref: "#/components/schemas/Thing" }, components)).toEqual({ id: "3fa85f64-5717-4562-b3fc-2c963f66afa6" });
  });
});
