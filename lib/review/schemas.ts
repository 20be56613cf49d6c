import { z } from "zod";

export const reviewSettingsSchema = z.object({
  twoPersonProductionWrite: z.boolean({ message: "Choose on or off" }),
  twoPersonSystem: z.boolean({ message: "Choose on or off" }),
});
export type ReviewSettingsInput = z.input<typeof reviewSettingsSchema>;
