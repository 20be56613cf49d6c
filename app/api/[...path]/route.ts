// The machine APIs on the portal's own origin: every /api/... path that no other route
// handler claims (auth and health are more specific) goes to the one Hono app that the
// API service also serves on its own port (lib/api/app.ts). So `next dev`, `next start`
// and the docs' "Try it" answer /api/v1 and /api/keys/verify with the same bytes.
import { getApiApp } from "@/lib/api/app";

export const dynamic = "force-dynamic";

const handle = (request: Request) => getApiApp().fetch(request);

export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const OPTIONS = handle;
