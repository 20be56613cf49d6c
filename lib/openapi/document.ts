// The OpenAPI 3.1 document of the COPA API as this portal serves it, generated from the
// scope catalogue (which scope each endpoint needs, its summary, whether production
// serves it yet) and from the zod schemas the handlers parse with (lib/api/endpoints).
// Nothing here is written by hand twice: change a schema or the catalogue and the
// document, the reference page and the response-validation tests follow.
import { z } from "zod";
import { ENDPOINTS, type ApiEndpoint, type EndpointDefinition } from "@/lib/api/endpoints";
import { DETAIL } from "@/lib/api/responses";
import { rateLimitSchema, verifyRequestSchema, verifyResponseSchema } from "@/lib/gateway/schemas";
import { errorSchema } from "@/lib/sandbox/schemas";
import { PAGE_SIZE_MAX } from "@/lib/sandbox/schemas";
import { SCOPES, scopeAnchor, type ScopeEndpoint } from "@/lib/scopes/catalog";
import { ENDPOINT_SCOPES } from "@/lib/scopes/enforcement";

type Json = Record<string, unknown>;

export const OPENAPI_PATH = "/api/v1/openapi.json";

const ref = (kind: "schemas" | "responses" | "headers", name: string) => ({ $ref: `#/components/${kind}/${name}` });

function schemaId(schema: z.ZodType): string {
  const id = z.globalRegistry.get(schema)?.id;
  if (!id) throw new Error("openapi: every request and response schema needs .meta({ id })");
  return id;
}

/** zod's JSON Schema, tidied for OpenAPI 3.1 components. */
function tidy(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tidy);
  if (!node || typeof node !== "object") return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node as Json)) {
    // $id with a fragment is not valid JSON Schema; the dialect is the document's own.
    if (key === "$schema" || key === "$id") continue;
    // Number.MAX_SAFE_INTEGER bounds say nothing to a reader.
    if ((key === "maximum" || key === "minimum") && Math.abs(value as number) >= Number.MAX_SAFE_INTEGER) continue;
    // OpenAPI 3.1 prefers the JSON Schema `examples` array to the old `example`.
    if (key === "example") {
      out.examples = [value];
      continue;
    }
    out[key] = tidy(value);
  }
  return out;
}

function componentsOf(schemas: z.ZodType[], io: "input" | "output"): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const schema of schemas) if (!registry.has(schema)) registry.add(schema, { id: schemaId(schema) });
  const result = z.toJSONSchema(registry, { target: "draft-2020-12", io, uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, unknown> };
  // zod gathers schemas reused without an id under "__shared"; give them ids instead.
  if ("__shared" in result.schemas) throw new Error("openapi: a reused schema needs .meta({ id }) and a place in the component list");
  return Object.fromEntries(Object.entries(result.schemas).map(([id, s]) => [id, tidy(s)]));
}

function queryParameters(query: z.ZodObject) {
  return Object.entries(query.shape).map(([name, field]) => {
    const schema = tidy(z.toJSONSchema(field as z.ZodType, { io: "input" })) as Json;
    const { description, ...rest } = schema;
    return { name, in: "query", required: false, ...(description ? { description } : {}), schema: rest };
  });
}

const catalogueEntry = (endpoint: string): ScopeEndpoint => {
  for (const scope of SCOPES) {
    for (const e of scope.endpoints) if (`${e.method} ${e.path}` === endpoint) return e;
  }
  throw new Error(`openapi: ${endpoint} is not in the scope catalogue`);
};

const rateLimitHeaders = {
  "X-RateLimit-Limit": ref("headers", "X-RateLimit-Limit"),
  "X-RateLimit-Remaining": ref("headers", "X-RateLimit-Remaining"),
  "X-RateLimit-Reset": ref("headers", "X-RateLimit-Reset"),
};

function operation(endpoint: ApiEndpoint, definition: EndpointDefinition) {
  const scope = ENDPOINT_SCOPES.get(endpoint)!;
  const entry = catalogueEntry(endpoint);
  const isList = Boolean(definition.query && "page" in definition.query.shape);
  const parameters = [
    ...(definition.id ? [{ name: "id", in: "path", required: true, description: definition.id, schema: { type: "string", format: "uuid" } }] : []),
    ...(definition.query ? queryParameters(definition.query) : []),
  ];
  const notFound = [definition.id ? "no resource has this id" : null, isList ? `the page is past the last one ("${DETAIL.invalidPage}")` : null].filter(Boolean);
  const responses: Json = {
    [String(definition.status)]: {
      description: definition.status === 201 ? "Created." : "OK.",
      headers: rateLimitHeaders,
      content: { "application/json": { schema: ref("schemas", schemaId(definition.response)) } },
    },
    ...(definition.query || definition.body ? { "400": { ...ref("responses", "BadRequest") } } : {}),
    "401": ref("responses", "Unauthorized"),
    "403": ref("responses", "Forbidden"),
    ...(notFound.length ? { "404": { ...ref("responses", "NotFound"), description: `Not found: ${notFound.join(", or ")}.` } } : {}),
    "429": ref("responses", "TooManyRequests"),
    "500": ref("responses", "InternalError"),
  };
  return {
    operationId: definition.operationId,
    tags: [definition.tag],
    summary: entry.summary,
    description: `${definition.description}\n\nRequires the \`${scope}\` scope.${entry.production === "announced" ? " Announced for production; the sandbox serves it today." : ""}`,
    security: [{ bearerAuth: [scope] }, { apiKeyHeader: [scope] }],
    "x-copa-scope": scope,
    "x-copa-scope-docs": `/docs/scopes#${scopeAnchor(scope)}`,
    "x-copa-production": entry.production,
    ...(parameters.length ? { parameters } : {}),
    ...(definition.body
      ? { requestBody: { required: true, content: { "application/json": { schema: ref("schemas", schemaId(definition.body)) } } } }
      : {}),
    responses,
  };
}

const errorResponse = (description: string, examples: Record<string, string>, headers?: Json) => ({
  description,
  ...(headers ? { headers } : {}),
  content: {
    "application/json": {
      schema: ref("schemas", "Error"),
      examples: Object.fromEntries(Object.entries(examples).map(([name, detail]) => [name, { value: { detail } }])),
    },
  },
});

function buildDocument() {
  const entries = Object.entries(ENDPOINTS) as [ApiEndpoint, EndpointDefinition][];
  const paths: Record<string, Json> = {};
  for (const [endpoint, definition] of entries) {
    const [method, path] = endpoint.split(" ");
    paths[path] ??= {};
    paths[path][method.toLowerCase()] = operation(endpoint, definition);
  }

  paths["/keys/verify"] = {
    servers: [{ url: "/api", description: "This portal (the verification service is not part of /api/v1)" }],
    post: {
      operationId: "verifyKey",
      tags: ["Gateway"],
      summary: "Verify a key (COPA gateway only)",
      description:
        "For COPA's production gateway. Answers whether a presented key is valid and, given a scope, whether it may make the call; " +
        "with a scope the call is counted against the key's rate limits and usage (a refused call counts nothing), without one nothing is counted. " +
        "No caching: a revoked key is refused by the very next verification. Authenticate with a gateway credential issued by a COPA admin.",
      security: [{ gatewayCredential: [] }],
      requestBody: { required: true, content: { "application/json": { schema: ref("schemas", "VerifyRequest") } } },
      responses: {
        "200": { description: "The verdict. Invalid keys are a 200 with valid: false and a reason.", content: { "application/json": { schema: ref("schemas", "VerifyResponse") } } },
        "400": ref("responses", "BadRequest"),
        "401": errorResponse("Missing, malformed, unknown or revoked gateway credential.", { invalid: "Invalid gateway credential" }),
        "500": ref("responses", "InternalError"),
      },
    },
  };

  const requestSchemas = [...entries.flatMap(([, d]) => (d.body ? [d.body] : [])), verifyRequestSchema];
  const responseSchemas = [...entries.map(([, d]) => d.response), errorSchema, rateLimitSchema, verifyResponseSchema];

  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "COPA API",
      version: "1.0.0",
      summary: "Rwanda's cooperative data: cooperatives, members, loans and payments.",
      description: [
        "The COPA API as this portal's sandbox serves it. The sandbox holds clearly fictional sample data: every seeded cooperative's code starts with SBX, names and phone numbers are invented, and national ids are stored masked. Writes persist and are visible to every sandbox key.",
        "",
        "**Authentication.** Send your key as `Authorization: Bearer <key>` (recommended) or `X-API-Key: <key>`. The sandbox accepts sandbox keys only.",
        "",
        `**Checks, in order:** authentication (401 \`{"detail": "${DETAIL.invalidKey}"}\`, identical for every kind of bad key), the endpoint's scope (403 \`{"detail": "${DETAIL.insufficientScope}"}\`), the rate limit (429), then the request itself (400 naming the field, 404). A method a path does not serve is a 405 \`{"detail": "Method \\"DELETE\\" not allowed."}\` after authentication; an unknown path is a 404.`,
        "",
        `**Lists** use Django REST Framework's page-number pagination: \`{"count", "next", "previous", "results"}\`, \`page\` from 1, \`page_size\` up to ${PAGE_SIZE_MAX} (more is a 400), a page past the end is a 404 \`{"detail": "${DETAIL.invalidPage}"}\`.`,
        "",
        "**Rate limits** apply per key: by default 1,000 requests per rolling hour and 10,000 per rolling day. Every response to a recognised key carries `X-RateLimit-Limit`, `X-RateLimit-Remaining` and `X-RateLimit-Reset` for the window closest to exhaustion; 401 responses carry none, so they cannot reveal whether a key exists. Requests refused with 403 or 429 are not counted.",
      ].join("\n"),
      contact: { name: "COPA Developer Portal", url: "/docs" },
    },
    servers: [
      { url: "/api/v1", description: "Sandbox (this portal; sandbox keys)" },
      { url: "https://api.staging.copa.rw/api/v1", description: "Staging" },
      { url: "https://api.copa.rw/api/v1", description: "Production (production keys)" },
    ],
    tags: [
      { name: "Cooperatives", description: "Registered cooperatives." },
      { name: "Members", description: "Members of cooperatives." },
      { name: "Loans", description: "Loans of cooperatives to their members (announced for production)." },
      { name: "Payments", description: "Payments to cooperatives (announced for production)." },
      { name: "Gateway", description: "The key verification service for COPA's gateway." },
    ],
    paths,
    components: {
      schemas: { ...componentsOf(responseSchemas, "output"), ...componentsOf(requestSchemas, "input") },
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "sk_copa_{type}_{32 characters}", description: "Authorization: Bearer <key> (recommended)." },
        apiKeyHeader: { type: "apiKey", in: "header", name: "X-API-Key", description: "X-API-Key: <key>." },
        gatewayCredential: { type: "http", scheme: "bearer", bearerFormat: "gw_copa_{32 characters}", description: "A gateway credential (verification service only)." },
      },
      headers: {
        "X-RateLimit-Limit": { description: "Requests allowed in the binding window: the rolling hour or the rolling day, whichever has fewer requests left.", schema: { type: "integer" } },
        "X-RateLimit-Remaining": { description: "Requests left in that window after this one.", schema: { type: "integer" } },
        "X-RateLimit-Reset": { description: "Unix time in seconds at which that window next frees capacity (its oldest counted request leaves it). On a 429: when the next request will fit.", schema: { type: "integer" } },
        "Retry-After": { description: "Seconds to wait before the next request can succeed.", schema: { type: "integer", minimum: 1 } },
      },
      responses: {
        BadRequest: errorResponse("Invalid parameters or body; the detail names each field.", {
          missingField: "name: This field is required.",
          pageSize: `page_size: Ensure this value is less than or equal to ${PAGE_SIZE_MAX}.`,
          badJson: "JSON parse error - Unexpected end of JSON input",
        }, rateLimitHeaders),
        Unauthorized: errorResponse("The key is missing, malformed, unknown, revoked or expired, its organisation is suspended, or it is not a sandbox key. No rate-limit headers.", { invalidKey: DETAIL.invalidKey }),
        Forbidden: errorResponse("The key is valid but lacks the endpoint's scope. Not counted against the rate limit.", { insufficientScope: DETAIL.insufficientScope }, rateLimitHeaders),
        NotFound: errorResponse("Not found.", { notFound: DETAIL.notFound, invalidPage: DETAIL.invalidPage }, rateLimitHeaders),
        TooManyRequests: errorResponse("Over the key's hourly or daily limit. Not counted.", { throttled: DETAIL.throttled(42) }, {
          ...rateLimitHeaders,
          "Retry-After": ref("headers", "Retry-After"),
        }),
        InternalError: errorResponse("An unexpected error; nothing was half-written.", { internal: DETAIL.internal }),
      },
    },
  };
}

let cached: ReturnType<typeof buildDocument> | undefined;

/** The document (built once per process: it depends only on code). */
export function getOpenApiDocument() {
  cached ??= buildDocument();
  return cached;
}

export type OpenApiDocument = ReturnType<typeof getOpenApiDocument>;
