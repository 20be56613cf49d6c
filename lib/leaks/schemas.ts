import { z } from "zod";

// Messages are keys of the `leaks` namespace (translated by the form and the action).

export const LEAK_ACTIONS = ["revoke", "quarantine"] as const;
export type LeakAction = (typeof LEAK_ACTIONS)[number];

export const leakSettingsSchema = z.object({
  action: z.enum(LEAK_ACTIONS, { error: "leaks.errors.action" }),
  /** GitHub's published key document, or "[]" for none; checked by parseSigningKeys. */
  githubKeys: z.string().trim().max(20_000, "leaks.errors.keysTooLong"),
});
export type LeakSettingsInput = z.input<typeof leakSettingsSchema>;

export const reportLeakSchema = z.object({
  key: z.string().trim().min(1, "leaks.errors.keyRequired").max(200, "leaks.errors.keyFormat"),
  location: z.string().trim().max(500, "leaks.errors.locationTooLong").default(""),
});
export type ReportLeakInput = z.input<typeof reportLeakSchema>;

export const releaseQuarantineSchema = z.object({ reportId: z.string().uuid() });

/** One match in GitHub's alert payload (a JSON array of these). Unknown fields are ignored. */
export const githubAlertSchema = z
  .array(
    z.object({
      token: z.string().max(500),
      type: z.string().max(200).optional(),
      url: z.string().max(2000).optional().default(""),
      source: z.string().max(100).optional(),
    }),
  )
  .max(100);
