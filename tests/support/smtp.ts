// A real SMTP server for tests (smtp-server), on an ephemeral port. Every mail it accepts
// is parsed (mailparser) and kept; `failing` makes it answer 451 to every message, and
// `stop()`/`start()` take it down and bring it back on the same port.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TestSmtp = {
  url: string;
  mails: ParsedMail[];
  failing: boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Mails to one address, oldest first. */
  to(address: string): ParsedMail[];
};

export async function startTestSmtp(): Promise<TestSmtp> {
  const mails: ParsedMail[] = [];
  let port = 0;
  let server: SMTPServer;
  const state = { failing: false };
  const make = () =>
    new SMTPServer({
      authOptional: true,
      // Plain SMTP: nodemailer would otherwise try STARTTLS against a self-signed certificate.
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", async () => {
          if (state.failing) {
            const error = Object.assign(new Error("Mailbox temporarily unavailable"), { responseCode: 451 });
            return callback(error);
          }
          mails.push(await simpleParser(Buffer.concat(chunks)));
          callback();
        });
      },
    });
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = make();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server.server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    mails,
    get failing() {
      return state.failing;
    },
    set failing(v: boolean) {
      state.failing = v;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start: listen,
    to: (address: string) => mails.filter((m) => [m.to].flat().some((t) => t?.value.some((v) => v.address?.toLowerCase() === address.toLowerCase()))),
  };
}
