// A key's effective state, derived from stored fields (pure; shared by UI, API and tests).

export type KeyState = "pending" | "active" | "expired" | "revoked";

export function keyState(key: { status: string; expiresAt: Date | null; revokedAt?: Date | null }, now = new Date()): KeyState {
  if (key.status === "revoked" || key.revokedAt) return "revoked";
  if (key.status === "pending") return "pending";
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export const ROTATION_GRACE = [
  { id: "now", label: "Immediately", ms: 0 },
  { id: "1h", label: "1 hour", ms: 3_600_000 },
  { id: "24h", label: "24 hours", ms: 86_400_000 },
  { id: "7d", label: "7 days", ms: 7 * 86_400_000 },
] as const;
export type RotationGrace = (typeof ROTATION_GRACE)[number]["id"];
export const ROTATION_GRACE_IDS = ROTATION_GRACE.map((g) => g.id) as [RotationGrace, ...RotationGrace[]];
