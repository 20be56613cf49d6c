// Request parsing for /api/v1: query strings, JSON bodies and zod issues -> one 400
// detail that names each offending field, in Django REST Framework's wording where it has
// one ("code: This field is required.").
import { z } from "zod";
import { badRequest } from "./errors";

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** One issue in DRF's words; falls back to the schema's own message. */
function messageOf(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  // A missing field fails a type or a choice check alike; say it is missing.
  if (input === undefined && (issue.code === "invalid_type" || issue.code === "invalid_value")) return "This field is required.";
  if (input === null && (issue.code === "invalid_type" || issue.code === "invalid_value")) return "This field may not be null.";
  switch (issue.code) {
    case "invalid_type":
      // A message the schema chose itself wins over the generic ones below.
      if (!issue.message.startsWith("Invalid input")) return issue.message;
      if (issue.expected === "int") return "A valid integer is required.";
      if (issue.expected === "number") return "A valid number is required.";
      if (issue.expected === "string") return `Not a valid string (got ${describe(input)}).`;
      return `Expected ${issue.expected}, got ${describe(input)}.`;
    case "invalid_value":
      return `"${String(input)}" is not a valid choice. Choose one of: ${issue.values.map(String).join(", ")}.`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "This field may not be blank." : `Ensure this field has at least ${issue.minimum} characters.`;
      return `Ensure this value is greater than or equal to ${issue.minimum}.`;
    case "too_big":
      if (issue.origin === "string") return `Ensure this field has no more than ${issue.maximum} characters.`;
      return `Ensure this value is less than or equal to ${issue.maximum}.`;
    case "invalid_format":
      if (issue.format === "uuid") return "Must be a valid UUID.";
      if (issue.format === "date") return "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.";
      if (issue.format === "datetime") return "Datetime has wrong format. Use ISO 8601, e.g. 2025-01-31T09:30:00Z.";
      return issue.message;
    default:
      return issue.message;
  }
}

/** "field: message; other: message", first message per field, in schema order. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], prefix = ""): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const issue of issues) {
    if (issue.code === "unrecognized_keys") continue;
    const field = prefix + issue.path.map(String).join(".");
    if (seen.has(field)) continue;
    seen.add(field);
    parts.push(field ? `${field}: ${messageOf(issue)}` : messageOf(issue));
  }
  return parts.join("; ");
}

/**
 * Django REST Framework's text fields refuse NUL, and so must we: PostgreSQL cannot store
 * it in text at all (a query or insert carrying one fails), so it is a 400 naming the field,
 * never a 500.
 */
const NULL_CHARACTERS = "Null characters are not allowed.";

/** The dotted path of the first string holding a NUL ("" for the value itself), or null. */
function nullCharacterPath(value: unknown, path = ""): string | null {
  if (typeof value === "string") return value.includes("\0") ? path : null;
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\0")) return path ? `${path}.${key}` : key;
      const found = nullCharacterPath(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Query strings

const integerFields = new WeakMap<z.ZodObject, Set<string>>();

/** Which fields of a query schema are integers (computed once per schema from its JSON Schema). */
function integersOf(schema: z.ZodObject): Set<string> {
  let set = integerFields.get(schema);
  if (!set) {
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, { type?: string }> };
    set = new Set(Object.entries(json.properties ?? {}).filter(([, p]) => p.type === "integer").map(([name]) => name));
    integerFields.set(schema, set);
  }
  return set;
}

/**
 * Parses the query string with a schema of typed values. As in Django, a repeated
 * parameter takes its last value and an empty one counts as absent; parameters the
 * schema does not know are ignored.
 */
export function parseQuery<S extends z.ZodObject>(params: URLSearchParams, schema: S): z.output<S> {
  const integers = integersOf(schema);
  const raw: Record<string, unknown> = {};
  for (const name of Object.keys(schema.shape)) {
    const values = params.getAll(name);
    const value = values.length > 0 ? values[values.length - 1].trim() : "";
    if (value === "") continue;
    if (value.includes("\0")) throw badRequest(`${name}: ${NULL_CHARACTERS}`);
    raw[name] = integers.has(name) && /^-?\d{1,15}$/.test(value) ? Number(value) : value;
  }
  const parsed = schema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw badRequest(formatIssues(parsed.error.issues));
  return parsed.data;
}

// ---------------------------------------------------------------------------------------
// JSON bodies

/** Bodies larger than this are refused before they are read in full (lib/api/app.ts). */
export const MAX_BODY_BYTES = 64 * 1024;

export const BODY_TOO_LARGE = `Request body is too large (at most ${MAX_BODY_BYTES / 1024} KB).`;

/**
 * Validates a JSON object body given as text. Any Content-Type is accepted (curl -d sends
 * a form type); what matters is that the body is JSON. An empty body is an empty object,
 * so the answer lists the required fields.
 */
export function parseJsonBody<S extends z.ZodType>(text: string, schema: S): z.output<S> {
  let data: unknown = {};
  if (text.trim() !== "") {
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw badRequest(`JSON parse error - ${error instanceof Error ? error.message : "invalid JSON"}`);
    }
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw badRequest(`Invalid data. Expected a JSON object, but got ${describe(data)}.`);
  }
  const withNull = nullCharacterPath(data);
  if (withNull !== null) throw badRequest(withNull ? `${withNull}: ${NULL_CHARACTERS}` : NULL_CHARACTERS);
  const parsed = schema.safeParse(data, { reportInput: true });
  if (!parsed.success) throw badRequest(formatIssues(parsed.error.issues));
  return parsed.data;
}
