// A short, human label for a session's user agent ("Firefox on Windows"), for the account
// page's session list. Deliberately coarse: it helps a person recognise their own devices,
// and a client can send any user agent it likes, so nothing relies on it.
const BROWSERS: [RegExp, string][] = [
  [/Edg\//, "Edge"],
  [/OPR\//, "Opera"],
  [/Firefox\//, "Firefox"],
  [/Chrom(e|ium)\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//i, "curl"],
];
const SYSTEMS: [RegExp, string][] = [
  [/Android/, "Android"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

/** The words around the names, in the reader's language (the account page passes its translations). */
export type DeviceWords = { unknown: string; browserOn: (browser: string, system: string) => string };

const ENGLISH: DeviceWords = { unknown: "Unknown device", browserOn: (browser, system) => `${browser} on ${system}` };

export function describeUserAgent(userAgent: string | null | undefined, words: DeviceWords = ENGLISH): string {
  if (!userAgent) return words.unknown;
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1];
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1];
  if (browser && system) return words.browserOn(browser, system);
  return browser ?? system ?? words.unknown;
}
