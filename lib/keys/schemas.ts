import { z } from "zod";
import { ROTATION_GRACE_IDS } from "./status";

export const keyIdSchema = z.object({ keyId: z.string().uuid("Unknown key") });

export const rotateKeySchema = z.object({
  keyId: z.string().uuid("Unknown key"),
  grace: z.enum(ROTATION_GRACE_IDS, { message: "Choose how long the old key keeps working" }),
});
export type RotateKeyInput = z.input<typeof rotateKeySchema>;

export const revokeKeySchema = z.object({
  keyId: z.string().uuid("Unknown key"),
  confirmName: z.string().trim().min(1, "Type the key's name to confirm"),
  reason: z.string().trim().max(500, "Use at most 500 characters").optional().default(""),
});
export type RevokeKeyInput = z.input<typeof revokeKeySchema>;

export const keyLimitsSchema = z.object({
  keyId: z.string().uuid("Unknown key"),
  rateLimitHour: z.coerce.number().int().min(1, "At least 1").max(1_000_000).nullable(),
  rateLimitDay: z.coerce.number().int().min(1, "At least 1").max(10_000_000).nullable(),
});
