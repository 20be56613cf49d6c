// The database side of lib/keys/status.ts keyState: the same rule as a Prisma where
// clause, so lists and counts filter by state exactly as the API judges a key.
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { KeyState } from "./status";

/** The database condition for a key's derived state (lib/keys/status.ts keyState). */
export function keyStateWhere(state: KeyState, now = new Date()): Prisma.ApiKeyWhereInput {
  switch (state) {
    case "pending":
      return { status: "pending", revokedAt: null };
    case "revoked":
      return { OR: [{ status: "revoked" }, { revokedAt: { not: null } }] };
    case "expired":
      return { status: "active", revokedAt: null, expiresAt: { lte: now } };
    case "active":
      return { status: "active", revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  }
}
