// SMTP through nodemailer, from SMTP_URL (smtp://user:pass@host:port, smtps://...).
import nodemailer from "nodemailer";

export type OutgoingMail = { from: string; to: string; subject: string; text: string; html: string };
export type MailTransport = { send(mail: OutgoingMail): Promise<void>; close(): void };

export function createSmtpTransport(url: string): MailTransport {
  // Short timeouts: a hung server must not hold a claimed mail past its lease.
  const transporter = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as never);
  return {
    async send(mail) {
      await transporter.sendMail(mail);
    },
    close() {
      transporter.close();
    },
  };
}
