// What a key's status badge says. Derived from lib/keys/status keyState (the same rule
// the API applies), plus the one thing a partner most needs to notice: a key that stops
// working soon, either because it was rotated with a grace period or because its expiry
// is near. Pure, so it renders identically on the server and is unit-tested.
import { keyState, type KeyState } from "@/lib/keys/status";

export type BadgeTone = "neutral" | "green" | "amber" | "red" | "blue";

export type KeyDisplayStatus = {
  state: KeyState;
  label: string;
  tone: BadgeTone;
  /** One sentence for a tooltip or the detail page. */
  explanation: string;
};

/** Keys that expire within this window are flagged as expiring. */
export const EXPIRY_WARNING_MS = 7 * 86_400_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "45 minutes", "3 hours", "6 days": rounded down, never "0". */
export function formatDuration(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (ms < MINUTE) return "less than a minute";
  if (ms < HOUR) return plural(Math.floor(ms / MINUTE), "minute");
  if (ms < DAY) return plural(Math.floor(ms / HOUR), "hour");
  return plural(Math.floor(ms / DAY), "day");
}

export type KeyStatusInput = {
  status: string;
  expiresAt: Date | null;
  revokedAt?: Date | null;
  revokedReason?: string | null;
  rotatedTo?: { id: string } | null;
};

export function keyDisplayStatus(key: KeyStatusInput, now = new Date()): KeyDisplayStatus {
  const state = keyState(key, now);
  switch (state) {
    case "pending":
      return { state, label: "Ready to reveal", tone: "blue", explanation: "Approved. Reveal the key to copy it; it is shown only once." };
    case "revoked":
      return {
        state,
        label: "Revoked",
        tone: "red",
        explanation: key.revokedReason === "Rotated" ? "Replaced by a rotation that took effect immediately." : "Refused by the API since it was revoked.",
      };
    case "expired":
      return { state, label: "Expired", tone: "neutral", explanation: key.rotatedTo ? "The rotation grace period has ended." : "The key passed its expiry date." };
    case "active": {
      const left = key.expiresAt ? key.expiresAt.getTime() - now.getTime() : Infinity;
      if (key.rotatedTo && left !== Infinity) {
        return { state, label: `Expiring in ${formatDuration(left)}`, tone: "amber", explanation: "Rotated: this key keeps working until the grace period ends. Move to its replacement." };
      }
      if (left <= EXPIRY_WARNING_MS) {
        return { state, label: `Expiring in ${formatDuration(left)}`, tone: "amber", explanation: "Close to its expiry date. Rotate it or request a new key in time." };
      }
      return { state, label: "Active", tone: "green", explanation: "Accepted by the API." };
    }
  }
}
