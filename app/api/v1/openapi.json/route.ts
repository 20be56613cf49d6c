// GET /api/v1/openapi.json: the OpenAPI 3.1 document (public, no key). Generated from the
// scope catalogue and the handlers' own schemas (lib/openapi), so it is built once at
// build time and served as a static file.
import { getOpenApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(JSON.stringify(getOpenApiDocument(), null, 2), {
    headers: {
      "Content-Type": "application/json",
      // Public and free of secrets: tools on other origins (editors, code generators) may read it.
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "public, max-age=300",
    },
  });
}
