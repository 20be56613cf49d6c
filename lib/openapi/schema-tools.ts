// Reading the OpenAPI document's JSON Schemas: resolving $refs, describing a field in one
// line, and building an example value. Pure; used by the reference page (server and
// client) and the tests.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  examples?: unknown[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  title?: string;
};

export type SchemaComponents = Record<string, JsonSchema>;

export const refName = (ref: string) => ref.replace("#/components/schemas/", "");

export function resolve(schema: JsonSchema, components: SchemaComponents): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 10; depth++) current = components[refName(current.$ref)] ?? {};
  return current;
}

/** The non-null branches of a nullable schema, and whether null is allowed. */
export function splitNullable(schema: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  if (Array.isArray(schema.type) && schema.type.includes("null")) {
    const rest = schema.type.filter((t) => t !== "null");
    return { schema: { ...schema, type: rest.length === 1 ? rest[0] : rest }, nullable: true };
  }
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const nonNull = branches.filter((b) => b.type !== "null");
    if (nonNull.length === 1 && nonNull.length < branches.length) return { schema: { ...nonNull[0], description: schema.description ?? nonNull[0].description }, nullable: true };
  }
  return { schema, nullable: false };
}

/** "string (uuid)", "integer", "array of Cooperative", "Cooperative", "one of: A | B". */
export function typeLabel(schema: JsonSchema): string {
  const { schema: s, nullable } = splitNullable(schema);
  let label: string;
  if (s.$ref) label = refName(s.$ref);
  else if (s.type === "array") label = `array of ${s.items ? typeLabel(s.items) : "values"}`;
  else if (s.anyOf || s.oneOf) label = (s.anyOf ?? s.oneOf)!.map(typeLabel).join(" | ");
  else if (s.const !== undefined) label = JSON.stringify(s.const);
  else label = `${Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any")}${s.format ? ` (${s.format})` : ""}`;
  return nullable ? `${label} or null` : label;
}

const UUID_PATTERN_PREFIX = "^([0-9a-fA-F]{8}";

/** Constraints worth telling a reader, in words. Regexes that only restate a format are skipped. */
export function constraints(schema: JsonSchema): string[] {
  const { schema: s } = splitNullable(schema);
  const out: string[] = [];
  if (s.enum) out.push(`one of: ${s.enum.map(String).join(", ")}`);
  if (s.minimum !== undefined && s.maximum !== undefined) out.push(`${s.minimum} to ${s.maximum}`);
  else if (s.minimum !== undefined) out.push(`at least ${s.minimum}`);
  else if (s.maximum !== undefined) out.push(`at most ${s.maximum}`);
  if (s.maxLength !== undefined) out.push(`up to ${s.maxLength} characters`);
  if (s.pattern && !s.format && !s.pattern.startsWith(UUID_PATTERN_PREFIX)) out.push(`pattern ${s.pattern}`);
  if (s.default !== undefined) out.push(`default ${JSON.stringify(s.default)}`);
  return out;
}

const FORMAT_EXAMPLES: Record<string, unknown> = {
  uuid: "3fa85f64-5717-4562-b3fc-2c963f66afa6",
  "date-time": "2025-01-31T09:30:00.000Z",
  date: "2025-01-31",
  uri: "https://api.copa.rw/api/v1/cooperatives?page=2",
};

/** A plausible value for a schema: its own example, default, first choice, or one by type. */
export function exampleFor(schema: JsonSchema, components: SchemaComponents, depth = 0): unknown {
  if (depth > 8) return null;
  const s = resolve(schema, components);
  if (s.examples?.length) return s.examples[0];
  if (s.const !== undefined) return s.const;
  if (s.default !== undefined) return s.default;
  if (s.enum?.length) return s.enum[0];
  const branches = s.anyOf ?? s.oneOf;
  if (branches?.length) return exampleFor(branches.find((b) => b.type !== "null") ?? branches[0], components, depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== "null") : s.type;
  if (s.format && s.format in FORMAT_EXAMPLES) return FORMAT_EXAMPLES[s.format];
  switch (type) {
    case "object":
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, exampleFor(v, components, depth + 1)]));
    case "array":
      return s.items ? [exampleFor(s.items, components, depth + 1)] : [];
    case "integer":
      return s.minimum ?? 1;
    case "number":
      return s.minimum ?? 1.5;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return "string";
  }
}

/**
 * An example request body: required fields plus those with an example, leaving out
 * optional fields a reader would otherwise copy blindly.
 */
export function exampleBody(schema: JsonSchema, components: SchemaComponents): Record<string, unknown> {
  const s = resolve(schema, components);
  const required = new Set(s.required ?? []);
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(s.properties ?? {})) {
    const resolved = resolve(field, components);
    if (required.has(name) || resolved.examples?.length) out[name] = exampleFor(field, components);
  }
  return out;
}
