// Runs once when the portal's server starts (Next.js instrumentation). Starts the
// background work that belongs to the server process: the mail worker, which delivers the
// outbox when SMTP_URL is set (lib/mail/worker.ts), and the reminder scheduler
// (lib/reminders/scheduler.ts). Every instance runs both; rows in the database keep them
// from sending a mail or a reminder twice.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startMailWorker } = await import("@/lib/mail/worker");
  const { startReminderScheduler } = await import("@/lib/reminders/scheduler");
  startMailWorker();
  startReminderScheduler();
}
