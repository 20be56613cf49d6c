// Countries for the organisation form: ISO 3166-1 alpha-2 codes (what the database
// stores), named in English by the platform's Intl data rather than a hand-kept list.
// Rwanda and its East African Community neighbours come first: that is where nearly all
// COPA partners are.

const ISO_CODES = (
  "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ " +
  "BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR " +
  "CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
  "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU " +
  "ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ " +
  "LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ " +
  "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF " +
  "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI " +
  "SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR " +
  "TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
).split(" ");

export const DEFAULT_COUNTRY = "RW";
const REGION_FIRST = ["RW", "BI", "CD", "KE", "SS", "SO", "TZ", "UG"];

export type CountryOption = { code: string; name: string };

export function isCountryCode(code: string): boolean {
  return ISO_CODES.includes(code.toUpperCase());
}

/**
 * Names countries in `locale`, in English where its data has no name: Kinyarwanda's ICU data
 * names only a few countries, and DisplayNames' default fallback would show the bare code.
 */
function countryNamer(locale: string): (code: string) => string {
  const own = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
  const english = new Intl.DisplayNames(["en"], { type: "region" });
  return (code) => own.of(code) ?? english.of(code) ?? code;
}

/** The country's name in the reader's language. */
export function countryName(code: string, locale = "en"): string {
  try {
    return countryNamer(locale)(code.toUpperCase());
  } catch {
    return code;
  }
}

/** The region's countries first, then every other country alphabetically, named in the reader's language. */
export function countryOptions(locale = "en"): { region: CountryOption[]; others: CountryOption[] } {
  const name = countryNamer(locale);
  const option = (code: string) => ({ code, name: name(code) });
  const region = REGION_FIRST.map(option);
  const others = ISO_CODES.filter((c) => !REGION_FIRST.includes(c))
    .map(option)
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  return { region, others };
}
