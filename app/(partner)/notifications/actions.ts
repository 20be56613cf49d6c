"use server";

import { z } from "zod";
import { userAction } from "@/lib/auth/actions";
import { markAllNotificationsRead, markNotificationRead, markReadSchema } from "@/lib/notifications/service";

/** Marks one of the caller's own notifications read (another user's id is not found). */
export const markNotificationReadAction = userAction(markReadSchema, async (input, user) => markNotificationRead(user.id, input.notificationId));

/** Marks every notification of the caller read. */
export const markAllNotificationsReadAction = userAction(z.object({}), async (_input, user) => markAllNotificationsRead(user.id));
