// When a key's page warns of its expiry, and where "Request a renewal" leads. Pure.
import { parseScopes } from "@/lib/scopes/enforcement";

/** The countdown shows from this many days before a key expires. */
export const EXPIRY_WARNING_DAYS = 14;

/** Whole days left, rounded up ("expires in 1 day" until the last moment); 0 once past. */
export function daysUntil(expiresAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((expiresAt.getTime() - now.getTime()) / 86_400_000));
}

/** A new request prefilled from the key's own request when it has one, else from the key. */
export function renewalHref(key: { type: string; environment: string; scopes: string; requestId: string | null }): string {
  if (key.requestId) return `/requests/new?from=${encodeURIComponent(key.requestId)}`;
  const params = new URLSearchParams({ scopes: parseScopes(key.scopes).join(","), type: key.type, environment: key.environment });
  return `/requests/new?${params.toString()}`;
}
