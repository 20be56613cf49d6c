// The portal's browser security policy, built per request by proxy.ts (pure, so it is
// tested beside this file). Why each choice:
// - script-src: a fresh nonce per response plus 'strict-dynamic'. Next puts the nonce on
//   every script it renders (it reads it from the request's CSP header), and scripts those
//   load are trusted in turn; no inline script without the nonce runs, so injected markup
//   cannot execute. 'self' is only a fallback for browsers without 'strict-dynamic'.
//   `next dev` alone needs 'unsafe-eval' (React's dev tooling).
// - style-src: stylesheets from our origin (Tailwind's compiled CSS, next/font) and style
//   elements carrying the nonce (Next adds it to those it renders). Style *attributes* are
//   allowed (style-src-attr 'unsafe-inline'): shiki colours code with them and a few bars
//   size with them. An attribute cannot hold selectors, so the CSS data-exfiltration tricks
//   need a <style> element, which the nonce refuses; and any url() it names is confined by
//   img-src/font-src 'self'. Injected markup could restyle itself, which it already can
//   with any class of our stylesheet. In development Next injects unnonced style elements
//   for hot reload, so there style elements are allowed too.
// - connect-src 'self': the docs' "Try it" calls /api/v1 on the same origin; nothing else.
// - HSTS only when the portal's URL is https (a browser ignores it over http anyway, and a
//   local http portal must stay reachable); upgrade-insecure-requests likewise.
import { randomBytes } from "node:crypto";

export type PolicyOptions = { https: boolean; dev: boolean };

/** 128 random bits, base64: unguessable and fresh for every response. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

export function contentSecurityPolicy(nonce: string, { https, dev }: PolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}

/** Headers every page response carries besides the CSP. */
export function documentSecurityHeaders({ https }: Pick<PolicyOptions, "https">): Record<string, string> {
  return {
    "Cross-Origin-Opener-Policy": "same-origin",
    // Two years, the portal's own subdomains included; no preload, which is a decision for
    // whoever owns the domain.
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
