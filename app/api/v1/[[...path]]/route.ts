// Any other path under /api/v1: a JSON 404 {"detail": "Not found."} for every method,
// rather than the portal's HTML page. Matched only when no real route does.
import { unknownPath } from "@/lib/api/with-api-key";

export const GET = unknownPath;
export const HEAD = unknownPath;
export const POST = unknownPath;
export const PUT = unknownPath;
export const PATCH = unknownPath;
export const DELETE = unknownPath;
export const OPTIONS = unknownPath;
