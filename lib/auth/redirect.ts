// Where to send a user after signing in. `callbackUrl` arrives from the query string, so
// it is attacker-controlled: only same-origin relative paths are honoured, otherwise an
// open redirect would let a phishing link bounce a freshly signed-in partner to a
// look-alike site. Pure: used by the sign-in page (server) and form (client).

/** The landing page after sign-in: it sends each user to where they belong. */
export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

const BASE = "http://copa.invalid";

/** `value` as a safe same-origin path (path, query, hash), or null when it is not one. */
export function safeCallbackPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2000) return null;
  // "//evil.example" and "/\evil.example" are protocol-relative to browsers; control
  // characters and backslashes have no business in our own paths.
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  // Going back to the auth pages would loop, and API routes are not pages.
  if (/^\/(sign-in|sign-up)(\/|$)/.test(url.pathname) || url.pathname.startsWith("/api/")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function afterSignInPath(callbackUrl: unknown): string {
  return safeCallbackPath(callbackUrl) ?? DEFAULT_AFTER_SIGN_IN;
}
