// Runs once when the portal's server starts (Next.js instrumentation). Starts the
// background work that belongs to the server process: the mail worker, which delivers the
// outbox when SMTP_URL is set (lib/mail/worker.ts). Every instance runs one; claims in the
// database keep them from sending a mail twice.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startMailWorker } = await import("@/lib/mail/worker");
  startMailWorker();
}
