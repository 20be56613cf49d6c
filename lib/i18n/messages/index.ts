// Every message of the portal, per language, one JSON file per area (namespace) so that
// areas can be translated and reviewed apart. English is the reference: its shape is the
// type every other language must match (checked by tsc here and, both ways with the
// placeholders of each message, by messages.test.ts).
import enCommon from "./en/common.json";
import enHome from "./en/home.json";
import frCommon from "./fr/common.json";
import frHome from "./fr/home.json";
import rwCommon from "./rw/common.json";
import rwHome from "./rw/home.json";
import type { Locale } from "../config";

const en = { common: enCommon, home: enHome };
export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = {
  en,
  fr: { common: frCommon, home: frHome },
  rw: { common: rwCommon, home: rwHome },
};
