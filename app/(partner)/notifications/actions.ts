"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { userAction } from "@/lib/auth/actions";
import { markAllNotificationsRead, markNotificationRead, markReadSchema } from "@/lib/notifications/service";

// The bell lives in the root layout, which a client navigation does not re-render:
// revalidating it makes the action's answer carry the header with the new count.

/** Marks one of the caller's own notifications read (another user's id is not found). */
export const markNotificationReadAction = userAction(markReadSchema, async (input, user) => {
  const result = await markNotificationRead(user.id, input.notificationId);
  revalidatePath("/", "layout");
  return result;
});

/** Marks every notification of the caller read. */
export const markAllNotificationsReadAction = userAction(z.object({}), async (_input, user) => {
  const result = await markAllNotificationsRead(user.id);
  revalidatePath("/", "layout");
  return result;
});
