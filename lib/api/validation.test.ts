import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ApiError } from "./errors";
import { parseJsonBody, parseQuery } from "./validation";

// Integer fields carry DRF's message themselves (as lib/sandbox/schemas does): zod reports a
// string in an integer field as a wrong "number", without saying it wanted an integer.
const int = () => z.int({ error: "A valid integer is required." });
const query = z.object({ page: int().min(1).default(1), name: z.string().max(3).optional(), kind: z.enum(["a", "b"]).optional() });

function detailOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ApiError) return error.detail;
    throw error;
  }
  throw new Error("expected an ApiError");
}

describe("parseQuery", () => {
  it("types integers, takes the last repeated value, treats empty as absent, ignores unknown names", () => {
    expect(parseQuery(new URLSearchParams("page=2&page=3&name=&other=1"), query)).toEqual({ page: 3 });
  });
  it.each([
    ["page=x", "page: A valid integer is required."],
    ["page=0", "page: Ensure this value is greater than or equal to 1."],
    ["name=abcd", "name: Ensure this field has no more than 3 characters."],
    ["kind=c&page=1.5", 'page: A valid integer is required.; kind: "c" is not a valid choice. Choose one of: a, b.'],
  ])("%s -> %s", (qs, detail) => {
    expect(detailOf(() => parseQuery(new URLSearchParams(qs), query))).toBe(detail);
  });
});

describe("parseJsonBody", () => {
  const body = z.object({ name: z.string().min(1), count: int() });
  const detail = (text: string) => detailOf(() => parseJsonBody(text, body));
  it("names each missing or wrong field in DRF's words", () => {
    expect(detail("")).toBe("name: This field is required.; count: This field is required.");
    expect(detail('{"name": null, "count": "x"}')).toBe("name: This field may not be null.; count: A valid integer is required.");
    expect(detail('{"name": "", "count": 1}')).toBe("name: This field may not be blank.");
  });
  it("refuses non-objects and broken JSON", () => {
    expect(detail('"text"')).toBe("Invalid data. Expected a JSON object, but got string.");
    expect(detail("[1]")).toBe("Invalid data. Expected a JSON object, but got array.");
    expect(detail("{")).toMatch(/^JSON parse error - /);
  });
  it("refuses NUL characters anywhere, naming the field (PostgreSQL cannot store them)", () => {
    expect(detail('{"name":"a\\u0000b","count":1}')).toBe("name: Null characters are not allowed.");
    expect(detailOf(() => parseJsonBody('{"name":"a","count":1,"meta":{"x":["\\u0000"]}}', z.object({ name: z.string(), count: int(), meta: z.unknown() })))).toBe("meta.x.0: Null characters are not allowed.");
    expect(detailOf(() => parseQuery(new URLSearchParams("name=a%00b"), query))).toBe("name: Null characters are not allowed.");
  });
  it("parses a valid object", () => {
    expect(parseJsonBody('{"name":"a","count":2}', body)).toEqual({ name: "a", count: 2 });
  });
});
