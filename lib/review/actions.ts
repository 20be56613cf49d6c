"use server";
// The review rules' server action. Every export is a public endpoint: built with
// adminAction (session, admin role and two-factor re-read from the database).
import { adminAction } from "@/lib/auth/actions";
import { reviewSettingsSchema } from "./schemas";
import { updateReviewSettings } from "./settings";

export const updateReviewSettingsAction = adminAction(reviewSettingsSchema, async (input, admin, { ip }) => {
  await updateReviewSettings(input, admin, ip);
  return null;
});
