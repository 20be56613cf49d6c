import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { Messages, Namespace } from "@/lib/i18n/messages";

/** What every client component may use, on every page (the root layout provides it). */
const SHARED: Namespace[] = ["common", "ui"];

/**
 * Gives the client components below it the messages of these namespaces (plus the shared
 * ones), in the request's locale and time zone. Only what is named is serialised into the
 * page, so a page carries its own area's words, not the whole portal's.
 *
 * A server component wraps its client part: `<ClientMessages namespaces={["keys"]}>`.
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: Namespace[]; children: React.ReactNode }) {
  const all = (await getMessages()) as Messages;
  const picked: Partial<Messages> = {};
  for (const ns of new Set([...SHARED, ...namespaces])) (picked as Record<string, unknown>)[ns] = all[ns];
  return <NextIntlClientProvider messages={picked}>{children}</NextIntlClientProvider>;
}
