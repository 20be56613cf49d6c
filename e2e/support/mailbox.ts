// The e2e SMTP server's inbox (scripts/e2e-server.ts writes each received mail into
// E2E.mailDir). Specs wait for a mail to their own address, so parallel workers never
// read each other's, and follow the link in it like a user would.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { simpleParser, type ParsedMail } from "mailparser";
import { E2E } from "../../playwright.config";

const DIR = path.resolve(__dirname, "..", "..", E2E.mailDir);

async function mailsTo(address: string): Promise<ParsedMail[]> {
  const files = readdirSync(DIR).filter((f) => f.endsWith(".eml")).sort();
  const out: ParsedMail[] = [];
  for (const file of files) {
    const raw = readFileSync(path.join(DIR, file));
    // Cheap filter before parsing: the address appears in the To header.
    if (!raw.includes(address)) continue;
    const mail = await simpleParser(raw);
    if ([mail.to].flat().some((t) => t?.value.some((v) => v.address?.toLowerCase() === address.toLowerCase()))) out.push(mail);
  }
  return out;
}

/** Waits for the `nth` (1-based, default the first) mail to `address` whose subject matches. */
export async function waitForMail(address: string, subject: RegExp, nth = 1): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect
    .poll(async () => {
      found = (await mailsTo(address)).filter((m) => subject.test(m.subject ?? ""))[nth - 1];
      return Boolean(found);
    }, { message: `a mail to ${address} with subject ${subject}`, timeout: 30_000, intervals: [250, 500, 1000] })
    .toBe(true);
  return found!;
}

/** All mails to an address so far (to assert that nothing else was sent). */
export async function allMailTo(address: string): Promise<ParsedMail[]> {
  return mailsTo(address);
}

/** The portal link in a mail's text (the one button every mail has). */
export function linkIn(mail: ParsedMail, pathPrefix: string): string {
  const match = new RegExp(`https?://[^\\s]+${pathPrefix.replace(/[/?]/g, "\\$&")}[^\\s]*`).exec(mail.text ?? "");
  if (!match) throw new Error(`no ${pathPrefix} link in mail "${mail.subject}"`);
  return match[0];
}
