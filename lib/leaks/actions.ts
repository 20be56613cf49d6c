"use server";

// Admin actions on leak reports (lib/leaks/service.ts), each behind adminAction and a
// recent sign-in: they revoke keys or change who may report.
import { adminAction } from "@/lib/auth/actions";
import { requireFreshAuth } from "@/lib/auth/step-up";
import { leakSettingsSchema, releaseQuarantineSchema, reportLeakSchema } from "./schemas";
import { releaseQuarantine, reportLeaks, updateLeakSettings } from "./service";

export const updateLeakSettingsAction = adminAction(leakSettingsSchema, async (input, admin, { ip }) => {
  await requireFreshAuth(admin);
  await updateLeakSettings(input, admin, ip);
});

/** An admin's report of a key found somewhere; answers how many keys of ours it acted on or recorded. */
export const reportLeakAction = adminAction(reportLeakSchema, async (input, admin, { ip }) => {
  await requireFreshAuth(admin);
  return reportLeaks([{ token: input.key, location: input.location }], { source: "admin", admin }, ip);
});

export const releaseQuarantineAction = adminAction(releaseQuarantineSchema, async (input, admin, { ip }) => {
  await requireFreshAuth(admin);
  await releaseQuarantine(input.reportId, admin, ip);
});
