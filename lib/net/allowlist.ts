// A key's IP allowlist: the addresses and CIDR ranges it may be used from. Parsing and
// matching are ipaddr.js's; this module decides what an entry may look like and keeps one
// canonical form, so what the partner typed, what is stored and what the API matches are
// the same text.
//
// - Addresses are validated strictly (node's isIP: dotted-quad IPv4 or RFC 4291 IPv6, no
//   zone index): ipaddr.js alone would also take "10.1" or octal parts, which nobody means.
// - A range is stored as its network address (10.1.2.3/8 becomes 10.0.0.0/8); a single
//   address without its full-length prefix (203.0.113.7, not /32).
// - IPv4-mapped IPv6 (::ffff:203.0.113.7, ::ffff:10.0.0.0/104) becomes the IPv4 it maps,
//   both in entries and in the address being checked, so a dual-stack socket's address
//   matches an IPv4 entry.
// - An empty list means any address. A key with a list is refused when the caller's
//   address is unknown: a restriction that cannot be checked is not waived.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** Entries a key may hold; more is a sign of a list that belongs in a firewall. */
export const MAX_ALLOWLIST_ENTRIES = 50;

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Address, number];

export type EntryResult = { ok: true; entry: string } | { ok: false; reason: "invalid" | "prefix" };

const maxPrefix = (address: Address) => (address.kind() === "ipv4" ? 32 : 128);

/** An address, IPv4-mapped IPv6 unwrapped. Null when `value` is not strictly an IP address. */
function parseAddress(value: string): Address | null {
  if (value.includes("%") || isIP(value) === 0) return null;
  const address = ipaddr.parse(value);
  return address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

function canonical([address, prefix]: Range): string {
  const text = address.toString();
  return prefix === maxPrefix(address) ? text : `${text}/${prefix}`;
}

/** One entry, validated and in canonical form. */
export function normalizeAllowlistEntry(raw: string): EntryResult {
  const value = raw.trim().toLowerCase();
  const slash = value.indexOf("/");
  const addressText = slash === -1 ? value : value.slice(0, slash);
  const prefixText = slash === -1 ? null : value.slice(slash + 1);
  // A zone index (fe80::1%eth0) names an interface of one host, not an address to allow.
  if (addressText.includes("%") || isIP(addressText) === 0) return { ok: false, reason: "invalid" };
  const parsed = ipaddr.parse(addressText);
  let prefix = prefixText === null ? maxPrefix(parsed) : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix(parsed)) return { ok: false, reason: "prefix" };
  let address: Address = parsed;
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress() && prefix >= 96) {
    address = (parsed as ipaddr.IPv6).toIPv4Address();
    prefix -= 96;
  }
  const network = address.kind() === "ipv4" ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${prefix}`) : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${prefix}`);
  return { ok: true, entry: canonical([network, prefix]) };
}

export type AllowlistResult = { ok: true; entries: string[] } | { ok: false; entry: string; reason: "invalid" | "prefix" | "too_many" };

/**
 * A partner's list (entries separated by new lines, commas or spaces), validated,
 * canonical and without duplicates, in the order given.
 */
export function normalizeAllowlist(text: string): AllowlistResult {
  const raw = text.split(/[\s,]+/).filter(Boolean);
  const entries: string[] = [];
  for (const item of raw) {
    const result = normalizeAllowlistEntry(item);
    if (!result.ok) return { ok: false, entry: item, reason: result.reason };
    if (!entries.includes(result.entry)) entries.push(result.entry);
  }
  if (entries.length > MAX_ALLOWLIST_ENTRIES) return { ok: false, entry: entries[MAX_ALLOWLIST_ENTRIES], reason: "too_many" };
  return { ok: true, entries };
}

/** The stored form: canonical entries separated by single spaces ("" = any address). */
export const serializeAllowlist = (entries: readonly string[]) => entries.join(" ");
export const parseStoredAllowlist = (stored: string | null | undefined): string[] => (stored ?? "").split(" ").filter(Boolean);

// The hot path parses a key's stored list once per distinct text, not once per request.
// Keyed by the text itself, so an edit is a different key: nothing here can go stale.
const parsedLists = new Map<string, Range[]>();
const PARSED_LISTS_MAX = 10_000;

function rangesOf(stored: string): Range[] {
  let ranges = parsedLists.get(stored);
  if (!ranges) {
    ranges = parseStoredAllowlist(stored).flatMap((entry): Range[] => {
      const result = normalizeAllowlistEntry(entry);
      if (!result.ok) return [];
      const [address, prefix] = result.entry.includes("/") ? ipaddr.parseCIDR(result.entry) : [ipaddr.parse(result.entry), 0];
      return [[address, result.entry.includes("/") ? prefix : maxPrefix(address)]];
    });
    if (parsedLists.size >= PARSED_LISTS_MAX) parsedLists.clear();
    parsedLists.set(stored, ranges);
  }
  return ranges;
}

/** Whether a caller at `ip` may use a key whose stored allowlist is `stored`. */
export function isIpAllowed(stored: string | null | undefined, ip: string | null): boolean {
  if (!stored) return true;
  const ranges = rangesOf(stored);
  // A stored list that no longer parses allows nothing rather than everything.
  if (ranges.length === 0) return false;
  const address = ip ? parseAddress(ip.trim()) : null;
  if (!address) return false;
  // An IPv4 caller also matches IPv6 ranges that cover its mapped form (e.g. ::/0).
  const forms: Address[] = address.kind() === "ipv4" ? [address, (address as ipaddr.IPv4).toIPv4MappedAddress()] : [address];
  return ranges.some(([network, prefix]) => forms.some((form) => form.kind() === network.kind() && form.match(network as never, prefix)));
}
