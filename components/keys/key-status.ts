// What a key's status badge says. Derived from lib/keys/status keyState (the same rule
// the API applies), plus the one thing a partner most needs to notice: a key that stops
// working soon, either because it was rotated with a grace period or because its expiry
// is near. Pure, so it renders identically on the server and is unit-tested.
import { keyState, type KeyState } from "@/lib/keys/status";

export type BadgeTone = "neutral" | "green" | "amber" | "red" | "blue";

/** A message of the keys namespace and its values: the reader's translator turns it into words. */
export type KeyStatusMessage = { key: string; values?: Record<string, string | number> };

export type KeyDisplayStatus = {
  state: KeyState;
  /** The badge's words, e.g. keys.states.active or keys.status.expiring with {unit, count}. */
  label: KeyStatusMessage;
  tone: BadgeTone;
  /** One sentence for a tooltip or the detail page (a keys.status.explain.* message). */
  explanation: KeyStatusMessage;
};

/** Keys that expire within this window are flagged as expiring. */
export const EXPIRY_WARNING_MS = 7 * 86_400_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** 45 minutes, 3 hours, 6 days: rounded down, never 0 (under a minute: unit "none"). keys.status.expiring words it. */
export function durationParts(ms: number): { unit: "none" | "minute" | "hour" | "day"; count: number } {
  if (ms < MINUTE) return { unit: "none", count: 0 };
  if (ms < HOUR) return { unit: "minute", count: Math.floor(ms / MINUTE) };
  if (ms < DAY) return { unit: "hour", count: Math.floor(ms / HOUR) };
  return { unit: "day", count: Math.floor(ms / DAY) };
}

export type KeyStatusInput = {
  status: string;
  expiresAt: Date | null;
  revokedAt?: Date | null;
  revokedReason?: string | null;
  rotatedTo?: { id: string } | null;
};

const msg = (key: string, values?: Record<string, string | number>): KeyStatusMessage => (values ? { key, values } : { key });

export function keyDisplayStatus(key: KeyStatusInput, now = new Date()): KeyDisplayStatus {
  const state = keyState(key, now);
  switch (state) {
    case "pending":
      return { state, label: msg("keys.states.pending"), tone: "blue", explanation: msg("keys.status.explain.pending") };
    case "revoked":
      return {
        state,
        label: msg("keys.states.revoked"),
        tone: "red",
        explanation: msg(key.revokedReason === "Rotated" ? "keys.status.explain.revokedRotation" : "keys.status.explain.revoked"),
      };
    case "expired":
      return { state, label: msg("keys.states.expired"), tone: "neutral", explanation: msg(key.rotatedTo ? "keys.status.explain.expiredGrace" : "keys.status.explain.expired") };
    case "active": {
      const left = key.expiresAt ? key.expiresAt.getTime() - now.getTime() : Infinity;
      if (key.rotatedTo && left !== Infinity) {
        return { state, label: msg("keys.status.expiring", durationParts(left)), tone: "amber", explanation: msg("keys.status.explain.activeGrace") };
      }
      if (left <= EXPIRY_WARNING_MS) {
        return { state, label: msg("keys.status.expiring", durationParts(left)), tone: "amber", explanation: msg("keys.status.explain.activeExpiring") };
      }
      return { state, label: msg("keys.states.active"), tone: "green", explanation: msg("keys.status.explain.active") };
    }
  }
}
