"use server";
// Admin server action behind components/usage/rate-limit-form.tsx. Built with adminAction:
// the role is re-read from the database and the input parsed with the form's own schema.
import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/actions";
import { keyLimitsSchema } from "@/lib/keys/schemas";
import { setKeyRateLimits } from "./limits";

export const updateKeyRateLimitsAction = adminAction(keyLimitsSchema, async (input, admin, { ip }) => {
  await setKeyRateLimits(input, admin, ip);
  // The admin key pages show the limits; refresh whatever page embedded the form.
  revalidatePath("/admin", "layout");
});
